import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLES, positionOf, uriOf, type LspClient, type Message } from '../server/support/lsp-client.js';
import { documentRequests, EMPTY_ANSWERS, isAnswer, rawRequest } from './support/lsp-raw.js';
import { answers, loggedErrors, startIndexedServer } from './support/lsp-server.js';
import { completionProblems, hoverProblems, lineStarts, positionAt, type Position } from './support/lsp-typing.js';

/**
 * A client that misbehaves: requests for documents the server does not hold, positions out of
 * range, cancellations at any moment, changes with stale versions, binary and very large files.
 * The server answers every request (a result, or an error response where LSP allows one) and
 * stays up; what it answers is checked where LSP says what it must be.
 */

const FOLDER = resolve(EXAMPLES, 'edge-gateway');
const GATEWAY = resolve(FOLDER, 'gateway.yaml');
const GATEWAY_TEXT = readFileSync(GATEWAY, 'utf8');
/** A folder outside the workspace, for documents that exist only while open. */
const ELSEWHERE = resolve(EXAMPLES, '..', 'not-in-the-workspace');

let client: LspClient;

/**
 * A copy of the workspace's gateway opened outside the workspace duplicates it, so it carries
 * `duplicate-resource` (and, being later in file order, it is the copy Kuma keeps). The tests
 * below are about the protocol, not duplicates: they leave that warning out, and close what
 * each test opened outside the workspace so the next one starts with the workspace alone.
 */
const COPY_CODES = new Set(['duplicate-resource']);
const notCopy = <T extends { code: string }>(items: T[]): T[] => items.filter((d) => !COPY_CODES.has(d.code));
const openedElsewhere = new Set<string>();
function openElsewhere(file: string, text: string, version: number): string {
  const uri = client.open(resolve(ELSEWHERE, file), text, version);
  openedElsewhere.add(uri);
  return uri;
}

beforeAll(async () => {
  client = await startIndexedServer([FOLDER]);
});

afterAll(async () => {
  await client.close();
});

/**
 * Messages LSP allows get their answer without an error in the server's log. A test that sends
 * messages LSP does not allow sets `invalidMessages`: handlers may fail on those (and log it), as
 * long as every request is answered all the same.
 */
let errorsBefore = 0;
let invalidMessages = false;
beforeEach(() => {
  errorsBefore = loggedErrors(client).length;
  invalidMessages = false;
});
afterEach(() => {
  if (!invalidMessages) expect(loggedErrors(client).slice(errorsBefore)).toEqual([]);
  for (const uri of openedElsewhere) client.notify('textDocument/didClose', { textDocument: { uri } });
  openedElsewhere.clear();
});

async function all(uri: string, position: Position): Promise<unknown[]> {
  return Promise.all(documentRequests(uri, position).map((r) => client.request(r.method, r.params)));
}

/** The first pushed diagnostics for `uri` that arrive after notification `after` and satisfy `match`. */
async function pushed<T>(uri: string, after: number, match: (items: T[]) => boolean, timeout?: number): Promise<{ version?: number; diagnostics: T[] }> {
  const n = await client.waitFor<{ uri: string; version?: number; diagnostics: T[] }>(
    'textDocument/publishDiagnostics',
    (p) => p.uri === uri && match(p.diagnostics),
    { after, timeout },
  );
  return n.params;
}

