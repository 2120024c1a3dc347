#!/usr/bin/env node
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLargeFile, generateManyFiles } from './generate.mjs';
import { coldStart, coldStartExtras, fileSession, indexingSession, lspServers } from './lsp-bench.mjs';
import { engineTable, fileTable, startTable, targetsTable, terminalTable } from './report.mjs';
import { terminalBench } from './terminal-bench.mjs';

/**
 * `npm run bench`: the benchmarks of docs/benchmarks.md. Prints one markdown table per group and
 * keeps the raw results in bench/.tmp/full/ (ignored by git). Options: `--write-doc` (a full run
 * also rewrites the results part of docs/benchmarks.md, between its `bench:results` markers),
 * `--smoke` (tiny sizes, in a folder of its own that is removed after; part of `npm test`),
 * `--only lsp,engine,terminal` (a subset of the groups; never writes the doc). Progress goes to
 * stderr.
 */

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const smoke = argv.includes('--smoke');
const onlyArg = argv.find((a) => a.startsWith('--only'));
const only = onlyArg ? new Set((onlyArg.includes('=') ? onlyArg.split('=')[1] : argv[argv.indexOf(onlyArg) + 1]).split(',')) : null;
const wants = (group) => only === null || only.has(group);
const write = argv.includes('--write-doc') && !smoke && only === null;

const CONFIG = smoke
  ? {
      lines: [300],
      manyFiles: 20,
      hugeMb: 1,
      requests: 20,
      warmup: 3,
      symbols: 3,
      edits: 4,
      warmupEdits: 0,
      coldRuns: 1,
      engine: { warmup: 1, runs: 2 },
      terminal: { size: { meshes: 2, gateways: 20, dataplanes: 100, secrets: 20 }, runs: 1, keys: 6, refreshMs: 1000, cycles: 1 },
    }
  : {
      lines: [1000, 5000, 20000],
      manyFiles: 1000,
      hugeMb: 30,
      requests: 200,
      warmup: 20,
      symbols: 20,
      edits: 20,
      warmupEdits: 4,
      coldRuns: 5,
      engine: { warmup: 5, runs: 15 },
      terminal: { size: { meshes: 3, gateways: 500, dataplanes: 5000, secrets: 1000 }, runs: 3, keys: 60, refreshMs: 1500, cycles: 2 },
    };

// Smoke runs may overlap (several `npm test` at once), so each has a folder of its own.
const TMP = join(REPO, 'bench', '.tmp', smoke ? `smoke-${process.pid}` : 'full');
const progress = (text) => process.stderr.write(`bench: ${text}\n`);

function requireBuild() {
  for (const file of ['server/dist/main.js', 'packages/engine/dist/index.js', 'packages/cli/dist/main.js', 'tui/dist/index.js']) {
    if (!existsSync(join(REPO, file))) throw new Error(`${file} is missing; run \`npm run build\` first.`);
  }
}

/** The JSON Schema the YAML language server validates with: `meshgw schema --kind all`, or the engine's own. */
async function writeSchema() {
  const path = join(TMP, 'meshgw.schema.json');
  let text;
  try {
    text = execFileSync(process.execPath, [join(REPO, 'packages', 'cli', 'bin', 'meshgw.js'), 'schema', '--kind', 'all'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    JSON.parse(text);
  } catch {
    const { jsonSchema } = await import('@meshgw/engine');
    text = JSON.stringify(jsonSchema('all'), null, 2);
  }
  writeFileSync(path, text);
  return path;
}

function engineFloor(large) {
  const offset = large.text.split('\n').slice(0, large.edit.line).reduce((n, l) => n + l.length + 1, 0) + large.edit.character;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [join(REPO, 'bench', 'engine-floor.mjs'), large.file, large.secrets, String(offset), String(CONFIG.engine.warmup), String(CONFIG.engine.runs)],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolvePromise(JSON.parse(out)) : reject(new Error(`engine-floor exited ${code}: ${err}`))));
  });
}

/** A YAML file of `mb` megabytes of plain data (no Kuma resource): over the size limit, never read. */
function writeHugeFile(path, mb) {
  mkdirSync(dirname(path), { recursive: true });
  const line = (i) => `- key: value-${String(i).padStart(8, '0')}\n`;
  const block = Array.from({ length: 10_000 }, (_, i) => line(i)).join('');
  writeFileSync(path, block.repeat(Math.ceil((mb * 1e6) / block.length)));
}

