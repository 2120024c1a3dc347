import type { Diagnostic } from '../base/diagnostic.js';
import type { Span } from '../base/types.js';
import type { LineStarts } from '../base/span.js';

export type YNode = YMap | YSeq | YScalar;

export interface YMap {
  kind: 'map';
  /** Block collections' spans run to the end of their last line, newline included. */
  span: Span;
  pairs: YPair[];
  /** True when written in flow style (`{…}`); JSON is all flow. */
  flow?: true;
}

/**
 * One `key: value` entry. It has no span of its own (the `yaml` package gives a Pair no range
 * either): `pairSpan` runs from the key's start to the value's end, and moves with them. A key
 * written with no value (`key:`) has a null scalar as value whose span is empty and sits right
 * after the colon.
 */
export interface YPair {
  key: YScalar;
  value: YNode;
}

/** A pair's span, from its key's start to its value's end (a new object each time). */
export function pairSpan(pair: YPair): Span {
  return { start: pair.key.span.start, end: Math.max(pair.key.span.end, pair.value.span.end) };
}

export interface YSeq {
  kind: 'seq';
  span: Span;
  items: YNode[];
  /** True when written in flow style (`[…]`). */
  flow?: true;
}

/**
 * A scalar as YAML 1.2 core schema resolves it: `type` tells how it was written
 * (`"8080"` is a string, `8080` a number, `true` a boolean, `~`/empty a null).
 * `source` is the text as written, without quotes for quoted scalars.
 */
export interface YScalar {
  kind: 'scalar';
  span: Span;
  type: 'string' | 'number' | 'boolean' | 'null';
  value: string | number | boolean | null;
  source: string;
  quoted: boolean;
}

/** One YAML document of a file (between `---` markers). */
export interface ParsedDocument {
  index: number;
  span: Span;
  /** The document's content; null for an empty document. */
  root: YNode | null;
}

export interface ParsedFile {
  file: string;
  text: string;
  /** Offsets at which each line starts; `lineStarts[0]` is 0. */
  lineStarts: LineStarts;
  documents: ParsedDocument[];
  /** Syntax errors, duplicate keys, tabs, alias limits, size limits. */
  diagnostics: Diagnostic[];
}
