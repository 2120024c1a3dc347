/**
 * The engine's data types. Everything here is plain data: no classes, no functions, JSON-safe
 * except where a field says otherwise. Offsets are UTF-16 code units into the file text, the
 * unit JavaScript strings and LSP both use; line/character positions are computed at the edge
 * by `span.ts`.
 */

/** A half-open range of UTF-16 offsets `[start, end)` into one file's text. */
export interface Span {
  start: number;
  end: number;
}

/** A 0-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A place in the workspace: a file (as the caller named it) and a span in its text. */
export interface Location {
  file: string;
  span: Span;
}
