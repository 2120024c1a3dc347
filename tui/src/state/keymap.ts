import type { KeyInfo } from './state.js';

/** What a key means outside text entry. */
export type Intent =
  | 'up'
  | 'down'
  | 'pageUp'
  | 'pageDown'
  | 'top'
  | 'bottom'
  | 'open'
  | 'back'
  | 'filter'
  | 'command'
  | 'help'
  | 'refresh'
  | 'yaml'
  | 'diff'
  | 'dataplane'
  | 'quit';

const CHARACTERS: Record<string, Intent> = {
  j: 'down',
  k: 'up',
  g: 'top',
  G: 'bottom',
  l: 'open',
  h: 'back',
  '/': 'filter',
  ':': 'command',
  '?': 'help',
  r: 'refresh',
  y: 'yaml',
  d: 'diff',
  v: 'dataplane',
  q: 'quit',
};

/**
 * The intents of one key event in normal mode. Text typed in one chunk arrives as one string
 * (`jj`), so each character counts as a key of its own.
 */
export function intentsOf(input: string, key: KeyInfo): Intent[] {
  if (key.upArrow) return ['up'];
  if (key.downArrow) return ['down'];
  if (key.pageUp) return ['pageUp'];
  if (key.pageDown) return ['pageDown'];
  if (key.home) return ['top'];
  if (key.end) return ['bottom'];
  if (key.return) return ['open'];
  if (key.rightArrow) return ['open'];
  if (key.escape || key.leftArrow || key.backspace || key.delete) return ['back'];
  if (key.ctrl) {
    if (input === 'f' || input === 'd') return ['pageDown'];
    if (input === 'b' || input === 'u') return ['pageUp'];
    if (input === 'r') return ['refresh'];
    if (input === 'c') return ['quit'];
    return [];
  }
  if (key.meta) return [];
  const out: Intent[] = [];
  for (const ch of input) {
    const intent = CHARACTERS[ch];
    if (intent) out.push(intent);
  }
  return out;
}

/** Whether a key edits text: printable input without control or meta. */
export function isPrintable(input: string, key: KeyInfo): boolean {
  return input !== '' && !key.ctrl && !key.meta && !key.return && !key.escape && !key.tab && !/[\u0000-\u001f\u007f]/.test(input);
}

const FLAGS: (keyof KeyInfo)[] = ['upArrow', 'downArrow', 'leftArrow', 'rightArrow', 'pageUp', 'pageDown', 'home', 'end', 'return', 'escape', 'tab', 'backspace', 'delete', 'ctrl', 'meta'];

/**
 * Splits one input event into single keys. Ink 6 delivers text that arrives in one chunk (fast
 * typing, a paste, tmux `send-keys`) as one string, Enter and Backspace included: `:certs\r`.
 */
export function splitKeys(input: string, key: KeyInfo): [string, KeyInfo][] {
  if ([...input].length <= 1 || FLAGS.some((f) => key[f] === true)) return [[input, key]];
  return [...input].map((ch): [string, KeyInfo] => {
    if (ch === '\r' || ch === '\n') return ['\r', { return: true }];
    if (ch === '\u007f' || ch === '\b') return ['', { backspace: true }];
    if (ch === '\t') return ['\t', { tab: true }];
    if (ch === '\u0003') return ['c', { ctrl: true }];
    return [ch, {}];
  });
}
