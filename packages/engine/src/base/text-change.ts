/**
 * Where two versions of a text differ, as one replaced range: `[start, oldEnd)` of the old text
 * became `[start, newEnd)` of the new one; everything before `start` and after the ends is the
 * same in both. The texts are equal when `start === oldEnd === newEnd === length`.
 */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Below this many UTF-16 units the search compares character by character. */
const LINEAR = 64;

/**
 * The one range that differs between two texts. Costs a logarithmic number of memory
 * comparisons of slices (V8 compares flat strings a block at a time), not a character loop.
 */
export function textChange(before: string, after: string): TextChange {
  const start = commonPrefix(before, after);
  const end = commonSuffix(before, after, Math.min(before.length, after.length) - start);
  return { start, oldEnd: before.length - end, newEnd: after.length - end };
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  if (a.slice(0, n) === b.slice(0, n)) return n;
  // Invariant: the first difference lies in [lo, hi).
  let lo = 0;
  let hi = n;
  while (hi - lo > LINEAR) {
    const mid = (lo + hi) >> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
    else hi = mid;
  }
  while (lo < n && a.charCodeAt(lo) === b.charCodeAt(lo)) lo++;
  return lo;
}

/** The length of the common suffix, at most `max` units (so that it never overlaps the prefix). */
function commonSuffix(a: string, b: string, max: number): number {
  const al = a.length;
  const bl = b.length;
  if (a.slice(al - max) === b.slice(bl - max)) return max;
  // Invariant: the last `lo` units agree; the suffix of length `hi` does not.
  let lo = 0;
  let hi = max;
  while (hi - lo > LINEAR) {
    const mid = (lo + hi) >> 1;
    if (a.slice(al - mid, al - lo) === b.slice(bl - mid, bl - lo)) lo = mid;
    else hi = mid;
  }
  while (lo < max && a.charCodeAt(al - lo - 1) === b.charCodeAt(bl - lo - 1)) lo++;
  return lo;
}
