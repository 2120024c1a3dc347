import type { TextChange } from './text-change.js';
import type { Position, Range, Span } from './types.js';

/**
 * Offsets at which each line starts, ascending, the first 0: a plain array, or an `Int32Array`
 * past `TYPED_FROM` lines (offsets stay below 2^31: texts are far smaller).
 */
export type LineStarts = ArrayLike<number>;

/**
 * Above this many lines, line starts are kept in an `Int32Array`. V8 keeps a plain array this
 * large in its large-object space, where making one (each edit makes a new one) costs about
 * 1 ms at 20k lines; a typed array of the same lines costs a twentieth of that.
 */
const TYPED_FROM = 8192;

/** Offsets at which each line starts. Lines end at `\n`, `\r\n` or a lone `\r`, as in LSP. */
export function computeLineStarts(text: string): LineStarts {
  const starts = [0];
  scanLineStarts(text, 0, text.length, starts);
  return starts.length > TYPED_FROM ? Int32Array.from(starts) : starts;
}

/** Appends the line starts that the line breaks at offsets `[from, to)` of `text` begin. */
function scanLineStarts(text: string, from: number, to: number, starts: number[]): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
}

/**
 * The line starts of `text` after `change`, from those of the text before it: equal to
 * `computeLineStarts(text)`, at the cost of the changed lines and a copy of the array. A line
 * start depends only on the character before it and the one at it (`\r\n` is one break).
 */
export function updateLineStarts(before: LineStarts, change: TextChange, text: string): LineStarts {
  const delta = change.newEnd - change.oldEnd;
  // Kept: starts whose two characters lie before the change (the first line's always is).
  const kept = Math.max(1, lowerBound(before, change.start));
  // Scanned: every break from the character before the change to the first one after it.
  const scanned: number[] = [];
  scanLineStarts(text, Math.max(0, change.start - 1), Math.min(text.length, change.newEnd + 1), scanned);
  // Moved: starts whose two characters lie after the change.
  const last = scanned.length > 0 ? scanned[scanned.length - 1] : before[kept - 1];
  let moved = lowerBound(before, change.oldEnd + 2);
  while (moved < before.length && before[moved] + delta <= last) moved++;
  const length = kept + scanned.length + before.length - moved;
  const starts: number[] | Int32Array = length > TYPED_FROM ? new Int32Array(length) : new Array<number>(length);
  let at = 0;
  for (let i = 0; i < kept; i++) starts[at++] = before[i];
  for (const start of scanned) starts[at++] = start;
  for (let i = moved; i < before.length; i++) starts[at++] = before[i] + delta;
  return starts;
}

/** The first index whose value is at least `value`, in an ascending array. */
function lowerBound(values: LineStarts, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Converts a UTF-16 offset to a 0-based line and character; offsets are clamped to the text. */
export function offsetToPosition(lineStarts: LineStarts, offset: number, textLength?: number): Position {
  const max = textLength ?? Number.MAX_SAFE_INTEGER;
  const o = Math.max(0, Math.min(offset, max));
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= o) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: o - lineStarts[lo] };
}

/**
 * The offset of an LSP-style position in `text`: a character past the end of its line means the
 * end of the line's content, before its line break (not the start of the next line).
 */
export function positionToOffsetInLine(text: string, lineStarts: LineStarts, position: Position): number {
  const offset = positionToOffset(lineStarts, position, text.length);
  const next = position.line >= 0 ? lineStarts[position.line + 1] : undefined;
  if (next === undefined) return offset;
  let end = next;
  if (text.charCodeAt(end - 1) === 10) end--;
  if (text.charCodeAt(end - 1) === 13) end--;
  return Math.min(offset, end);
}

/** Converts a 0-based line and character to an offset, clamped to the line and the text. */
export function positionToOffset(lineStarts: LineStarts, position: Position, textLength: number): number {
  if (position.line < 0) return 0;
  if (position.line >= lineStarts.length) return textLength;
  const start = lineStarts[position.line];
  const next = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : textLength;
  return Math.max(start, Math.min(start + Math.max(0, position.character), next));
}

export function spanToRange(lineStarts: LineStarts, span: Span, textLength?: number): Range {
  return {
    start: offsetToPosition(lineStarts, span.start, textLength),
    end: offsetToPosition(lineStarts, span.end, textLength),
  };
}

export function spanContains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
