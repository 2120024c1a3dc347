import { keySpan, specAnchor } from '../../resources/decode.js';
import { readRoute } from '../../resources/gateway-route.js';
import type { AdmissionRule } from '../rule.js';

/**
 * MeshGatewayRoute `conf` needs `http` or `tcp`; `http` needs rules. (`tcp` is not validated by
 * Kuma at all.)
 */
export const routeConf: AdmissionRule = {
  id: 'route-conf',
  kinds: ['MeshGatewayRoute'],
  check(doc, report) {
    const route = readRoute(doc);
    if (route.route === null) {
      report({ path: 'conf', message: 'cannot be empty', span: route.conf.pair ? keySpan(route.conf.pair) : specAnchor(doc) });
      return;
    }
    if (route.route === 'http' && route.rules.value.length === 0) {
      const at = route.rules.pair ?? route.http.pair;
      report({ path: 'conf.http.rules', message: 'cannot be empty', span: at ? keySpan(at) : specAnchor(doc) });
    }
  },
};
