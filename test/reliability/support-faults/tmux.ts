/**
 * `meshgw` in a real terminal: a private tmux server, a pane of fixed size, the screen read back
 * with `capture-pane`. `CI` is unset for the app, since Ink draws nothing until exit when it is set.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { MESHGW, ROOT } from '../../support/run-cli.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export interface Pane {
  screen(): string;
  /** Polls the pane until `check` holds; fails with the screen after `ms`. */
  waitFor(check: string | RegExp | ((screen: string) => boolean), ms?: number): Promise<string>;
  /** One key (a tmux key name such as `Enter`, or a character). */
  send(key: string): void;
  kill(): void;
}

let count = 0;

export function startPane(args: string[], size = { x: 80, y: 24 }): Pane {
  const socket = `meshgw-faults-${process.pid}-${++count}`;
  const tmux = (...rest: string[]): string => execFileSync('tmux', ['-L', socket, ...rest], { encoding: 'utf8' });
  const command = ['env', '-u', 'CI', 'NO_COLOR=1', process.execPath, MESHGW, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  tmux('new-session', '-d', '-s', 'app', '-x', String(size.x), '-y', String(size.y), `cd '${ROOT}' && ${command}; echo EXIT=$?; sleep 60`);
  const screen = (): string =>
    tmux('capture-pane', '-p', '-t', 'app')
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n');
  return {
    screen,
    async waitFor(check, ms = 15_000) {
      const test = typeof check === 'string' ? (s: string) => s.includes(check) : check instanceof RegExp ? (s: string) => check.test(s) : check;
      const end = Date.now() + ms;
      let last = '';
      while (Date.now() < end) {
        last = screen();
        if (test(last)) return last;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`timed out waiting for ${String(check)}; the screen was:\n${last}`);
    },
    send: (key) => void tmux('send-keys', '-t', 'app', key),
    kill() {
      const path = spawnSync('tmux', ['-L', socket, 'display-message', '-p', '#{socket_path}'], { encoding: 'utf8' }).stdout.trim();
      spawnSync('tmux', ['-L', socket, 'kill-server']);
      if (path !== '') rmSync(path, { force: true });
    },
  };
}
