import { fieldPath, indexPath } from '../../base/path.js';
import { itemAnchor, keySpan } from '../../resources/decode.js';
import { checkDestination } from '../checks/backend-checks.js';
import { readRoute } from '../../resources/gateway-route.js';
import type { AdmissionRule } from '../rule.js';

/**
 * The backends of each MeshGatewayRoute HTTP rule: required unless the rule redirects, forbidden
 * when it does, each with a destination holding `kuma.io/service`.
 */
export const routeBackends: AdmissionRule = {
  id: 'route-backends',
  kinds: ['MeshGatewayRoute'],
  group: 'route-http-rule',
  check(doc, report) {
    const route = readRoute(doc);
    if (route.route !== 'http') return;
    for (const rule of route.httpRules) {
      // Kuma stops checking a rule at missing matches or at a redirect mixed with other filters.
      if (rule.matches.value.length === 0 || rule.redirectConflict) continue;
      const item = rule.index;
      const path = fieldPath(rule.path, 'backends');
      const span = rule.backends.pair ? keySpan(rule.backends.pair) : itemAnchor(rule.node);
      if (rule.backends.value.length === 0) {
        if (!rule.hasRedirect) report({ path, message: 'cannot be empty', span, item });
      } else if (rule.hasRedirect) {
        report({ path, message: 'must be empty when using redirect filters', span, item });
      }
      rule.backends.value.forEach((backend, b) => {
        checkDestination(backend, indexPath(path, b), itemAnchor(backend), (v) => report({ ...v, item }));
      });
    }
  },
};
