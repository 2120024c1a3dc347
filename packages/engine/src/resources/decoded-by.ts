import { documentType, fieldByKey } from '../kuma/fields/documents.js';
import { fieldKnown } from '../kuma/fields/field-type.js';
import type { FieldType, ObjectType } from '../kuma/fields/field-type.js';
import type { KumaVersion } from '../kuma/versions.js';
import type { YMap, YNode } from '../syntax/tree.js';
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
  let changed = false;
  const pairs = [];
  for (const pair of map.pairs) {
    const key = typeof pair.key.value === 'string' ? pair.key.value : pair.key.source;
    const field = fieldByKey(type, key);
    if (field && !fieldKnown(field, target)) {
      changed = true;
      continue;
    }
    const value = field ? pruneNode(pair.value, field.type, target) : pair.value;
    if (value !== pair.value) changed = true;
    pairs.push(value === pair.value ? pair : { ...pair, value });
  }
  return changed ? { ...map, pairs } : map;
}

function pruneNode(node: YNode, type: FieldType, target: KumaVersion): YNode {
  if (type.kind === 'object' && node.kind === 'map') return pruneMap(node, type, target);
  if (type.kind === 'list' && node.kind === 'seq') {
    const items = node.items.map((item) => pruneNode(item, type.of, target));
    return items.some((item, i) => item !== node.items[i]) ? { ...node, items } : node;
  }
  return node;
}
