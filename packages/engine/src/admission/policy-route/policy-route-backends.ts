import { fieldPath, indexPath } from '../../base/path.js';
import { gatewayTargetRef } from '../../resources/policy-route.js';
import { itemAnchor, keySpan, listField, looseStringField, messageField } from '../../resources/decode.js';
import { inRange } from '../../kuma/versions.js';
import { GATEWAY_TARGETS } from './policy-route-target.js';
import type { AdmissionRule, VersionedCheck } from '../rule.js';

const REDIRECT_WITHOUT_BACKENDS: VersionedCheck = {
  versions: { since: '2.7' },
  what: 'lets a MeshHTTPRoute rule with a `RequestRedirect` filter go without backendRefs',
};
const TCP_BACKENDS_REQUIRED: VersionedCheck = {
  versions: { since: '2.10' },
  what: 'refuses a MeshTCPRoute rule without backendRefs (`must be defined`); before, only the schema refuses an empty list',
};

/**
 * With a MeshGateway target (from 2.6), each rule of a MeshHTTPRoute needs `default.backendRefs`
 * unless (from 2.7) it has a `RequestRedirect` filter; from 2.10 each rule of a MeshTCPRoute
 * always needs them.
 */
export const policyRouteBackends: AdmissionRule = {
  id: 'policy-route-backends',
  kinds: ['MeshHTTPRoute', 'MeshTCPRoute'],
  group: 'policy-route-to',
  versions: GATEWAY_TARGETS,
  changes: [REDIRECT_WITHOUT_BACKENDS, TCP_BACKENDS_REQUIRED],
  check(doc, report, target) {
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
          if (inRange(target, TCP_BACKENDS_REQUIRED.versions)) report({ path, message: 'must be defined', span, item: i });
          return;
        }
        const redirects =
          inRange(target, REDIRECT_WITHOUT_BACKENDS.versions) &&
          listField(defaults.value, 'filters').value.some((f) => looseStringField(f, 'type').value === 'RequestRedirect');
        if (!redirects) report({ path, message: 'must not be empty', span, item: i });
      });
    });
  },
};
