import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { analyzeFiles, createWorkspace } from '@meshgw/engine';
import { parseAllDocuments } from 'yaml';

/**
 * `node bench/engine-floor.mjs LARGE.yaml SECRETS.yaml EDIT_OFFSET WARMUP RUNS`:
 * the engine alone against its floor, in a process of its own. Prints one JSON object with
 * milliseconds per run of: the `yaml` package's bare `parseAllDocuments` of both texts and a
 * cold engine analysis of both files (a new workspace each run), run i of one right after run i
 * of the other, and the engine's re-analysis after
 * a one-character edit at EDIT_OFFSET (UTF-16 units) of the large file in a warm workspace.
 * Runs follow each other with no forced garbage collection: collecting before each run made
 * every series two to four times slower (V8 then drops compiled code), which is not how the
 * engine runs in the server.
 */

const [largePath, secretsPath, editOffsetText, warmupText, runsText] = process.argv.slice(2);
const large = { file: largePath, text: readFileSync(largePath, 'utf8') };
const secrets = { file: secretsPath, text: readFileSync(secretsPath, 'utf8') };
const editOffset = Number(editOffsetText);
const warmup = Number(warmupText);
const runs = Number(runsText);
const now = new Date('2026-01-01T00:00:00Z');
function timed(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function series(fn) {
  for (let i = 0; i < warmup; i++) fn(i);
  return Array.from({ length: runs }, (_, i) => timed(() => fn(warmup + i)));
}

let diagnostics = 0;
const parseOnce = () => {
  parseAllDocuments(large.text);
  parseAllDocuments(secrets.text);
};
const analyzeOnce = () => {
  const result = analyzeFiles([large, secrets], { now });
  diagnostics = [...result.diagnosticsByFile.values()].reduce((n, list) => n + list.length, 0);
};
// The parse and the analysis alternate, so that a busy moment of the machine hits both.
const parse = [];
const analyze = [];
for (let i = 0; i < warmup + runs; i++) {
  const p = timed(parseOnce);
  const a = timed(analyzeOnce);
  if (i >= warmup) {
    parse.push(p);
    analyze.push(a);
  }
}
const edited = large.text.slice(0, editOffset) + 'x' + large.text.slice(editOffset);
const workspace = createWorkspace();
workspace.setFile(large.file, large.text);
workspace.setFile(secrets.file, secrets.text);
workspace.analyze({ now });
const reanalyze = series((i) => {
  workspace.setFile(large.file, i % 2 === 0 ? edited : large.text);
  workspace.analyze({ now });
});

process.stdout.write(JSON.stringify({ parse, analyze, reanalyze, diagnostics, bytes: large.text.length + secrets.text.length }) + '\n');
