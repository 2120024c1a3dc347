import { keySpan, looseStringField, messageField, valueSpan } from '../../resources/decode.js';
import { fieldPath } from '../../base/path.js';
import { gatewayTargetRef, readTargetRef } from '../../resources/policy-route.js';
import { checkTags } from '../checks/tag-checks.js';
import type { AdmissionRule } from '../rule.js';
import type { Span } from '../../base/types.js';
import type { YPair } from '../../syntax/tree.js';

const NAME_CHARACTERS = /^[0-9a-z.\-_]*$/;
const POLICY_ROLE_LABEL = 'kuma.io/policy-role';

/**
 * A MeshHTTPRoute or MeshTCPRoute whose top-level `targetRef.kind` is `MeshGateway`: the
 * targetRef needs a valid `name`, may select listeners with `tags`, and may not use `mesh`,
 * `proxyTypes`, `labels`, `namespace` or `sectionName`. Only system policies may target a gateway:
 * on Universal a `kuma.io/policy-role` label other than `system` refuses the kind.
 */
export const policyRouteTarget: AdmissionRule = {
  id: 'policy-route-target',
  kinds: ['MeshHTTPRoute', 'MeshTCPRoute'],
  check(doc, report) {
    const targetRef = gatewayTargetRef(doc);
    if (!targetRef?.value || !targetRef.pair) return;
    const ref = readTargetRef(targetRef.value);
    const base = 'targetRef';
    const refKey = keySpan(targetRef.pair);
    const at = (pair: YPair | null): Span => (pair ? valueSpan(pair) : refKey);
    if (doc.form === 'universal') {
      const role = looseStringField(messageField(doc.root, 'labels').value, POLICY_ROLE_LABEL).value;
      if (role !== '' && role !== 'system') {
        report({ path: fieldPath(base, 'kind'), message: "value 'MeshGateway' is not supported", span: at(ref.kind.pair) });
        return;
      }
    }
    const kind = 'MeshGateway';
    if (ref.name.value === '') report({ path: fieldPath(base, 'name'), message: `must be set when kind is ${kind}`, span: at(ref.name.pair) });
    if (!NAME_CHARACTERS.test(ref.name.value)) {
      report({
        path: fieldPath(base, 'name'),
        message: "invalid characters: must consist of lower case alphanumeric characters, '-', '.' and '_'.",
        span: at(ref.name.pair),
      });
    }
    const notSet = (field: string, set: boolean, pair: YPair | null) => {
      if (set) report({ path: fieldPath(base, field), message: `must not be set with kind ${kind}`, span: pair ? keySpan(pair) : refKey });
    };
    notSet('mesh', ref.mesh.value !== '', ref.mesh.pair);
    notSet('proxyTypes', ref.proxyTypes.length > 0, ref.proxyTypes.pair);
    checkTags(
      fieldPath(base, 'tags'),
      ref.tags.value,
      ref.tags.pair ? keySpan(ref.tags.pair) : refKey,
      { values: 'selector' },
      (path, message, span) => report({ path, message, span }),
    );
    notSet('labels', ref.labels.value.length > 0, ref.labels.pair);
    notSet('namespace', ref.namespace.value !== '', ref.namespace.pair);
    notSet('sectionName', ref.sectionName.value !== '', ref.sectionName.pair);
  },
};