describe('documents the server does not hold', () => {
  it('answers requests for unknown and malformed URIs with empty results', async () => {
    const uris = [
      uriOf(resolve(FOLDER, 'never-written.yaml')),
      uriOf(resolve(ELSEWHERE, 'never-opened.yaml')),
      'untitled:Untitled-7',
      'http://example.com/gateway.yaml',
      'file:///%zz/bad-escape.yaml',
      'file://server/share/gateway.yaml',
      'not a uri at all',
      '',
    ];
    for (const uri of uris) expect(await all(uri, { line: 2, character: 3 }), uri).toEqual(EMPTY_ANSWERS);
  });

  it('answers for a closed document from its disk text inside the workspace, and with nothing outside it', async () => {
    const uri = client.open(GATEWAY, GATEWAY_TEXT.replace('port: 8443', 'port: 9443'), 1);
    const at = positionOf(GATEWAY_TEXT, 'port: 8443', 6);
    const header = async () => (await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: at }))?.contents.value.split('\n')[0];
    expect(await header()).toBe('**Port 9443** · HTTPS · 1 listener');
    client.notify('textDocument/didClose', { textDocument: { uri } });
    await expect.poll(header).toBe('**Port 8443** · HTTPS · 1 listener');

    const path = resolve(ELSEWHERE, 'scratch.yaml');
    const scratch = client.open(path, GATEWAY_TEXT, 1);
    expect((await all(scratch, at))[0]).not.toBeNull();
    client.notify('textDocument/didClose', { textDocument: { uri: scratch } });
    expect(await all(scratch, at)).toEqual(EMPTY_ANSWERS);
  });

  it('ignores changes and closes for documents it never opened, and closes twice', async () => {
    const ghost = uriOf(resolve(ELSEWHERE, 'ghost.yaml'));
    client.notify('textDocument/didChange', { textDocument: { uri: ghost, version: 2 }, contentChanges: [{ text: GATEWAY_TEXT }] });
    client.notify('textDocument/didChange', {
      textDocument: { uri: ghost, version: 3 },
      contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } }, text: 'x' }],
    });
    client.notify('textDocument/didClose', { textDocument: { uri: ghost } });
    const once = openElsewhere('closed-twice.yaml', GATEWAY_TEXT, 1);
    client.notify('textDocument/didClose', { textDocument: { uri: once } });
    client.notify('textDocument/didClose', { textDocument: { uri: once } });
    expect(await all(ghost, { line: 2, character: 0 })).toEqual(EMPTY_ANSWERS);
    expect(await all(once, { line: 2, character: 0 })).toEqual(EMPTY_ANSWERS);
    expect(await answers(client)).toBe(true);
  });
});

describe('positions out of range', () => {
  /** The position LSP means by `p` in `text`: a line past the end is the end, a character past the end of its line is the line's end. */
  function clamp(text: string, p: Position): Position {
    const starts = lineStarts(text);
    if (p.line >= starts.length) return positionAt(text, text.length);
    const end = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
    const content = text.slice(starts[p.line], end).replace(/\r?\n$|\r$/, '');
    return { line: p.line, character: Math.min(p.character, content.length) };
  }

  const INSIDE_LSP = [
    { line: 1_000_000, character: 0 },
    { line: 1_000_000, character: 1_000_000 },
    { line: 2, character: 1_000_000 },
    { line: 14, character: 2_147_483_647 },
    { line: 2_147_483_647, character: 2_147_483_647 },
  ];

  it('answers positions past the end of a line or of the document as LSP clamps them', async () => {
    const crlf = GATEWAY_TEXT.replace(/\n/g, '\r\n');
    for (const [name, text] of [
      ['lf', GATEWAY_TEXT],
      ['crlf', crlf],
    ] as const) {
      const uri = openElsewhere(`range-${name}.yaml`, text, 1);
      // A character past the end of line 2 (`type: MeshGateway`) is its end: the hover is on
      // `MeshGateway`, not on `mesh` at the start of the next line.
      const past = await client.request<{ range: { start: Position } }>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1_000_000 } });
      expect(past.range.start).toEqual({ line: 2, character: 6 });
      for (const position of INSIDE_LSP) {
        const where = `${name} ${JSON.stringify(position)}`;
        const [hover, completion] = await all(uri, position);
        const clamped = clamp(text, position);
        expect(hoverProblems(text, clamped, hover, where)).toEqual([]);
        expect(completionProblems(text, clamped, completion, where)).toEqual([]);
        const [hoverClamped, completionClamped] = await all(uri, clamped);
        expect({ hover, completion }, where).toEqual({ hover: hoverClamped, completion: completionClamped });
      }
    }
  });

  it('answers positions LSP does not allow (negative, fractional, huge, missing) without going down', async () => {
    invalidMessages = true;
    const uri = openElsewhere('range-invalid.yaml', GATEWAY_TEXT, 1);
    const positions: unknown[] = [
      { line: -1, character: -1 },
      { line: 0, character: -2_147_483_648 },
      { line: 3, character: 2 ** 53 },
      { line: 1e300, character: 1e300 },
      { line: 1.5, character: 0.5 },
      { line: '3', character: '4' },
      { line: 3 },
      null,
    ];
    for (const position of positions) {
      const replies = await Promise.all(documentRequests(uri, position as Position).map((r) => rawRequest(client, r.method, r.params)));
      for (const m of replies) expect(isAnswer(m), JSON.stringify({ position, m })).toBe(true);
    }
    const [hover] = await all(uri, positionOf(GATEWAY_TEXT, 'port: 8443', 6));
    expect(hover).not.toBeNull();
  });
});

