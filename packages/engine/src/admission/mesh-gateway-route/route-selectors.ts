import { checkSelectors } from '../checks/selector-checks.js';
import type { AdmissionRule } from '../rule.js';

/** MeshGatewayRoute `selectors`: at least one, each with `kuma.io/service`. */
export const routeSelectors: AdmissionRule = {
  id: 'route-selectors',
  kinds: ['MeshGatewayRoute'],
  check(doc, report) {
    checkSelectors(doc, report, { atMostOne: false });
  },
};