function bytes(n) {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.round(n / 1e3)} kB`;
}

function machine() {
  const cpu = cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO, encoding: 'utf8' }).trim();
    if (changed) commit += ' with uncommitted changes';
  } catch {
    // Not a git checkout.
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    node: process.version,
    cpu: `${cpu[0]?.model.trim() ?? 'unknown'} × ${cpu.length}`,
    memory: `${Math.round(totalmem() / 1024 ** 3)} GB`,
    platform: `${process.platform} ${process.arch}`,
    commit,
  };
}

async function main() {
  requireBuild();
  mkdirSync(TMP, { recursive: true });
  const started = Date.now();
  const loadBefore = loadavg()[0];
  const servers = lspServers(REPO);
  const labels = Object.fromEntries(servers.map((s) => [s.id, s.label]));
  const sections = [];
  const results = { cold: { meshgw: [], yls: [], bundled: [], floor: [], clone: [], packed: [] }, sizes: [], many: {}, indexing: null, engine: null, terminal: null };

  if (wants('lsp') || wants('engine')) progress(`generating workspaces in ${TMP}`);
  const larges = wants('lsp') || wants('engine') ? CONFIG.lines.map((lines) => generateLargeFile(join(TMP, `file-${lines}`), lines)) : [];

  if (wants('lsp')) {
    const schemaPath = await writeSchema();
    const many = generateManyFiles(join(TMP, `files-${CONFIG.manyFiles}`), CONFIG.manyFiles);
    const counts = { requests: CONFIG.requests, warmup: CONFIG.warmup, symbols: CONFIG.symbols, edits: CONFIG.edits, warmupEdits: CONFIG.warmupEdits };
    const emptyFolder = join(TMP, 'empty');
    mkdirSync(emptyFolder, { recursive: true });

    const starters = [...servers, ...(await coldStartExtras(REPO, TMP))];
    for (let i = 0; i < CONFIG.coldRuns; i++) {
      // Rotate the order so that no program always starts right after another.
      for (const server of [...starters.slice(i % starters.length), ...starters.slice(0, i % starters.length)]) {
        progress(`cold start ${i + 1}/${CONFIG.coldRuns}: ${server.label}`);
        results.cold[server.id].push(await coldStart(server, emptyFolder, schemaPath));
      }
    }
    for (const [index, large] of larges.entries()) {
      const entry = { size: { lines: large.lines, units: large.units, documents: large.units * 5 }, push: {}, pull: {} };
      // Alternate which server goes first from one size to the next.
      const order = index % 2 === 0 ? servers : [...servers].reverse();
      for (const server of order) {
        const common = { folder: large.dir, file: large.file, hover: large.hover, complete: large.complete, edit: large.edit, counts, schemaPath };
        progress(`${large.lines} lines: ${server.label}`);
        entry.push[server.id] = await fileSession(server, common);
        if (entry.push[server.id].pullDiagnostics) {
          progress(`${large.lines} lines: ${server.label}, pull diagnostics`);
          entry.pull[server.id] = await fileSession(server, { ...common, pull: true });
        } else {
          entry.pull[server.id] = { server: server.id, unsupported: 'no pull diagnostics' };
        }
      }
      results.sizes.push(entry);
    }
    for (const server of servers) {
      progress(`${many.files}-file workspace: ${server.label}`);
      results.many[server.id] = await fileSession(server, {
        folder: many.dir,
        file: many.open.file,
        hover: many.open.hover,
        complete: many.open.complete,
        edit: many.open.edit,
        counts: { ...counts, edits: Math.min(counts.edits, 10) },
        schemaPath,
        waitForIndex: server.id === 'meshgw',
      });
    }
    progress(`${many.files}-file workspace and a ${CONFIG.hugeMb} MB file: requests while meshgw indexes`);
    writeHugeFile(join(many.dir, 'zz-data', 'huge.yaml'), CONFIG.hugeMb);
    const meshgw = servers.find((s) => s.id === 'meshgw');
    results.indexing = await indexingSession(meshgw, { folder: many.dir, file: many.open.file, hover: many.open.hover, complete: many.open.complete, schemaPath });
    rmSync(join(many.dir, 'zz-data'), { recursive: true, force: true });
    sections.push({ title: 'Language server: start, and a workspace of many files', markdown: startTable({ labels, cold: results.cold, many: results.many, manyFiles: many.files, requests: CONFIG.requests, indexing: results.indexing, hugeMb: CONFIG.hugeMb }) });
    for (const [index, entry] of results.sizes.entries()) {
      const t = fileTable({ labels, size: entry.size, push: entry.push, pull: entry.pull, requests: CONFIG.requests, is20k: !smoke && index === results.sizes.length - 1, isSmallest: !smoke && index === 0 });
      sections.push({ title: `Language server: one file of ${t.title}`, markdown: t.markdown });
    }
  }

  if (wants('engine')) {
    const large = larges[larges.length - 1];
    progress(`engine against the bare yaml parse: ${large.lines} lines`);
    results.engine = await engineFloor(large);
    sections.push({ title: `Engine alone: the ${large.lines.toLocaleString('en-US')}-line file and its Secrets (${bytes(results.engine.bytes)})`, markdown: engineTable(results.engine) });
  }

  if (wants('terminal')) {
    const { size } = CONFIG.terminal;
    progress(`terminal faces: ${size.meshes} meshes, ${size.gateways} gateways, ${size.dataplanes} dataplanes, ${size.secrets} secrets`);
    results.terminal = await terminalBench(REPO, TMP, CONFIG.terminal);
    sections.push({
      title: `Terminal app and \`meshgw inspect --cp\`: ${size.meshes} meshes, ${size.gateways.toLocaleString('en-US')} gateways, ${size.dataplanes.toLocaleString('en-US')} dataplanes, ${size.secrets.toLocaleString('en-US')} secrets`,
      markdown: terminalTable(results.terminal),
    });
  }

  if (wants('lsp') && wants('engine') && wants('terminal')) {
    sections.push({ title: 'Targets', markdown: targetsTable({ cold: results.cold, sizes: results.sizes, many: results.many, indexing: results.indexing, engine: results.engine, terminal: results.terminal }) });
  }

  const m = machine();
  const seconds = Math.round((Date.now() - started) / 1000);
  const loadAfter = loadavg()[0];
  const busy = Math.max(loadBefore, loadAfter) > cpus().length;
  const header = [
    `Measured ${m.date} on ${m.cpu} (${m.memory}, ${m.platform}), Node ${m.node}, commit ${m.commit}${smoke ? ', smoke sizes' : ''}.`,
    `Load average (1 min) ${loadBefore.toFixed(2)} before and ${loadAfter.toFixed(2)} after; the run took ${seconds} s.` +
      (busy ? ' Other work kept the machine busy: absolute times are inflated, the side-by-side ratios less so.' : ''),
  ].join('\n');
  const body = [header, ...sections.map((s) => `### ${s.title}\n\n${s.markdown}`)].join('\n\n');
  process.stdout.write(`${body}\n`);
  writeFileSync(join(TMP, 'results.json'), JSON.stringify({ machine: m, config: CONFIG, results }, null, 1));
  writeFileSync(join(TMP, 'results.md'), `${body}\n`);
  if (write) writeDoc(body);
  else if (!smoke) progress(`results in ${join(TMP, 'results.md')}; \`npm run bench -- --write-doc\` puts a full run in docs/benchmarks.md`);
}

const BEGIN = '<!-- bench:results:begin -->';
const END = '<!-- bench:results:end -->';

/** Replaces the results between the markers of docs/benchmarks.md; the prose around them stays. */
function writeDoc(body) {
  const path = join(REPO, 'docs', 'benchmarks.md');
  const block = `${BEGIN}\n${body}\n${END}`;
  let text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a >= 0 && b > a) text = text.slice(0, a) + block + text.slice(b + END.length);
  else text = `${text.trimEnd()}${text ? '\n\n' : '# Benchmarks\n\n'}## Results\n\n${block}\n`;
  writeFileSync(path, text);
  progress(`wrote ${path}`);
}

const cleanUp = () => {
  if (smoke) rmSync(TMP, { recursive: true, force: true });
};

main().then(
  () => {
    cleanUp();
    process.exit(0);
  },
  (error) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
    cleanUp();
    process.exit(1);
  },
);