describe('cancellation', () => {
  it('answers each cancelled request with its result or RequestCancelled, and keeps answering', async () => {
    const uri = client.open(GATEWAY, GATEWAY_TEXT, 10);
    const starts = lineStarts(GATEWAY_TEXT);
    const requests = Array.from({ length: 60 }, (_, i) => {
      const r = documentRequests(uri, { line: i % starts.length, character: i % 9 })[i % 5];
      return { id: client.nextId(), ...r };
    });
    const replies = requests.map((r) => client.response(r.id));
    // Every third request is cancelled in the same write as itself; the others are cancelled
    // after a few more requests went out, or once their answer may already be on its way.
    let raw = '';
    const later: number[] = [];
    for (const [i, r] of requests.entries()) {
      raw += client.frame({ id: r.id, method: r.method, params: r.params });
      if (i % 3 === 0) raw += client.frame({ method: '$/cancelRequest', params: { id: r.id } });
      else if (i % 3 === 1) later.push(r.id);
      if (i % 10 === 9) {
        client.writeRaw(raw);
        raw = '';
        await new Promise((res) => setImmediate(res));
        for (const id of later.splice(0)) client.notify('$/cancelRequest', { id });
      }
    }
    // Cancellations of requests long answered, never sent, and malformed ones.
    for (const id of [requests[0].id, 987_654, 'no-such-request', null]) client.notify('$/cancelRequest', { id });
    client.notify('$/cancelRequest', null);
    const messages = await Promise.all(replies);
    for (const [i, m] of messages.entries()) {
      expect(isAnswer(m), JSON.stringify(m)).toBe(true);
      if (m.error) expect([i, m.error.code]).toEqual([i, -32800]);
    }
    const cancelled = messages.filter((m) => m.error).length;
    console.log(`cancellation: ${cancelled} of ${messages.length} requests answered with RequestCancelled, the rest with their result`);
    expect(await answers(client)).toBe(true);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(GATEWAY_TEXT, 'port: 8443', 6) });
    expect(hover).not.toBeNull();
  });
});

