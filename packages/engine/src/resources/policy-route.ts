import { looseStringField, lookup, messageField, tagEntries } from './decode.js';
import type { Field, TagEntry } from './decode.js';
import type { ResourceDoc } from './types.js';
import type { YMap, YNode, YPair } from '../syntax/tree.js';

/**
 * New-style policy fields (MeshHTTPRoute, MeshTCPRoute), decoded into plain Go structs: only the
 * camelCase names exist, and YAML numbers or booleans in string fields read as their text (the
 * YAML decoder knows the target types).
 */

/** The top-level `targetRef` when its kind is `MeshGateway`; only such routes are checked here. */
export function gatewayTargetRef(doc: ResourceDoc): Field<YMap | null> | null {
  const targetRef = messageField(doc.spec, 'targetRef');
  return targetRef.value && looseStringField(targetRef.value, 'kind').value === 'MeshGateway' ? targetRef : null;
}

/** A TargetRef's optional fields, with Go's `isSet`: a non-empty string, map or list. */
export interface TargetRefRead {
  kind: Field<string>;
  name: Field<string>;
  mesh: Field<string>;
  namespace: Field<string>;
  sectionName: Field<string>;
  tags: Field<TagEntry[]>;
  labels: Field<TagEntry[]>;
  /** The pair of `proxyTypes` and whether it holds a list (a pointer that is set), and its length. */
  proxyTypes: { pair: YPair | null; present: boolean; length: number };
}

export function readTargetRef(node: YNode | null): TargetRefRead {
  const proxyTypes = lookup(node, 'proxyTypes');
  const list = proxyTypes?.value.kind === 'seq' ? proxyTypes.value : null;
  return {
    kind: looseStringField(node, 'kind'),
    name: looseStringField(node, 'name'),
    mesh: looseStringField(node, 'mesh'),
    namespace: looseStringField(node, 'namespace'),
    sectionName: looseStringField(node, 'sectionName'),
    tags: looseTags(node, 'tags'),
    labels: looseTags(node, 'labels'),
    proxyTypes: { pair: proxyTypes, present: list !== null, length: list?.items.length ?? 0 },
  };
}

function looseTags(node: YNode | null, name: string): Field<TagEntry[]> {
  const pair = lookup(node, name);
  return { value: tagEntries(pair?.value ?? null, { loose: true }), pair };
}
