#!/usr/bin/env node
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLargeFile, generateManyFiles } from './generate.mjs';
import { fileSession, lspServers } from './lsp-bench.mjs';
import { summarizeProfile } from './profile-summary.mjs';

/**
 * `node bench/profile-lsp.mjs [LINES|files-N] [edit|hover|completion|symbols|open]`: one
 * session of meshgw's server under `node --cpu-prof` that mostly does one thing, then the
 * functions with the most self and total time. The profile stays in bench/.tmp/profile/.
 */

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [what = '20000', phase = 'edit'] = process.argv.slice(2);
const tmp = join(REPO, 'bench', '.tmp', 'profile');
const profiles = join(tmp, 'cpu');
rmSync(profiles, { recursive: true, force: true });
mkdirSync(profiles, { recursive: true });

const counts = { requests: 0, warmup: 1, symbols: 0, edits: 0 };
if (phase === 'edit') counts.edits = 30;
else if (phase === 'hover' || phase === 'completion') counts.requests = 400;
else if (phase === 'symbols') counts.symbols = 50;

let target;
if (what.startsWith('files-')) {
  const many = generateManyFiles(join(tmp, what), Number(what.slice('files-'.length)));
  target = { folder: many.dir, ...many.open, waitForIndex: true };
} else {
  const large = generateLargeFile(join(tmp, `file-${what}`), Number(what));
  target = { folder: large.dir, file: large.file, hover: large.hover, complete: large.complete, edit: large.edit };
}
// Hover-only and completion-only sessions use the other kind's positions list as empty.
if (phase === 'hover') target.complete = target.complete.slice(0, 1);
if (phase === 'completion') target.hover = target.hover.slice(0, 1);

const server = lspServers(REPO).find((s) => s.id === 'meshgw');
const profiled = { ...server, args: ['--cpu-prof', `--cpu-prof-dir=${profiles}`, ...server.args] };
const schemaPath = join(tmp, 'unused.schema.json');
const result = await fileSession(profiled, { ...target, counts, schemaPath });
if (result.error) throw new Error(result.error);
const file = readdirSync(profiles).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error('the server wrote no profile');
const summary = summarizeProfile(JSON.parse(readFileSync(join(profiles, file), 'utf8')), 30);
const line = ([k, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${k}`;
process.stdout.write(`${join(profiles, file)}: ${summary.wallMs.toFixed(0)} ms\n\nself time\n${summary.self.map(line).join('\n')}\n\ntotal time\n${summary.total.map(line).join('\n')}\n`);
