import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/lsp-client.js';

const MODULE = pathToFileURL(resolve(REPO, 'server/dist/lifecycle/young-generation.js')).href;

/**
 * In a fresh Node process (the test runner's own young generation has grown already): the new
 * space's size at the start, once held while 40 MB of survivors are allocated, and after each of
 * 40 bursts of 2 MB of survivors once released, with a turn of the event loop between bursts
 * (as between edits). The cap is four times the starting size.
 */
function sizes(): { before: number; held: number; after: number[] } {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    const { holdYoungGeneration } = await import(${JSON.stringify(MODULE)});
    const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    const kept = [];
    const survivors = (mb) => { for (let i = 0; i < mb * 10_000; i++) kept.push({ a: i, b: [i, i + 1], c: 's' + i }); };
    const before = newSpace();
    const release = holdYoungGeneration(before * 4);
    survivors(40);
    const held = newSpace();
    release();
    const after = [];
    for (let i = 0; i < 40; i++) {
      survivors(2);
      await new Promise((resolve) => setTimeout(resolve, 0));
      after.push(newSpace());
    }
    process.stdout.write(JSON.stringify({ before, held, after }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

describe('the young generation while the workspace is first read', () => {
  it('does not grow while held; once released, grows until a young collection finds it at the cap', () => {
    const { before, held, after } = sizes();
    expect(held).toBeLessThanOrEqual(before * 2);
    expect(Math.max(...after)).toBeGreaterThan(held);
    // At most the one growth that reached the cap (V8 doubles it); unheld it grows to 32 times the start.
    expect(Math.max(...after)).toBeLessThanOrEqual(before * 4 * 2);
  });
});