describe('changes with stale or repeated versions', () => {
  interface Pushed {
    code: string;
    range: { start: Position; end: Position };
  }
  const portZero = GATEWAY_TEXT.replace('port: 8443', 'port: 0');

  it('applies every change in the order it came, whatever its version, and reports on the latest text', async () => {
    const uri = openElsewhere('versions.yaml', GATEWAY_TEXT, 10);
    const codes = async () => notCopy((await client.request<{ items: Pushed[] }>('textDocument/diagnostic', { textDocument: { uri } })).items).map((d) => d.code);
    expect(await codes()).toEqual([]);

    // Older than the open version.
    let mark = client.notifications.length;
    client.change(uri, portZero, 3);
    const broken = await pushed<Pushed>(uri, mark, (items) => items.some((d) => d.code === 'gateway-listener'));
    expect(broken.diagnostics.filter((d) => d.code === 'gateway-listener').map((d) => d.range)).toEqual([
      { start: positionOf(portZero, 'port: 0', 6), end: positionOf(portZero, 'port: 0', 7) },
    ]);
    expect(await codes()).toContain('gateway-listener');

    // The same stale version again, with the fix.
    mark = client.notifications.length;
    client.change(uri, GATEWAY_TEXT, 3);
    await pushed<Pushed>(uri, mark, (items) => notCopy(items).length === 0);
    expect(await codes()).toEqual([]);

    // A burst of changes with versions going down and repeating: the last text wins, the one
    // with port 0 on the first listener rather than the third.
    const firstZero = GATEWAY_TEXT.replace('port: 8080', 'port: 0');
    const firstRange = { start: positionOf(firstZero, 'port: 0', 6), end: positionOf(firstZero, 'port: 0', 7) };
    mark = client.notifications.length;
    for (const [i, version] of [9, 8, 8, 2, 100, 1].entries()) client.change(uri, i % 2 === 0 ? portZero : GATEWAY_TEXT, version);
    client.change(uri, firstZero, 1);
    const last = await pushed<Pushed>(uri, mark, (items) => items.some((d) => d.code === 'gateway-listener' && d.range.start.line === firstRange.start.line));
    expect(last.diagnostics.filter((d) => d.code === 'gateway-listener').map((d) => d.range)).toEqual([firstRange]);
    expect(await codes()).toContain('gateway-listener');

    // An incremental change with a stale version applies to the latest text: it fixes the port.
    mark = client.notifications.length;
    const at = firstRange.start;
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 0 },
      contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '8080' }],
    });
    await pushed<Pushed>(uri, mark, (items) => notCopy(items).length === 0);
    expect(await codes()).toEqual([]);
  });

  it('survives changes without a version, with ranges past the end, and with no changes', async () => {
    invalidMessages = true;
    const uri = openElsewhere('versionless.yaml', GATEWAY_TEXT, 1);
    const far = { line: 1_000_000, character: 5 };
    client.notify('textDocument/didChange', { textDocument: { uri }, contentChanges: [{ text: portZero }] });
    client.notify('textDocument/didChange', { textDocument: { uri, version: null }, contentChanges: [{ text: portZero }] });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [] });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: far, end: far }, text: '\n# appended\n' }] });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 4 } });
    client.notify('textDocument/didChange', null);
    const items = (await client.request<{ items: Pushed[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
    expect(notCopy(items)).toEqual([]);
    const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['MeshGateway edge-gateway']);
    expect(await answers(client)).toBe(true);
  });
});

