import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { bundleCommonJs } from '../scripts/build-tools.mjs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { pickPositions } from './generate.mjs';
import { startLspClient } from './lsp-client.mjs';

/**
 * Drives language servers over stdio with the same client, the same capabilities and the same
 * positions, and returns raw timings in milliseconds. Every session is a fresh process.
 */

/** The servers compared: meshgw's and the YAML language server pinned in devDependencies. */
export function lspServers(repo) {
  const ylsDir = join(repo, 'node_modules', 'yaml-language-server');
  const ylsVersion = JSON.parse(readFileSync(join(ylsDir, 'package.json'), 'utf8')).version;
  return [
    { id: 'meshgw', label: 'meshgw', command: process.execPath, args: [join(repo, 'server', 'dist', 'main.js'), '--stdio'] },
    { id: 'yls', label: `yaml-language-server ${ylsVersion}`, command: process.execPath, args: [join(ylsDir, 'bin', 'yaml-language-server'), '--stdio'] },
  ];
}

/**
 * Programs measured for cold start only, around meshgw's: the floor (a Node process that loads
 * nothing and answers `initialize`), the server bundled into one file with esbuild as the VS Code
 * extension ships it (`scripts/package-extension.mjs`), `meshgw lsp --stdio` of the clone
 * (`packages/cli/bin/meshgw.js`, which runs the bundle `npm run build` makes) and of the packed
 * CLI (`npm run pack`, unpacked).
 */
export async function coldStartExtras(repo, tmpDir) {
  const entry = join(repo, 'server', 'dist', 'main.js');
  const outfile = join(tmpDir, 'meshgw-server.cjs');
  // The server finds its package.json and docs next to server/dist.
  await bundleCommonJs(entry, outfile, { inject: [], define: { 'import.meta.url': JSON.stringify(pathToFileURL(entry).href) } });
  const packed = join(tmpDir, 'packed');
  rmSync(packed, { recursive: true, force: true });
  mkdirSync(packed, { recursive: true });
  const tarball = execFileSync(process.execPath, [join(repo, 'scripts', 'pack.mjs'), '--skip-build', '--out-dir', packed], { cwd: repo, encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', tarball, '-C', packed]);
  return [
    { id: 'floor', label: 'Node floor', command: process.execPath, args: [join(repo, 'bench', 'lsp-floor.mjs')] },
    { id: 'bundled', label: 'meshgw, bundled', command: process.execPath, args: [outfile, '--stdio'] },
    { id: 'clone', label: 'meshgw lsp, clone', command: process.execPath, args: [join(repo, 'packages', 'cli', 'bin', 'meshgw.js'), 'lsp', '--stdio'] },
    { id: 'packed', label: 'meshgw lsp, packed', command: process.execPath, args: [join(packed, 'package', 'bin', 'meshgw.js'), 'lsp', '--stdio'] },
  ];
}

/**
 * Settings both servers read: meshgw its `meshgw` section (defaults), the YAML language server
 * `yaml`, with the JSON Schema of `meshgw schema` mapped onto every YAML file of the folder and
 * no schema store.
 */
export function lspSettings(schemaPath, folder) {
  return {
    meshgw: {},
    yaml: {
      validate: true,
      hover: true,
      completion: true,
      format: { enable: false },
      schemaStore: { enable: false },
      kubernetesCRDStore: { enable: false },
      schemas: { [schemaPath]: [`${folder}/*.yaml`, `${folder}/**/*.yaml`] },
    },
  };
}

const CAPABILITIES = {
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
  },
  window: { workDoneProgress: true },
};

const PULL_CAPABILITIES = {
  ...CAPABILITIES,
  textDocument: { ...CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
};

function start(server, settings) {
  return startLspClient({ command: server.command, args: server.args, settings, env: { NODE_OPTIONS: '' } });
}

async function initialize(client, folder, { pull = false } = {}) {
  const uri = pathToFileURL(folder).href;
  const init = await client.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'meshgw-bench' },
    rootUri: uri,
    rootPath: folder,
    workspaceFolders: [{ uri, name: 'bench' }],
    capabilities: pull ? PULL_CAPABILITIES : CAPABILITIES,
  });
  return { coldStart: init.at - client.spawnedAt, capabilities: init.result.capabilities };
}

