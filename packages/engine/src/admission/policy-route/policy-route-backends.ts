import { fieldPath, indexPath } from '../../base/path.js';
import { gatewayTargetRef } from '../../resources/policy-route.js';
import { itemAnchor, keySpan, listField, looseStringField, messageField } from '../../resources/decode.js';
import type { AdmissionRule } from '../rule.js';

/**
 * With a MeshGateway target, each rule of a MeshHTTPRoute needs `default.backendRefs` unless it
 * has a `RequestRedirect` filter; each rule of a MeshTCPRoute always needs them.
 */
export const policyRouteBackends: AdmissionRule = {
  id: 'policy-route-backends',
  kinds: ['MeshHTTPRoute', 'MeshTCPRoute'],
  group: 'policy-route-to',
  check(doc, report) {
    if (!gatewayTargetRef(doc)) return;
    listField(doc.spec, 'to').value.forEach((to, i) => {
      listField(to, 'rules').value.forEach((rule, j) => {
        const path = fieldPath(fieldPath(indexPath(fieldPath(indexPath('to', i), 'rules'), j), 'default'), 'backendRefs');
        const defaults = messageField(rule, 'default');
        const backendRefs = listField(defaults.value, 'backendRefs');
        if (backendRefs.value.length > 0) return;
        const at = backendRefs.pair ?? defaults.pair;
        const span = at ? keySpan(at) : itemAnchor(rule);
        if (doc.kind === 'MeshTCPRoute') {
          report({ path, message: 'must be defined', span, item: i });
          return;
        }
        const redirects = listField(defaults.value, 'filters').value.some((f) => looseStringField(f, 'type').value === 'RequestRedirect');
        if (!redirects) report({ path, message: 'must not be empty', span, item: i });
      });
    });
  },
};
