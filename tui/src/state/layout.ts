import type { State } from './state.js';
import type { Tone } from '../data/certificate-status.js';
import { duration, wrapWords } from '../views/format.js';

/** Below this size the app shows a "terminal too small" message instead of views. */
export const MIN_COLUMNS = 50;
export const MIN_ROWS = 10;

export function tooSmall(size: State['size']): boolean {
  return size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
}

/**
 * Lines the app draws: one less than the terminal, because Ink 6 repaints the whole screen
 * (and flickers) once its output reaches the terminal's height.
 */
export function frameHeight(size: State['size']): number {
  return Math.max(1, size.rows - 1);
}

/** The one-line banner under the header: a failed refresh, else the first note. */
export function bannerOf(state: State): { text: string; tone: Tone } | null {
  const every = duration(state.intervalMs);
  if (state.status.error) {
    const message = state.status.error.message;
    if (state.status.lastSuccessAt === null) return { text: `Cannot load (retrying every ${every}): ${message}`, tone: 'bad' };
    const age = duration(state.clock - state.status.lastSuccessAt);
    return { text: `Refresh failed (showing data ${age} old, retrying every ${every}): ${message}`, tone: 'bad' };
  }
  if (state.notes.length > 0) return { text: state.notes[0], tone: 'warn' };
  return null;
}

/** The banner takes one line, or two when its text, broken at spaces as the banner shows it, needs more. */
export function bannerLines(state: State): number {
  const banner = bannerOf(state);
  if (!banner) return 0;
  return wrapWords(banner.text, state.size.columns).length > 1 ? 2 : 1;
}

/** Lines left for the view: the frame minus header, breadcrumbs, banner and the bottom bar. */
export function bodyHeight(state: State): number {
  return Math.max(1, frameHeight(state.size) - 3 - bannerLines(state));
}

/** Rows of a list: the body minus its column titles. */
export function listHeight(state: State): number {
  return Math.max(1, bodyHeight(state) - 1);
}

/** The first visible row so that `cursor` stays in a window of `height` rows out of `count`. */
export function windowTop(top: number, cursor: number, height: number, count: number): number {
  let t = top;
  if (cursor < t) t = cursor;
  if (cursor >= t + height) t = cursor - height + 1;
  return Math.max(0, Math.min(t, Math.max(0, count - height)));
}
