import { compareGo } from '../base/go-text.js';
import type { ResourceDoc } from './types.js';
import type { Span } from '../base/types.js';
import type { YMap, YNode, YPair, YScalar } from '../syntax/tree.js';

/**
 * The one decoder: reading fields the way Kuma's protobuf-JSON decoder (golang/protobuf's
 * `jsonpb`, which Kuma v2.14.3 uses in `util/proto.FromJSON`) fills its structs, keeping the
 * pair for spans. Rules, models and editor features all read resources through this module.
 * A value of the wrong YAML type is a parse error in Kuma (reported elsewhere) and reads here as
 * the field's zero value; `null` reads as absent.
 */

/**
 * The pair a field is read from. `names` are tried in order of precedence (the JSON camelCase
 * name first, then the proto name): the first one written wins even when its value is null, as
 * in `jsonpb`, which reads the proto name and then lets the JSON name replace it, and skips a
 * `null` (so `{connectionLimit: null, connection_limit: 5}` leaves the field unset); of
 * duplicate keys the last wins. The pair is returned even when null-valued.
 */
export function lookup(map: YNode | null, ...names: string[]): YPair | null {
  if (!map || map.kind !== 'map') return null;
  for (const name of names) {
    for (let i = map.pairs.length - 1; i >= 0; i--) {
      const p = map.pairs[i];
      if (p.key.type === 'string' && p.key.value === name) return p;
    }
  }
  return null;
}

/** A field's value as Kuma reads it, and the pair it was read from (null when not written). */
export interface Field<T> {
  value: T;
  pair: YPair | null;
}

/** A string field: only a YAML string is one; anything else reads as "". */
export function stringField(map: YNode | null, ...names: string[]): Field<string> {
  const pair = lookup(map, ...names);
  const v = pair?.value;
  return { value: v && v.kind === 'scalar' && v.type === 'string' ? (v.value as string) : '', pair };
}

/**
 * A string field of a plain Go struct decoded from YAML with its target type known (new-style
 * policies, Universal meta): numbers and booleans are converted to their text as written.
 */
export function looseStringField(map: YNode | null, ...names: string[]): Field<string> {
  const pair = lookup(map, ...names);
  const v = pair?.value;
  let value = '';
  if (v && v.kind === 'scalar') {
    if (v.type === 'string') value = v.value as string;
    else if (v.type === 'number' || v.type === 'boolean') value = v.source || String(v.value);
  }
  return { value, pair };
}

const UINT32_MAX = 4_294_967_295;

/**
 * A uint32 field: an integer in 0..2^32-1, written as a number or as a quoted JSON number;
 * anything else reads as 0.
 */
export function uintField(map: YNode | null, ...names: string[]): Field<number> {
  const pair = lookup(map, ...names);
  const v = pair?.value;
  let value = 0;
  if (v && v.kind === 'scalar') {
    if (v.type === 'number' && Number.isInteger(v.value)) value = v.value as number;
    else if (v.type === 'string' && /^(0|[1-9]\d*)$/.test(v.value as string)) value = Number(v.value);
  }
  return { value: value >= 0 && value <= UINT32_MAX ? value : 0, pair };
}

/** A bool field: only a YAML `true` is true. */
export function boolField(map: YNode | null, ...names: string[]): Field<boolean> {
  const pair = lookup(map, ...names);
  const v = pair?.value;
  return { value: !!v && v.kind === 'scalar' && v.type === 'boolean' && v.value === true, pair };
}

/**
 * An enum field as its number: the exact upper-case name or any int32. Another spelling is a
 * parse error and reads as 0, the enum's default.
 */
export function enumField(map: YNode | null, values: Readonly<Record<string, number>>, ...names: string[]): Field<number> {
  const pair = lookup(map, ...names);
  const v = pair?.value;
  let value = 0;
  if (v && v.kind === 'scalar') {
    const n = v.value as number;
    if (v.type === 'number' && Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31) value = n;
    else if (v.type === 'string' && Object.hasOwn(values, v.value as string)) value = values[v.value as string];
  }
  return { value, pair };
}

/** A message field: present only when it holds a map. */
export function messageField(map: YNode | null, ...names: string[]): Field<YMap | null> {
  const pair = lookup(map, ...names);
  const v = pair?.value;
  return { value: v && v.kind === 'map' ? v : null, pair };
}

