/** Whether two lists hold the same items (by identity) in the same order: how caches tell their inputs unchanged. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
