import type { Position, Range, Span } from './types.js';

/** Offsets at which each line starts. Lines end at `\n`, `\r\n` or a lone `\r`, as in LSP. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Converts a UTF-16 offset to a 0-based line and character; offsets are clamped to the text. */
export function offsetToPosition(lineStarts: number[], offset: number, textLength?: number): Position {
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
export function positionToOffsetInLine(text: string, lineStarts: number[], position: Position): number {
  const offset = positionToOffset(lineStarts, position, text.length);
  const next = position.line >= 0 ? lineStarts[position.line + 1] : undefined;
  if (next === undefined) return offset;
  let end = next;
  if (text.charCodeAt(end - 1) === 10) end--;
  if (text.charCodeAt(end - 1) === 13) end--;
  return Math.min(offset, end);
}

/** Converts a 0-based line and character to an offset, clamped to the line and the text. */
export function positionToOffset(lineStarts: number[], position: Position, textLength: number): number {
  if (position.line < 0) return 0;
  if (position.line >= lineStarts.length) return textLength;
  const start = lineStarts[position.line];
  const next = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : textLength;
  return Math.max(start, Math.min(start + Math.max(0, position.character), next));
}

export function spanToRange(lineStarts: number[], span: Span, textLength?: number): Range {
  return {
    start: offsetToPosition(lineStarts, span.start, textLength),
    end: offsetToPosition(lineStarts, span.end, textLength),
  };
}

export function spanContains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