/** A repeated field: its items when it holds a list, none otherwise. */
export function listField(map: YNode | null, ...names: string[]): Field<YNode[]> {
  const pair = lookup(map, ...names);
  const v = pair?.value;
  return { value: v && v.kind === 'seq' ? v.items : [], pair };
}

/** One entry of a `map<string, string>` field. */
export interface TagEntry {
  key: string;
  value: string;
  pair: YPair;
}

/**
 * A `map<string, string>` field: entries in Go's sorted key order (the order Kuma validates
 * them in), the last of duplicate keys winning. Keys written as numbers or booleans read as
 * their text, as the YAML-to-JSON conversion makes them; a null key cannot be converted and is
 * skipped. Values other than strings read as "".
 */
export function tagsField(map: YNode | null, ...names: string[]): Field<TagEntry[]> {
  const pair = lookup(map, ...names);
  return { value: tagEntries(pair?.value ?? null), pair };
}

/**
 * The entries of a map node; see `tagsField`. With `loose`, numbers and booleans read as their
 * text; with `written`, entries keep the order they are written in (for display) instead of Go's.
 */
export function tagEntries(node: YNode | null, options: { loose?: boolean; written?: boolean } = {}): TagEntry[] {
  if (!node || node.kind !== 'map') return [];
  const byKey = new Map<string, TagEntry>();
  for (const pair of node.pairs) {
    const k = pair.key;
    if (k.type === 'null') continue;
    const key = k.type === 'string' ? (k.value as string) : k.source || String(k.value);
    const v = pair.value;
    let value = '';
    if (v.kind === 'scalar') {
      if (v.type === 'string') value = v.value as string;
      else if (options.loose && (v.type === 'number' || v.type === 'boolean')) value = v.source || String(v.value);
    }
    byKey.set(key, { key, value, pair });
  }
  const entries = [...byKey.values()];
  return options.written ? entries : entries.sort((a, b) => compareGo(a.key, b.key));
}

/** The key of a pair. */
export function keySpan(pair: YPair): Span {
  return pair.key.span;
}

/** The value of a pair; its key when the value is not written (`key:`). */
export function valueSpan(pair: YPair): Span {
  const s = pair.value.span;
  return s.end > s.start ? s : pair.key.span;
}

/** Where to point for a field missing from a list item: the item's first key, or the item. */
export function itemAnchor(item: YNode): Span {
  if (item.kind === 'map' && item.pairs.length > 0) return item.pairs[0].key.span;
  return item.span;
}

/**
 * Where to point for a field missing from the spec: the `spec` key when there is one, otherwise
 * the document's first key.
 */
export function specAnchor(doc: ResourceDoc): Span {
  if (doc.pathPrefix === 'spec.') {
    const spec = lookup(doc.root, 'spec');
    if (spec) return spec.key.span;
  }
  return doc.root.pairs.length > 0 ? doc.root.pairs[0].key.span : doc.root.span;
}

/** Whether a pair holds a value: written, and not `null`. */
function hasValue(pair: YPair | null): pair is YPair {
  return pair !== null && !(pair.value.kind === 'scalar' && pair.value.type === 'null');
}

/** The pair a field is read from when it holds a value; null when absent or `null` (see `lookup`). */
export function pairOf(map: YNode | null | undefined, ...names: string[]): YPair | null {
  const pair = lookup(map ?? null, ...names);
  return hasValue(pair) ? pair : null;
}

/** The value a field is read from; null when absent or `null`. */
export function fieldOf(map: YNode | null | undefined, ...names: string[]): YNode | null {
  return pairOf(map, ...names)?.value ?? null;
}

/** The value's span of a field that holds a value; null otherwise. */
export function valueSpanOf(field: Field<unknown>): Span | null {
  return hasValue(field.pair) ? field.pair.value.span : null;
}

export function asMap(node: YNode | null | undefined): YMap | null {
  return node && node.kind === 'map' ? node : null;
}

export function asScalar(node: YNode | null | undefined): YScalar | null {
  return node && node.kind === 'scalar' ? node : null;
}

/** A string as a string field reads it: only a YAML string is one; anything else is "". */
export function stringOf(node: YNode | null | undefined): string {
  return node && node.kind === 'scalar' && node.type === 'string' ? (node.value as string) : '';
}
