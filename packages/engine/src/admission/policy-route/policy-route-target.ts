import { keySpan, looseStringField, messageField, valueSpan } from '../../resources/decode.js';
import { fieldPath } from '../../base/path.js';
import { gatewayTargetRef, readTargetRef } from '../../resources/policy-route.js';
import { checkTags } from '../checks/tag-checks.js';
import { inRange } from '../../kuma/versions.js';
import { TARGET_REF_KIND } from '../../kuma/fields/policies.js';
import { valueKnown } from '../../kuma/fields/field-type.js';
import type { KumaVersion, VersionRange } from '../../kuma/versions.js';
import type { AdmissionRule, VersionedCheck } from '../rule.js';
import type { Span } from '../../base/types.js';
import type { YPair } from '../../syntax/tree.js';

const NAME_CHARACTERS = /^[0-9a-z.\-_]*$/;
const POLICY_ROLE_LABEL = 'kuma.io/policy-role';

/** The versions in which a MeshHTTPRoute or MeshTCPRoute may target a MeshGateway. */
export const GATEWAY_TARGETS: VersionRange = { since: '2.6' };

/**
 * Before that a route cannot target a MeshGateway: before 2.4 the schema's enum of kinds lacks it
 * (the schema stage, `policy-route-schema`, says so), then the validator refuses it.
 */
const REFUSED_BY_VALIDATOR: VersionedCheck = {
  versions: { since: '2.4', until: GATEWAY_TARGETS.since },
  what: 'refuses `kind: MeshGateway` (`value is not supported`), and every `to[].targetRef.kind` but MeshService',
};
const ROLE_CHECKED: VersionedCheck = {
  versions: { since: '2.8' },
  what: 'lets only system policies target a gateway: another `kuma.io/policy-role` refuses the kind',
};
const KIND_NAMED: VersionedCheck = { versions: { since: '2.13' }, what: "names the refused kind (`value 'X' is not supported`)" };
const NAME_REQUIRED_WHEN: VersionedCheck = {
  versions: { since: '2.14' },
  what: 'says `must be set when kind is MeshGateway` for a missing name (before: `must be set with kind MeshGateway`)',
};
const TAGS_AS_SELECTOR: VersionedCheck = {
  versions: { since: '2.10' },
  what: 'checks `tags` as a selector: values may hold `/` or be `*`',
};

/** Whether the schema of `target` lists `MeshGateway` among the kinds of a targetRef. */
function schemaKnowsGateway(target: KumaVersion): boolean {
  return TARGET_REF_KIND.values.some((v) => v.name === 'MeshGateway' && valueKnown(v, target));
}

/** The kinds a `to[].targetRef` may have under a MeshGateway target, or null when the schema refuses the route first. */
export function gatewayToKinds(target: KumaVersion): readonly string[] | null {
  if (!schemaKnowsGateway(target)) return null;
  return inRange(target, REFUSED_BY_VALIDATOR.versions) ? ['MeshService'] : ['Mesh'];
}

/** Kuma's message for an unsupported targetRef kind. */
export function unsupportedKind(kind: string, target: KumaVersion): string {
  return inRange(target, KIND_NAMED.versions) ? `value '${kind}' is not supported` : 'value is not supported';
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
  changes: [REFUSED_BY_VALIDATOR, ROLE_CHECKED, TAGS_AS_SELECTOR, KIND_NAMED, NAME_REQUIRED_WHEN],
  check(doc, report, target) {
    const targetRef = gatewayTargetRef(doc);
    if (!targetRef?.value || !targetRef.pair) return;
    const ref = readTargetRef(targetRef.value);
    const base = 'targetRef';
    const refKey = keySpan(targetRef.pair);
    const at = (pair: YPair | null): Span => (pair ? valueSpan(pair) : refKey);
    const kind = 'MeshGateway';
    if (!schemaKnowsGateway(target)) return;
    if (inRange(target, REFUSED_BY_VALIDATOR.versions)) {
      report({ path: fieldPath(base, 'kind'), message: 'value is not supported', span: at(ref.kind.pair) });
      return;
    }
    if (doc.form === 'universal' && inRange(target, ROLE_CHECKED.versions)) {
      const role = looseStringField(messageField(doc.root, 'labels').value, POLICY_ROLE_LABEL).value;
      if (role !== '' && role !== 'system') {
        report({ path: fieldPath(base, 'kind'), message: unsupportedKind(kind, target), span: at(ref.kind.pair) });
        return;
      }
    }
    if (ref.name.value === '') {
      const message = inRange(target, NAME_REQUIRED_WHEN.versions) ? `must be set when kind is ${kind}` : `must be set with kind ${kind}`;
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
      { values: inRange(target, TAGS_AS_SELECTOR.versions) ? 'selector' : 'tags' },
      (path, message, span) => report({ path, message, span }),
    );
    notSet('labels', ref.labels.value.length > 0, ref.labels.pair);
    notSet('namespace', ref.namespace.value !== '', ref.namespace.pair);
    notSet('sectionName', ref.sectionName.value !== '', ref.sectionName.pair);
  },
};
