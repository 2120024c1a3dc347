import { fieldPath, indexPath } from '../../base/path.js';
import { gatewayTargetRef, readTargetRef } from '../../resources/policy-route.js';
import { itemAnchor, keySpan, listField, messageField, valueSpan } from '../../resources/decode.js';
import { gatewayToKinds, unsupportedKind } from './policy-route-target.js';
import { inRange } from '../../kuma/versions.js';
import type { AdmissionRule, VersionedCheck } from '../rule.js';
import type { YPair } from '../../syntax/tree.js';

const PROXY_TYPES_CHECKED: VersionedCheck = {
  versions: { since: '2.10' },
  what: 'refuses an empty `proxyTypes` list (`must be undefined or have at least one element`)',
};

/**
 * With a MeshGateway target, every `to[].targetRef` must be of kind `Mesh` (in 2.4 and 2.5,
 * which refuse the target, `MeshService`), which takes no name, mesh, tags, labels, namespace or
 * section, and a `proxyTypes` only when it lists something.
 */
export const policyRouteTo: AdmissionRule = {
  id: 'policy-route-to',
  kinds: ['MeshHTTPRoute', 'MeshTCPRoute'],
  group: 'policy-route-to',
  changes: [PROXY_TYPES_CHECKED],
  check(doc, report, target) {
    const kinds = gatewayToKinds(target);
    if (!gatewayTargetRef(doc) || !kinds) return;
    listField(doc.spec, 'to').value.forEach((to, i) => {
      const item = i;
      const base = fieldPath(indexPath('to', i), 'targetRef');
      const targetRef = messageField(to, 'targetRef');
      const refKey = targetRef.pair ? keySpan(targetRef.pair) : itemAnchor(to);
      const ref = readTargetRef(targetRef.value);
      if (ref.kind.value === '') {
        report({ path: fieldPath(base, 'kind'), message: 'must be defined', span: ref.kind.pair ? valueSpan(ref.kind.pair) : refKey, item });
        return;
      }
      if (!kinds.includes(ref.kind.value)) {
        const span = ref.kind.pair ? valueSpan(ref.kind.pair) : refKey;
        report({ path: fieldPath(base, 'kind'), message: unsupportedKind(ref.kind.value, target), span, item });
        return;
      }
      if (ref.kind.value !== 'Mesh') return;
      if (ref.name.value !== '') {
        const span = ref.name.pair ? valueSpan(ref.name.pair) : refKey;
        report({ path: fieldPath(base, 'name'), message: 'using name with kind Mesh is not yet supported', span, item });
      }
      const notSet = (field: string, set: boolean, pair: YPair | null) => {
        if (set) report({ path: fieldPath(base, field), message: 'must not be set with kind Mesh', span: pair ? keySpan(pair) : refKey, item });
      };
      notSet('mesh', ref.mesh.value !== '', ref.mesh.pair);
      notSet('tags', ref.tags.value.length > 0, ref.tags.pair);
      notSet('labels', ref.labels.value.length > 0, ref.labels.pair);
      notSet('namespace', ref.namespace.value !== '', ref.namespace.pair);
      notSet('sectionName', ref.sectionName.value !== '', ref.sectionName.pair);
      if (inRange(target, PROXY_TYPES_CHECKED.versions) && ref.proxyTypes.present && ref.proxyTypes.length === 0 && ref.proxyTypes.pair) {
        report({
          path: fieldPath(base, 'proxyTypes'),
          message: 'must be undefined or have at least one element',
          span: keySpan(ref.proxyTypes.pair),
          item,
        });
      }
    });
  },
};
