import { stripVTControlCharacters } from 'node:util';
import { expect } from 'vitest';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The frame as plain text: no colours, trailing blanks trimmed on each line. */
export function plain(frame: string | undefined): string {
  return stripVTControlCharacters(frame ?? '')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
}

/**
 * Polls until the last frame satisfies `check` (a substring, a RegExp or a predicate). Waiting for
 * a change, never a fixed number of ticks; fails with the last frame after `ms`.
 */
export async function waitForFrame(lastFrame: () => string | undefined, check: string | RegExp | ((frame: string) => boolean), ms = 10_000): Promise<string> {
  const test = typeof check === 'string' ? (f: string) => f.includes(check) : check instanceof RegExp ? (f: string) => check.test(f) : check;
  const end = Date.now() + ms;
  let frame = plain(lastFrame());
  while (Date.now() < end) {
    frame = plain(lastFrame());
    if (test(frame)) return frame;
    await sleep(10);
  }
  expect(frame, `frame never matched ${String(check)}`).toSatisfy(test);
  return frame;
}

/** Key sequences for `stdin.write`. */
export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
} as const;

/** The line of a frame that contains `text`, trimmed; '' when none. */
export function lineWith(frame: string, text: string): string {
  return frame.split('\n').find((l) => l.includes(text))?.trim() ?? '';
}

/** The frame with every run of whitespace made one space, for text that may wrap. */
export function flat(frame: string): string {
  return frame.replace(/\s+/g, ' ');
}
