import { isCrossMesh, readGateway } from '../../resources/gateway.js';
import { checkSelectors } from '../checks/selector-checks.js';
import type { AdmissionRule } from '../rule.js';

/** MeshGateway `selectors`: at least one, each with `kuma.io/service`; only one when crossMesh. */
export const gatewaySelectors: AdmissionRule = {
  id: 'gateway-selectors',
  kinds: ['MeshGateway'],
  check(doc, report) {
    checkSelectors(doc, report, { atMostOne: isCrossMesh(readGateway(doc)) });
  },
};
