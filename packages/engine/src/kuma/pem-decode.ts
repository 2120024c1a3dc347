/** One block as Go's `pem.Decode` returns it: the type from the BEGIN line and the decoded body. */
export interface PemBlock {
  type: string;
  bytes: Buffer;
}

// ---------------------------------------------------------------------------------------------
// PEM decoding: a port of Go's `encoding/pem.Decode`, applied repeatedly as Kuma does. Searches
// for BEGIN and END markers go through `Finder` so that malformed input stays linear in time.

export const PEM_START = '\n-----BEGIN ';

export const PEM_END = '\n-----END ';

export const PEM_END_OF_LINE = '-----';

/** `indexOf(needle, from)` on one text; from offsets that never decrease, linear in total. */
export type Finder = (from: number) => number;

/** Remembers the last answer: it stays right for any later start up to the match it found. */
export function makeFinder(text: string, needle: string): Finder {
  let lastFrom = -1;
  let lastAt = -1;
  return (from) => {
    if (lastFrom >= 0 && from >= lastFrom && (lastAt === -1 || lastAt >= from)) return lastAt;
    lastFrom = from;
    lastAt = text.indexOf(needle, from);
    return lastAt;
  };
}

/** Decodes every PEM block of `text`, in order, with Go's rules for what a block is. */
export function decodePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  const starts = makeFinder(text, PEM_START);
  const ends = makeFinder(text, PEM_END);
  const endLineBlank = new Map<number, boolean>();
  let data = 0;
  for (;;) {
    const decoded = decodeOne(text, data, starts, ends, endLineBlank);
    if (decoded === null) return blocks;
    blocks.push(decoded.block);
    data = decoded.rest;
  }
}

/** One call of Go's `pem.Decode` on `text` from offset `data`; null when it finds no block. */
export function decodeOne(
  text: string,
  data: number,
  starts: Finder,
  ends: Finder,
  endLineBlank: Map<number, boolean>,
): { block: PemBlock; rest: number } | null {
  let rest = data;
  for (;;) {
    if (text.startsWith(PEM_START.slice(1), rest)) {
      rest += PEM_START.length - 1;
    } else {
      const at = starts(rest);
      if (at < 0) return null;
      rest = at + PEM_START.length;
    }

    const typeLine = getLine(text, rest);
    rest = typeLine.next;
    if (!typeLine.line.endsWith(PEM_END_OF_LINE)) continue;
    const type = typeLine.line.slice(0, -PEM_END_OF_LINE.length);

    let hasHeaders = false;
    for (;;) {
      // Go stops decoding the whole input, not just this block, when the text ends in the headers.
      if (rest >= text.length) return null;
      const line = getLine(text, rest);
      if (!line.line.includes(':')) break;
      hasHeaders = true;
      rest = line.next;
    }

    let endIndex: number;
    let endTrailerIndex: number;
    if (!hasHeaders && text.startsWith(PEM_END.slice(1), rest)) {
      endIndex = rest;
      endTrailerIndex = rest + PEM_END.length - 1;
    } else {
      endIndex = ends(rest);
      endTrailerIndex = endIndex + PEM_END.length;
    }
    if (endIndex < 0) continue;

    const trailerLength = type.length + PEM_END_OF_LINE.length;
    if (text.length - endTrailerIndex < trailerLength) continue;
    if (text.slice(endTrailerIndex, endTrailerIndex + trailerLength) !== type + PEM_END_OF_LINE) continue;
    if (!restOfLineBlank(text, endTrailerIndex + trailerLength, endLineBlank)) continue;

    const bytes = decodeGoBase64(text, rest, endIndex);
    if (bytes === null) continue;
    return { block: { type, bytes }, rest: getLine(text, endIndex + PEM_END.length - 1).next };
  }
}

/** Go's `getLine`: the line from `from` without its `\n` and trailing spaces, tabs and `\r`. */
export function getLine(text: string, from: number): { line: string; next: number } {
  const newline = text.indexOf('\n', from);
  const end = newline < 0 ? text.length : newline;
  let trimmed = end;
  while (trimmed > from && isSpaceTabOrCr(text.charCodeAt(trimmed - 1))) trimmed--;
  return { line: text.slice(from, trimmed), next: newline < 0 ? text.length : newline + 1 };
}

/** Whether the line from `from` holds only spaces, tabs and `\r`; answers are cached by offset. */
export function restOfLineBlank(text: string, from: number, cache: Map<number, boolean>): boolean {
  const cached = cache.get(from);
  if (cached !== undefined) return cached;
  let blank = true;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) break;
    if (!isSpaceTabOrCr(c)) {
      blank = false;
      break;
    }
  }
  cache.set(from, blank);
  return blank;
}

export function isSpaceTabOrCr(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/**
 * Decodes `text[from, to)` as Go's `pem.Decode` does: spaces and tabs removed, then standard
 * base64 with padding, ignoring `\r` and `\n`. Null when what remains is not that.
 */
export function decodeGoBase64(text: string, from: number, to: number): Buffer | null {
  const compact = text.slice(from, to).replace(BASE64_IGNORED, '');
  if (compact.length % 4 !== 0 || !PADDED_BASE64.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}

/** What Go's PEM decoding skips in a body: spaces and tabs (removed), `\r` and `\n` (ignored). */
const BASE64_IGNORED = /[ \t\r\n]+/g;

/** Standard base64 with at most two padding characters, at the end only. */
const PADDED_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
