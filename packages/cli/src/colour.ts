/**
 * Whether the human output is coloured. The `--no-color` flag and `NO_COLOR` (https://no-color.org,
 * set and not empty) turn colours off; otherwise `FORCE_COLOR` (https://force-color.org, set and
 * not empty, whatever its value) turns them on even without a terminal; otherwise colours follow
 * whether standard output is a terminal.
 */
export function wantsColour(options: { env: NodeJS.ProcessEnv; isTTY: boolean; noColorFlag: boolean }): boolean {
  if (options.noColorFlag) return false;
  if (options.env.NO_COLOR !== undefined && options.env.NO_COLOR !== '') return false;
  if (options.env.FORCE_COLOR !== undefined && options.env.FORCE_COLOR !== '') return true;
  return options.isTTY;
}
