import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { NOW, testFiles } from './support/data.js';
import { sleep } from './support/ink.js';

// Ink's colours are chosen when it is first imported: this file forces them on (and CI mode off)
// before it imports the app, so that the run without NO_COLOR shows what NO_COLOR takes away.
process.env.FORCE_COLOR = '1';
delete process.env.CI;
// runTui patches the console, which needs the `Console` class the test runner's console lacks.
Object.assign(console, { Console: (await import('node:console')).Console });
const { runTui } = await import('@meshgw/tui');

type Stream = NodeJS.WriteStream & NodeJS.ReadStream & { text: () => string };

function terminal(): Stream {
  const s = new PassThrough() as unknown as Stream;
  let out = '';
  (s as unknown as PassThrough).on('data', (chunk: Buffer) => (out += chunk.toString()));
  Object.assign(s, { isTTY: true, columns: 100, rows: 24, setRawMode: () => s, ref: () => s, unref: () => s });
  s.text = () => out;
  return s;
}

/** Runs the app on files until the gateway list shows, quits with q, and returns all it wrote. */
async function run(env: NodeJS.ProcessEnv): Promise<string> {
  const stdin = terminal();
  const stdout = terminal();
  const done = runTui({ source: { kind: 'files', paths: ['ws'], load: async () => testFiles() }, stdin, stdout, stderr: terminal(), env, refreshMs: 60_000, now: () => NOW });
  for (let i = 0; i < 1000 && !/> .*edge/.test(stdout.text()); i++) await sleep(10);
  stdin.write('q');
  expect(await done).toBe(0);
  return stdout.text();
}

/** Sequences that set a foreground or background colour. */
const COLOUR = /\u001b\[(?:3[0-79]|4[0-79]|9[0-7]|10[0-7]|[34]8;[\d;]+)m/;

describe('NO_COLOR', () => {
  it('draws without colours when NO_COLOR is set and not empty, keeping bold and inverse', async () => {
    const coloured = await run({});
    expect(coloured).toMatch(COLOUR);
    const plain = await run({ NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(plain).toContain('edge');
    expect(plain).not.toMatch(COLOUR);
    expect(plain).toContain('\u001b[7m');
    expect(plain).toContain('\u001b[1m');
  });

  it('keeps colours when NO_COLOR is empty', async () => {
    expect(await run({ NO_COLOR: '' })).toMatch(COLOUR);
  });
});
