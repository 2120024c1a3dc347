import type { Span } from '../base/types.js';
import type { LineStarts } from '../base/span.js';
import type { YNode, YScalar } from './tree.js';
import type { ParsedDocument } from './tree.js';
import type { Diagnostic } from '../base/diagnostic.js';

/**
 * What the last parse of a file left for the next one, owned by the caller (a workspace), so
 * that editing one document of a large multi-document file re-parses that document only.
 */
export interface ParseCache {
  /** The last text parsed with this cache, its line starts and its chunks with their trees. */
  layout: ParseLayout | null;
}

export interface ParseLayout {
  text: string;
  lineStarts: LineStarts;
  chunks: LaidChunk[];
}

/**
 * One chunk of a file: where it starts, its text (a slice of the file's current text, so that
 * no earlier version of the file is kept alive), and its parse once known.
 */
export interface LaidChunk {
  start: number;
  text: string;
  result?: ChunkResult;
}

export function createParseCache(): ParseCache {
  return { layout: null };
}

/**
 * Moves every span of a cached chunk by `delta`, in place: editing one document of a large file
 * then costs a pass over the spans of the documents after it, without copying their trees. The
 * first move lists the chunk's span objects once (a tree never changes after its parse), so
 * later moves are a loop over that list. Within a tree every node has a span object of its own
 * (a pair has none: `pairSpan` makes it from its key's and value's); a diagnostic may share one
 * with a node (a duplicate key), and such a span is listed once.
 */
export function moveChunk(chunk: ChunkResult, delta: number): void {
  chunk.spans ??= spansOf(chunk);
  for (const s of chunk.spans) {
    s.start += delta;
    s.end += delta;
  }
  chunk.base += delta;
}

/** Every distinct span object of a chunk: documents, nodes, pairs, diagnostics. */
function spansOf(chunk: ChunkResult): Span[] {
  const spans: Span[] = [];
  const walk = (n: YNode): void => {
    spans.push(n.span);
    if (n.kind === 'seq') for (const item of n.items) walk(item);
    else if (n.kind === 'map') {
      for (const p of n.pairs) {
        walk(p.key);
        walk(p.value);
      }
    }
  };
  for (const d of chunk.documents) {
    spans.push(d.span);
    if (d.root) walk(d.root);
  }
  if (chunk.diagnostics.length === 0) return spans;
  const listed = new Set(spans);
  for (const d of chunk.diagnostics) {
    if (listed.has(d.span)) continue;
    listed.add(d.span);
    spans.push(d.span);
  }
  return spans;
}

/** Returns a copy of a cached chunk with every span moved by `delta`. */
export function shiftChunk(chunk: ChunkResult, delta: number, file: string): ChunkResult {
  const shiftSpan = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  const shiftNode = (n: YNode): YNode => {
    if (n.kind === 'scalar') return { ...n, span: shiftSpan(n.span) };
    if (n.kind === 'seq') return { ...n, span: shiftSpan(n.span), items: n.items.map(shiftNode) };
    return { ...n, span: shiftSpan(n.span), pairs: n.pairs.map((p) => ({ key: shiftNode(p.key) as YScalar, value: shiftNode(p.value) })) };
  };
  return {
    base: chunk.base + delta,
    documents: chunk.documents.map((d) => ({ ...d, span: shiftSpan(d.span), root: d.root ? shiftNode(d.root) : null })),
    diagnostics: chunk.diagnostics.map((d) => ({ ...d, file, span: shiftSpan(d.span) })),
  };
}

/** One chunk of a file: the text between document markers, parsed on its own. */
export interface ChunkResult {
  base: number;
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
  /** Its span objects, listed by the first `moveChunk`. */
  spans?: Span[];
}