/** Milliseconds from spawn to the `initialize` result, `runs` fresh processes. */
export async function coldStart(server, folder, schemaPath) {
  const client = start(server, lspSettings(schemaPath, folder));
  try {
    return (await initialize(client, folder)).coldStart;
  } finally {
    await client.shutdown();
  }
}

/** A document open in a session, with incremental or full-text changes as the server asked. */
function openDocument(client, path, capabilities) {
  const uri = pathToFileURL(path).href;
  let text = readFileSync(path, 'utf8');
  let version = 1;
  const sync = capabilities.textDocumentSync;
  const incremental = (typeof sync === 'number' ? sync : sync?.change) === 2;
  const lineOffsets = new Map();
  return {
    uri,
    open() {
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
      return version;
    },
    /**
     * Inserts `insert` at a position or deletes `deleteCount` characters there; returns the new
     * version. The offset of a line is computed once: edits change no line before their own, so
     * the client's own work stays out of the times measured.
     */
    change(position, { insert = '', deleteCount = 0 }) {
      if (!lineOffsets.has(position.line)) lineOffsets.set(position.line, text.split('\n').slice(0, position.line).reduce((n, l) => n + l.length + 1, 0));
      const offset = lineOffsets.get(position.line) + position.character;
      text = text.slice(0, offset) + insert + text.slice(offset + deleteCount);
      version++;
      const end = { line: position.line, character: position.character + deleteCount };
      const change = incremental ? { range: { start: position, end }, text: insert } : { text };
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      return version;
    },
  };
}

function nextDiagnostics(client, uri, version) {
  return client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (p.version === undefined || p.version === null || p.version >= version));
}

async function timeRequests(client, method, uri, positions) {
  const times = [];
  let answered = 0;
  for (const position of positions) {
    const started = performance.now();
    const { result, at } = await client.request(method, { textDocument: { uri }, position });
    times.push(at - started);
    const items = Array.isArray(result) ? result : result?.items;
    if (method === 'textDocument/hover' ? result !== null : items?.length > 0) answered++;
  }
  return { times, answered };
}

/**
 * One measured session on one file: open to the first pushed diagnostics, hover and completion
 * at the given positions (the first answer of each kept apart, then a warm-up, then the
 * measured requests), document symbols, and one-character edits in the middle (an insertion,
 * then its deletion; `counts.warmupEdits` of them untimed first) each until the next pushed
 * diagnostics. With `pull`, the client declares
 * pull diagnostics and the edits are timed to the `textDocument/diagnostic` answer instead
 * (for servers that offer it). `waitForIndex` first waits for the server's indexing progress
 * to end. Peak RSS is read last.
 */
