import type { Span } from '../base/types.js';
import type { YMap, YNode, YPair, YScalar, YSeq } from '../syntax/tree.js';

/**
 * Reading the plain YAML tree the way Kuma's protobuf-JSON decoder reads it: a field may be
 * written with its JSON (camelCase) or proto (snake_case) name, the camelCase one wins when both
 * are present, and `null` is the same as absent.
 */

/** The pair for a field, trying each name in order of precedence (camelCase first). */
export function pairOf(map: YNode | null | undefined, ...names: string[]): YPair | null {
  if (!map || map.kind !== 'map') return null;
  for (const name of names) {
    // The last occurrence wins, as in a JSON decoder; duplicates are reported by the parser.
    for (let i = map.pairs.length - 1; i >= 0; i--) {
      const p = map.pairs[i];
      if (p.key.value === name) {
        if (p.value.kind === 'scalar' && p.value.type === 'null') break;
        return p;
      }
    }
  }
  return null;
}

/** The value of a field, or null when absent or null. */
export function fieldOf(map: YNode | null | undefined, ...names: string[]): YNode | null {
  return pairOf(map, ...names)?.value ?? null;
}

export function asMap(node: YNode | null | undefined): YMap | null {
  return node && node.kind === 'map' ? node : null;
}

export function asSeq(node: YNode | null | undefined): YSeq | null {
  return node && node.kind === 'seq' ? node : null;
}

export function asScalar(node: YNode | null | undefined): YScalar | null {
  return node && node.kind === 'scalar' ? node : null;
}

/** A string as Kuma reads a string field: only a YAML string is one; null/absent is "". */
export function stringOf(node: YNode | null | undefined): string {
  const s = asScalar(node);
  if (!s) return '';
  if (s.type === 'string') return s.value as string;
  return '';
}

/** A scalar's text whatever its YAML type (numbers and booleans as written); "" otherwise. */
export function textOf(node: YNode | null | undefined): string {
  const s = asScalar(node);
  if (!s || s.type === 'null') return '';
  if (s.type === 'string') return s.value as string;
  return s.source || String(s.value);
}

/**
 * A uint32 as protobuf-JSON reads it: a non-negative integer number or a quoted one. Anything
 * else reads as 0 (Kuma would refuse to parse it; that is reported as a type error elsewhere).
 */
export function uintOf(node: YNode | null | undefined): number {
  const s = asScalar(node);
  if (!s) return 0;
  if (s.type === 'number') {
    const v = s.value as number;
    return Number.isInteger(v) && v >= 0 ? v : 0;
  }
  if (s.type === 'string' && /^\d+$/.test(s.value as string)) return Number(s.value);
  return 0;
}

/** A number (double) field; null when absent or not a number. */
export function numberOf(node: YNode | null | undefined): number | null {
  const s = asScalar(node);
  if (!s) return null;
  if (s.type === 'number') return s.value as number;
  if (s.type === 'string' && (s.value as string).trim() !== '' && !Number.isNaN(Number(s.value))) return Number(s.value);
  return null;
}

export function boolOf(node: YNode | null | undefined): boolean {
  const s = asScalar(node);
  return !!s && s.type === 'boolean' && s.value === true;
}

/**
 * An enum as protobuf-JSON reads it: its exact upper-case name, or any number (an unknown number
 * is kept as its string form). Wrong case or an unknown name is a parse error in Kuma: it reads
 * here as `fallback`.
 */
export function enumOf(node: YNode | null | undefined, values: readonly string[], fallback: string): string {
  const s = asScalar(node);
  if (!s || s.type === 'null') return fallback;
  if (s.type === 'number') {
    const v = s.value as number;
    return Number.isInteger(v) && v >= 0 && v < values.length && values[v] !== '' ? values[v] : String(v);
  }
  if (s.type === 'string' && values.includes(s.value as string)) return s.value as string;
  return fallback;
}

/** Items of a list field; a missing or non-list field has none. */
export function itemsOf(node: YNode | null | undefined): YNode[] {
  return node && node.kind === 'seq' ? node.items : [];
}

/** Entries of a map<string,string> field, values read as Kuma reads them (non-strings as ""). */
export function entriesOf(node: YNode | null | undefined): YPair[] {
  return node && node.kind === 'map' ? node.pairs : [];
}

/** The span to point at for a pair: its key. */
export function keySpan(pair: YPair): Span {
  return pair.key.span;
}

/** Walks `keys` from a node; numbers index lists; each string key tries the names given. */
export function nodeAt(root: YNode | null, keys: (string | number)[]): YNode | null {
  let node: YNode | null = root;
  for (const k of keys) {
    if (!node) return null;
    if (typeof k === 'number') node = asSeq(node)?.items[k] ?? null;
    else node = fieldOf(node, k);
  }
  return node;
}
