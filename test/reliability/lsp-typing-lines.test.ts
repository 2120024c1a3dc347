import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../server/support/lsp-client.js';
import { answers, loggedErrors, startIndexedServer } from './support/lsp-server.js';
import { CHARACTER_TYPED_FILES, latencySummary, lineSteps, runTyping, type RunResult } from './support/lsp-typing.js';

/**
 * Typing simulation, one line at a time, on every example file that `lsp-typing.test.ts` does not
 * type character by character: each file's prefixes that end at a line break are sent as
 * full-text changes, longer and longer, then shorter and shorter down to nothing, with a hover
 * and a completion at the end of each prefix. One server per example folder, with that folder
 * as the workspace; each file is closed after its run, so the next one sees it on disk again.
 * Latencies are logged, never asserted.
 */

const FOLDERS = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'certs')
  .map((d) => d.name)
  .sort();

const runs: RunResult[] = [];

afterAll(() => {
  console.log(latencySummary('Typing one line at a time', [...runs].sort((a, b) => Math.max(0, ...b.steps) - Math.max(0, ...a.steps)).slice(0, 10)));
  console.log(latencySummary('Typing one line at a time, all runs together', [{ name: `${runs.length} runs`, steps: runs.flatMap((r) => r.steps) }]));
});

describe('typing every example file one line at a time', () => {
  for (const folder of FOLDERS) {
    const files = readdirSync(join(EXAMPLES, folder))
      .filter((f) => /\.ya?ml$/.test(f) && !CHARACTER_TYPED_FILES.some((c) => c.path === `${folder}/${f}`))
      .sort();

    it(`answers every hover and completion in ${folder}/ (${files.length} files), and stays up`, async () => {
      const client = await startIndexedServer([resolve(EXAMPLES, folder)]);
      try {
        const mine: RunResult[] = [];
        for (const name of files) {
          const path = join(EXAMPLES, folder, name);
          const text = readFileSync(path, 'utf8');
          const uri = client.open(path, '', 1);
          const forward = lineSteps(text, 'forward');
          mine.push(await runTyping(client, uri, forward, { name: `${folder}/${name} typed`, version: 1 }));
          mine.push(await runTyping(client, uri, lineSteps(text, 'backward'), { name: `${folder}/${name} deleted`, version: 1 + forward.length }));
          client.notify('textDocument/didClose', { textDocument: { uri } });
        }
        runs.push(...mine);
        expect(mine.flatMap((r) => r.errors)).toEqual([]);
        expect(mine.flatMap((r) => r.problems)).toEqual([]);
        expect(mine.filter((r) => r.answered !== r.sent).map((r) => r.name)).toEqual([]);
        expect(mine.reduce((n, r) => n + r.hovers, 0)).toBeGreaterThan(0);
        expect(mine.reduce((n, r) => n + r.completions, 0)).toBeGreaterThan(0);
        expect(await answers(client)).toBe(true);
        expect(loggedErrors(client)).toEqual([]);
      } finally {
        await client.close();
      }
    }, 120_000);
  }
});