export async function fileSession(server, options) {
  const { folder, file, hover, complete, edit, counts, schemaPath, pull = false, waitForIndex = false } = options;
  const client = start(server, lspSettings(schemaPath, folder));
  const out = { server: server.id };
  try {
    let indexEnd = null;
    const indexing = waitForIndex
      ? new Promise((resolve) => {
          const tokens = new Set();
          client.onNotification((method, params, at) => {
            if (method !== '$/progress') return;
            if (params.value?.kind === 'begin' && /index/i.test(params.value.title ?? '')) tokens.add(params.token);
            if (params.value?.kind === 'end' && tokens.has(params.token)) resolve(at);
          });
        })
      : null;
    const init = await initialize(client, folder, { pull });
    out.coldStart = init.coldStart;
    out.pullDiagnostics = Boolean(init.capabilities.diagnosticProvider);
    if (pull && !init.capabilities.diagnosticProvider) {
      out.unsupported = 'no pull diagnostics';
      return out;
    }
    const settings = lspSettings(schemaPath, folder);
    const initializedAt = performance.now();
    client.notify('initialized', {});
    client.notify('workspace/didChangeConfiguration', { settings });
    if (indexing) {
      indexEnd = await Promise.race([indexing, new Promise((resolve) => setTimeout(() => resolve(null), 120_000))]);
      out.indexMs = indexEnd === null ? null : indexEnd - initializedAt;
    }
    const doc = openDocument(client, file, init.capabilities);
    const diagnosticsNow = async (version) => {
      if (!pull) return (await nextDiagnostics(client, doc.uri, version)).params.diagnostics.length;
      const { result } = await client.request('textDocument/diagnostic', { textDocument: { uri: doc.uri } });
      return result.items?.length ?? 0;
    };

    let started = performance.now();
    const firstPush = pull ? null : nextDiagnostics(client, doc.uri, 1);
    doc.open();
    if (pull) {
      out.diagnosticsOnOpen = await diagnosticsNow(1);
      out.openToDiagnostics = performance.now() - started;
    } else {
      const first = await firstPush;
      out.openToDiagnostics = first.at - started;
      out.diagnosticsOnOpen = first.params.diagnostics.length;
    }

    if (!pull) {
      const hoverAt = pickPositions(hover, counts.requests, 11);
      const completeAt = pickPositions(complete, counts.requests, 12);
      const warmHover = pickPositions(hover, counts.warmup, 21);
      const warmComplete = pickPositions(complete, counts.warmup, 22);
      out.hoverFirst = (await timeRequests(client, 'textDocument/hover', doc.uri, warmHover.slice(0, 1))).times[0];
      out.completionFirst = (await timeRequests(client, 'textDocument/completion', doc.uri, warmComplete.slice(0, 1))).times[0];
      await timeRequests(client, 'textDocument/hover', doc.uri, warmHover);
      await timeRequests(client, 'textDocument/completion', doc.uri, warmComplete);
      const h = await timeRequests(client, 'textDocument/hover', doc.uri, hoverAt);
      const c = await timeRequests(client, 'textDocument/completion', doc.uri, completeAt);
      out.hover = h.times;
      out.hoverAnswered = h.answered;
      out.completion = c.times;
      out.completionAnswered = c.answered;
      out.symbols = [];
      for (let i = 0; i < counts.symbols; i++) {
        started = performance.now();
        const { at } = await client.request('textDocument/documentSymbol', { textDocument: { uri: doc.uri } });
        out.symbols.push(at - started);
      }
    }

    out.edit = [];
    // An even number of warm-up edits leaves the text as it was; they are not timed.
    const warmEdits = 2 * Math.ceil((counts.warmupEdits ?? 0) / 2);
    for (let i = 0; i < warmEdits + counts.edits; i++) {
      started = performance.now();
      const change = i % 2 === 0 ? { insert: 'x' } : { deleteCount: 1 };
      const version = doc.change(edit, change);
      let done;
      if (pull) {
        await diagnosticsNow(version);
        done = performance.now();
      } else {
        done = (await nextDiagnostics(client, doc.uri, version)).at;
      }
      if (i >= warmEdits) out.edit.push(done - started);
    }
    out.peakRss = client.peakRss();
    return out;
  } catch (error) {
    out.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return out;
  } finally {
    await client.shutdown();
  }
}

/**
 * Requests while indexing runs: `initialized`, then at once the file is opened and hover and
 * completion requests alternate back to back (each sent when the last is answered) until the
 * server's indexing progress ends. Returns each request's time, the first answer's apart, and
 * how long indexing took.
 */
export async function indexingSession(server, options) {
  const { folder, file, hover, complete, schemaPath } = options;
  const client = start(server, lspSettings(schemaPath, folder));
  const out = { server: server.id, hover: [], completion: [] };
  try {
    let ended = false;
    const tokens = new Set();
    client.onNotification((method, params) => {
      if (method !== '$/progress') return;
      if (params.value?.kind === 'begin' && /index/i.test(params.value.title ?? '')) tokens.add(params.token);
      if (params.value?.kind === 'end' && tokens.has(params.token)) ended = true;
    });
    const init = await initialize(client, folder);
    const started = performance.now();
    client.notify('initialized', {});
    client.notify('workspace/didChangeConfiguration', { settings: lspSettings(schemaPath, folder) });
    const doc = openDocument(client, file, init.capabilities);
    doc.open();
    const hovers = pickPositions(hover, 500, 31);
    const completes = pickPositions(complete, 500, 32);
    const deadline = started + 120_000;
    for (let i = 0; !ended && performance.now() < deadline; i++) {
      const [method, at, list] = i % 2 === 0 ? ['textDocument/hover', hovers, out.hover] : ['textDocument/completion', completes, out.completion];
      const t = await timeRequests(client, method, doc.uri, [at[(i >> 1) % at.length]]);
      if (i === 0) out.first = t.times[0];
      else list.push(t.times[0]);
    }
    out.indexMs = performance.now() - started;
    out.peakRss = client.peakRss();
    return out;
  } catch (error) {
    out.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return out;
  } finally {
    await client.shutdown();
  }
}