describe('binary and very large files', () => {
  it('warns about an open Kuma file holding binary data and about junk, and answers on both', async () => {
    const corrupted = `${GATEWAY_TEXT.slice(0, 200)}\u0000\u0001\u0002\uFFFD${GATEWAY_TEXT.slice(200)}`;
    let junk = '';
    for (let i = 0; i < 4096; i++) junk += String.fromCharCode((i * 7919 + 13) % 256);
    const mark = client.notifications.length;
    const bad = openElsewhere('corrupted.yaml', corrupted, 1);
    const noise = openElsewhere('noise.yaml', junk, 1);
    const warned = await pushed<{ code: string; severity: number; message: string; range: { start: Position; end: Position } }>(bad, mark, (items) => items.length > 0);
    expect(warned.diagnostics.map((d) => [d.code, d.severity])).toEqual([['not-text', 2]]);
    expect(warned.diagnostics[0].message).toBe('File skipped: it holds binary data (NUL bytes or invalid UTF-8), not YAML text.');
    expect(warned.version).toBe(1);
    // Junk that does not look like a Kuma file is not one: its diagnostics arrive, empty.
    expect((await pushed(noise, mark, () => true)).diagnostics).toEqual([]);
    // Completion reads the text as typed, so it still offers keys in the skipped file.
    for (const [uri, text] of [
      [bad, corrupted],
      [noise, junk],
    ]) {
      const at = { line: 3, character: 2 };
      const [hover, completion] = await all(uri, at);
      expect(hover).toBeNull();
      expect(completionProblems(text, at, completion, uri)).toEqual([]);
    }
    const [hover] = await all(uriOf(GATEWAY), positionOf(GATEWAY_TEXT, 'port: 8443', 6));
    expect(hover).not.toBeNull();
  });

  // The outline names a few of the listeners that share a port and counts the rest: listing
  // every other listener on every listener made the outline quadratic (gigabytes here).
  const BIG = [
    { name: 'one port per listener', port: (i: number) => 1000 + (i % 60_000), detail: () => 'listener #0' },
    {
      name: 'every listener on port 8080 (one virtual host each)',
      port: () => 8080,
      detail: (count: number) => `listener #0 · shares :8080 with #1, #2, #3, #4, #5, #6, #7, #8 and ${count - 10} more`,
    },
  ];
  for (const { name, port, detail } of BIG) {
    it(`analyses and outlines a 2 MB gateway, ${name}, and keeps answering on it and on the other files`, async () => {
      const listener = (i: number) => `    - port: ${port(i)}\n      protocol: HTTP\n      hostname: host-${i}.example.com\n      tags:\n        vhost: host-${i}.example.com\n`;
      let text = 'type: MeshGateway\nmesh: default\nname: big\nselectors:\n  - match:\n      kuma.io/service: big\nconf:\n  listeners:\n';
      let i = 0;
      while (text.length < 2 * 1024 * 1024) text += listener(i++);
      text += '    - port: 0\n      protocol: HTTP\n      hostname: last.example.com\n';
      const mark = client.notifications.length;
      const opened = performance.now();
      const uri = openElsewhere('big.yaml', text, 1);
      // Analysing some 16,000 listeners takes seconds, more on a busy machine: the waits are generous.
      const got = await pushed<{ code: string; message: string; range: { start: Position; end: Position } }>(uri, mark, (items) => items.length > 0, 50_000);
      const log = [`diagnostics ${(performance.now() - opened).toFixed(0)} ms after it was opened`];
      const range = { start: positionOf(text, 'port: 0', 6), end: positionOf(text, 'port: 0', 7) };
      expect(got.diagnostics.filter((d) => d.code === 'gateway-listener').map((d) => [d.message, d.range])).toEqual([
        [`conf.listeners[${i}].port: port must be in the range [1, 65535]`, range],
      ]);
      const timed = async <T>(what: string, method: string, params: unknown): Promise<T> => {
        const t = performance.now();
        const out = await client.request<T>(method, params, { timeout: 50_000 });
        log.push(`${what} ${(performance.now() - t).toFixed(0)} ms`);
        return out;
      };
      const textDocument = { uri };
      const hover = await timed('hover', 'textDocument/hover', { textDocument, position: range.start });
      const completion = await timed('completion', 'textDocument/completion', { textDocument, position: range.start });
      const outline = await timed<{ name: string; children: { name: string; detail: string }[] }[]>('outline', 'textDocument/documentSymbol', { textDocument });
      console.log(`a ${(text.length / 1024 / 1024).toFixed(1)} MB gateway with ${i + 1} listeners, ${name}: ${log.join(', ')}`);
      expect(hoverProblems(text, range.start, hover, 'big')).toEqual([]);
      expect(completionProblems(text, range.start, completion, 'big')).toEqual([]);
      expect(outline.map((s) => [s.name, s.children.length])).toEqual([['MeshGateway big', i + 1]]);
      expect(outline[0].children[i].name).toBe(':0 HTTP last.example.com');
      expect(outline[0].children[0].detail).toBe(detail(i + 1));
      const other = await client.request<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri: uriOf(GATEWAY) },
        position: positionOf(GATEWAY_TEXT, 'port: 8443', 6),
      });
      expect(other.contents.value.split('\n')[0]).toBe('**Port 8443** · HTTPS · 1 listener');
      client.notify('textDocument/didClose', { textDocument: { uri } });
    }, 120_000);
  }

  it('skips a Kuma file over the size limit with a warning, and keeps answering', async () => {
    const text = `type: MeshGateway\nmesh: default\nname: huge\n# ${'x'.repeat(6 * 1024 * 1024)}\n`;
    const mark = client.notifications.length;
    const uri = openElsewhere('huge.yaml', text, 1);
    const got = await pushed<{ code: string; severity: number; range: { start: Position; end: Position } }>(uri, mark, (items) => items.length > 0);
    expect(got.diagnostics.map((d) => [d.code, d.severity])).toEqual([['file-too-large', 2]]);
    expect(got.diagnostics[0].range.start).toEqual({ line: 0, character: 0 });
    const [hover, completion, symbols, actions, pulled] = await all(uri, { line: 1, character: 2 });
    expect([hover, symbols, actions, pulled]).toEqual([null, [], [], { kind: 'full', items: got.diagnostics }]);
    expect(completionProblems(text, { line: 1, character: 2 }, completion, 'huge')).toEqual([]);
    client.notify('textDocument/didClose', { textDocument: { uri } });
    expect(await answers(client)).toBe(true);
  });
});

