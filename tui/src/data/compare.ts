/** Orders strings by UTF-16 code units, as `<` does (not by locale), so sorts agree everywhere. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
