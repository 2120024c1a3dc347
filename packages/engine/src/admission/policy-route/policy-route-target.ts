import { keySpan, looseStringField, messageField, valueSpan } from '../../resources/decode.js';
import { fieldPath } from '../../base/path.js';
import { gatewayTargetRef, readTargetRef } from '../../resources/policy-route.js';
import { checkTags } from '../checks/tag-checks.js';
import { inRange } from '../../kuma/versions.js';
import type { KumaVersion, VersionRange } from '../../kuma/versions.js';
import type { AdmissionRule } from '../rule.js';
import type { Span } from '../../base/types.js';
import type { YPair } from '../../syntax/tree.js';

const NAME_CHARACTERS = /^[0-9a-z.\-_]*$/;
const POLICY_ROLE_LABEL = 'kuma.io/policy-role';

/**
 * Before 2.6 a route cannot target a MeshGateway: up to 2.3 the schema's enum of kinds refuses
 * it, in 2.4 and 2.5 the validator does. What each version says at `targetRef.kind`.
 */
const GATEWAY_KIND_REFUSED: readonly { versions: VersionRange; message: string }[] = [
  { versions: { until: '2.3' }, message: 'in body should be one of [Mesh MeshSubset MeshService MeshServiceSubset MeshGatewayRoute]' },
  { versions: { since: '2.3', until: '2.4' }, message: 'in body should be one of [Mesh MeshSubset MeshService MeshServiceSubset MeshHTTPRoute]' },
  { versions: { since: '2.4', until: '2.6' }, message: 'value is not supported' },
];
/** From 2.8 only system policies may target a gateway; from 2.13 the refusal names the kind. */
const ROLE_CHECKED: VersionRange = { since: '2.8' };
const KIND_NAMED: VersionRange = { since: '2.13' };
/** From 2.14 a missing name reads `must be set when kind is MeshGateway` (before: `with kind`). */
const NAME_REQUIRED_WHEN: VersionRange = { since: '2.14' };
/** From 2.10 the tags are checked as a selector (`/` and `*` allowed in values). */
const TAGS_AS_SELECTOR: VersionRange = { since: '2.10' };

/** The kinds a `to[].targetRef` may have under a MeshGateway target, or null when the route is refused anyway. */
export function gatewayToKinds(target: KumaVersion): readonly string[] | null {
  if (inRange(target, { until: '2.4' })) return null;
  return inRange(target, { until: '2.6' }) ? ['MeshService'] : ['Mesh'];
}

/** Kuma's message for an unsupported targetRef kind. */
export function unsupportedKind(kind: string, target: KumaVersion): string {
  return inRange(target, KIND_NAMED) ? `value '${kind}' is not supported` : 'value is not supported';
}

/**
 * A MeshHTTPRoute or MeshTCPRoute whose top-level `targetRef.kind` is `MeshGateway` (refused
 * before 2.6): the targetRef needs a valid `name`, may select listeners with `tags`, and may not
 * use `mesh`, `proxyTypes`, `labels`, `namespace` or `sectionName`. From 2.8 only system policies
 * may target a gateway: on Universal a `kuma.io/policy-role` label other than `system` refuses
 * the kind.
 */
export const policyRouteTarget: AdmissionRule = {
  id: 'policy-route-target',
  kinds: ['MeshHTTPRoute', 'MeshTCPRoute'],
  check(doc, report, target) {
    const targetRef = gatewayTargetRef(doc);
    if (!targetRef?.value || !targetRef.pair) return;
    const ref = readTargetRef(targetRef.value);
    const base = 'targetRef';
    const refKey = keySpan(targetRef.pair);
    const at = (pair: YPair | null): Span => (pair ? valueSpan(pair) : refKey);
    const kind = 'MeshGateway';
    const refused = GATEWAY_KIND_REFUSED.find((r) => inRange(target, r.versions));
    if (refused) {
      report({ path: fieldPath(base, 'kind'), message: refused.message, span: at(ref.kind.pair) });
      return;
    }
    if (doc.form === 'universal' && inRange(target, ROLE_CHECKED)) {
      const role = looseStringField(messageField(doc.root, 'labels').value, POLICY_ROLE_LABEL).value;
      if (role !== '' && role !== 'system') {
        report({ path: fieldPath(base, 'kind'), message: unsupportedKind(kind, target), span: at(ref.kind.pair) });
        return;
      }
    }
    if (ref.name.value === '') {
      const message = inRange(target, NAME_REQUIRED_WHEN) ? `must be set when kind is ${kind}` : `must be set with kind ${kind}`;
      report({ path: fieldPath(base, 'name'), message, span: at(ref.name.pair) });
    }
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
      { values: inRange(target, TAGS_AS_SELECTOR) ? 'selector' : 'tags' },
      (path, message, span) => report({ path, message, span }),
    );
    notSet('labels', ref.labels.value.length > 0, ref.labels.pair);
    notSet('namespace', ref.namespace.value !== '', ref.namespace.pair);
    notSet('sectionName', ref.sectionName.value !== '', ref.sectionName.pair);
  },
};