describe('unexpected messages', () => {
  it('answers unknown requests with MethodNotFound, ignores unknown notifications, and keeps answering', async () => {
    invalidMessages = true;
    const unknown = await rawRequest(client, 'meshgw/noSuchThing', { x: 1 });
    expect(unknown.error?.code).toBe(-32601);
    client.notify('$/noSuchNotification', { x: 1 });
    client.notify('meshgw/noSuchNotification', null);
    const wrong = await rawRequest(client, 'textDocument/hover', 'not an object');
    expect(isAnswer(wrong)).toBe(true);
    const messages: Message[] = await Promise.all([rawRequest(client, 'textDocument/hover', {}), rawRequest(client, 'textDocument/completion', { textDocument: null })]);
    for (const m of messages) expect(isAnswer(m), JSON.stringify(m)).toBe(true);
    expect(await answers(client)).toBe(true);
  });
});

describe('shutdown and exit', () => {
  const servers: LspClient[] = [];
  const start = async () => {
    const own = await startIndexedServer([FOLDER]);
    servers.push(own);
    return own;
  };

  afterEach(async () => {
    // Servers a failed test left running.
    await Promise.all(servers.splice(0).map((own) => own.close()));
  });

  it('exits with code 0 after shutdown and exit, answering what was sent before the shutdown', async () => {
    const own = await start();
    const uri = own.open(GATEWAY);
    const at = positionOf(GATEWAY_TEXT, 'port: 8443', 6);
    const ids = [own.nextId(), own.nextId(), own.nextId()];
    const replies = ids.map((id) => own.response(id));
    own.writeRaw(
      own.frame({ id: ids[0], method: 'textDocument/hover', params: { textDocument: { uri }, position: at } }) +
        own.frame({ id: ids[1], method: 'textDocument/completion', params: { textDocument: { uri }, position: at } }) +
        own.frame({ id: ids[2], method: 'shutdown', params: null }),
    );
    const [hover, completion, shutdown] = await Promise.all(replies);
    expect(hover.result).not.toBeNull();
    expect(completionProblems(GATEWAY_TEXT, at, completion.result, 'before shutdown')).toEqual([]);
    expect(shutdown).toMatchObject({ result: null });
    // After shutdown, a request is still answered (LSP wants an error; a result does no harm).
    expect(isAnswer(await rawRequest(own, 'textDocument/hover', { textDocument: { uri }, position: at }))).toBe(true);
    own.notify('exit', null);
    expect(await own.exited).toBe(0);
    expect(own.stray()).toBe('');
  });

  it('exits with code 1 on exit without shutdown, as LSP says', async () => {
    const own = await start();
    own.notify('exit', null);
    expect(await own.exited).toBe(1);
  });

  it('exits with code 0 when shut down while a document is still being changed', async () => {
    const own = await start();
    const uri = own.open(GATEWAY);
    for (let v = 2; v < 40; v++) own.change(uri, GATEWAY_TEXT.replace('port: 8443', `port: ${8400 + v}`), v);
    await own.close();
    expect(await own.exited).toBe(0);
  });
});
