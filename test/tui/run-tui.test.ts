import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runTui } from '@meshgw/tui';
import { runCli } from '../support/run-cli.js';
import { testFiles } from './support/data.js';

function stream(tty: boolean): NodeJS.WriteStream & NodeJS.ReadStream & { text: () => string } {
  const s = new PassThrough() as unknown as NodeJS.WriteStream & NodeJS.ReadStream & { text: () => string };
  let out = '';
  (s as unknown as PassThrough).on('data', (chunk: Buffer) => (out += chunk.toString()));
  Object.defineProperty(s, 'isTTY', { value: tty ? true : undefined });
  s.text = () => out;
  return s;
}

describe('runTui', () => {
  it('explains, instead of crashing in raw mode, when stdin is not a terminal', async () => {
    const stderr = stream(false);
    const stdout = stream(true);
    const code = await runTui({ source: { kind: 'files', paths: ['ws'], load: async () => testFiles() }, stdin: stream(false), stdout, stderr });
    expect(code).toBe(2);
    expect(stderr.text()).toBe('meshgw tui is interactive and its input is not a terminal. Run it in a terminal, or use `meshgw inspect` for a printable report.\n');
    expect(stdout.text()).toBe('');
  });

  it('explains when stdout is not a terminal', async () => {
    const stderr = stream(false);
    const code = await runTui({ source: { kind: 'files', paths: ['ws'], load: async () => testFiles() }, stdin: stream(true), stdout: stream(false), stderr });
    expect(code).toBe(2);
    expect(stderr.text()).toContain('its output is not a terminal');
  });
});

describe('meshgw tui', () => {
  it('says what to pass when there is neither a control plane nor a kumactl config', () => {
    const r = runCli(['tui'], { env: { HOME: '/nonexistent-home-for-tests' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'meshgw tui: no control plane given and no kumactl config at /nonexistent-home-for-tests/.kumactl/config. Choose one: --context NAME (a kumactl context), --cp URL (e.g. --cp http://localhost:5681), or PATH... to browse resource files.\n',
    );
  });

  it('needs a terminal, and says so on a pipe', () => {
    const r = runCli(['tui', 'examples']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('meshgw tui is interactive and its input is not a terminal.');
  });

  it('refuses bad intervals and unreadable paths, and has help', () => {
    expect(runCli(['tui', '--refresh', '0.2', 'examples']).stderr).toContain('--refresh takes a number of seconds, at least 1');
    const missing = runCli(['tui', 'no/such/folder']);
    expect([missing.code, missing.stderr]).toEqual([2, 'meshgw tui: no/such/folder: no such file or folder\n']);
    const help = runCli(['tui', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--secrets-refresh SECONDS');
  });
});
