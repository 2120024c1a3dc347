import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES, uriOf, type LspClient } from '../server/support/lsp-client.js';
import { answers, loggedErrors, startIndexedServer } from './support/lsp-server.js';
import { CHARACTER_TYPED_FILES as FILES, characterSteps, latencySummary, runTyping, type StepLatencies } from './support/lsp-typing.js';

/**
 * Typing simulation, one character at a time, on a few representative example files: each file
 * is typed into an empty document with range edits, then deleted from the end, and at every step
 * a hover and a completion are asked at the cursor. The server runs with the file's example
 * folder as its workspace, so every step is analysed with the resources around it. Latencies
 * are logged, never asserted: the assertions are that every request is answered with a
 * well-formed result and that the server is still up.
 */

const runs: StepLatencies[] = [];

afterAll(() => {
  console.log(latencySummary('Typing one character at a time', runs));
});

describe('typing an example file one character at a time', () => {
  for (const { path, what } of FILES) {
    describe(`${path} (${what})`, () => {
      let client: LspClient;

      afterAll(async () => {
        await client?.close();
      });

      it('answers every hover and completion while typing it and while deleting it, and stays up', async () => {
        const file = resolve(EXAMPLES, path);
        const text = readFileSync(file, 'utf8');
        client = await startIndexedServer([dirname(file)]);
        const uri = client.open(file, '', 1);
        const forward = characterSteps(text, 'forward');
        const typed = await runTyping(client, uri, forward, { name: `${path} typed`, version: 1 });
        const backward = characterSteps(text, 'backward');
        const deleted = await runTyping(client, uri, backward, { name: `${path} deleted`, version: 1 + forward.length });
        runs.push(typed, deleted);

        for (const run of [typed, deleted]) {
          expect(run.errors).toEqual([]);
          expect(run.problems).toEqual([]);
          expect(run.answered).toBe(run.sent);
        }
        expect(typed.steps).toHaveLength([...text].length);
        expect(deleted.steps).toHaveLength([...text].length);
        // The steps reach the analysis: hovers and completions are offered along the way.
        for (const run of [typed, deleted]) {
          expect(run.hovers).toBeGreaterThan(0);
          expect(run.completions).toBeGreaterThan(0);
        }
        // The edits left an empty document, and the server still answers for it.
        expect(await client.request('textDocument/documentSymbol', { textDocument: { uri: uriOf(file) } })).toEqual([]);
        expect(await answers(client)).toBe(true);
        expect(loggedErrors(client)).toEqual([]);
      }, 120_000);
    });
  }
});
