import { documentType, fieldByKey } from '../kuma/fields/documents.js';
import { fieldKnown } from '../kuma/fields/field-type.js';
import type { FieldType, ObjectType } from '../kuma/fields/field-type.js';
import type { KumaVersion } from '../kuma/versions.js';
import type { YMap, YNode, YPair } from '../syntax/tree.js';
import type { ResourceDoc } from './types.js';
import { asMap, fieldOf } from './decode.js';

/**
 * The document as the decoder of Kuma `target` fills its structs: the fields that version does
 * not know (a field's `versions` in `kuma/fields/`) are gone, as its protobuf-JSON decoder drops
 * unknown fields without a word. Every other node is shared with `doc`, spans included; `doc`
 * itself comes back when nothing is dropped. Admission and warning rules read this view, so a
 * field newer than the target is never checked, and one the target had but 2.14 lost is.
 */
export function decodedBy(doc: ResourceDoc, target: KumaVersion): ResourceDoc {
  if (doc.form === 'kubernetes' && (doc.kind === 'Secret' || doc.kind === 'GlobalSecret')) return doc;
  const last = DECODED.get(doc);
  if (last && last.target === target) return last.decoded;
  const root = pruneMap(doc.root, documentType(doc.kind, doc.form), target);
  const decoded = root === doc.root ? doc : { ...doc, root, spec: doc.spec === doc.root ? root : doc.spec ? asMap(fieldOf(root, 'spec')) : null };
  DECODED.set(doc, { target, decoded });
  return decoded;
}

// The admission and warning stages each ask for the same document's view: the last view of each
// document is kept for the target object it was made for (a pure function of both).
const DECODED = new WeakMap<ResourceDoc, { target: KumaVersion; decoded: ResourceDoc }>();

/** `map` without the keys `target` does not know, or `map` itself when it keeps them all. */
function pruneMap(map: YMap, type: ObjectType, target: KumaVersion): YMap {
  if (!type.closed) return map;
  // Copied from the first change on: most maps keep every key, and then nothing is made.
  let pairs: YPair[] | null = null;
  for (let i = 0; i < map.pairs.length; i++) {
    const pair = map.pairs[i];
    const key = typeof pair.key.value === 'string' ? pair.key.value : pair.key.source;
    const field = fieldByKey(type, key);
    const dropped = field !== null && !fieldKnown(field, target);
    const value = dropped || !field ? pair.value : pruneNode(pair.value, field.type, target);
    if (pairs === null && (dropped || value !== pair.value)) pairs = map.pairs.slice(0, i);
    if (pairs !== null && !dropped) pairs.push(value === pair.value ? pair : { ...pair, value });
  }
  return pairs !== null ? { ...map, pairs } : map;
}

function pruneNode(node: YNode, type: FieldType, target: KumaVersion): YNode {
  if (type.kind === 'object' && node.kind === 'map') return pruneMap(node, type, target);
  if (type.kind === 'list' && node.kind === 'seq') {
    let items: YNode[] | null = null;
    for (let i = 0; i < node.items.length; i++) {
      const item = pruneNode(node.items[i], type.of, target);
      if (items === null && item !== node.items[i]) items = node.items.slice(0, i);
      if (items !== null) items.push(item);
    }
    return items !== null ? { ...node, items } : node;
  }
  return node;
}
