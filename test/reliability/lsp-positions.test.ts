import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, positionOf, type LspClient } from '../server/support/lsp-client.js';
import { answers, loggedErrors, startIndexedServer } from './support/lsp-server.js';
import { characterSteps, completionProblems, hoverProblems, latencySummary, runTyping, type Position, type Range } from './support/lsp-typing.js';

/**
 * Positions through the real server on text that makes UTF-16 columns differ from bytes and code
 * points: astral characters (two UTF-16 units) and other non-ASCII before the place that matters,
 * on the same line and on lines before it, tabs, CRLF line endings and a byte order mark, alone
 * and together. Each file has Kuma admission errors at places known in advance; the published
 * diagnostics, hover ranges, completion edits and incremental edits must land exactly there.
 */

const FOLDER = resolve(EXAMPLES, 'edge-gateway');

/** A gateway with two `port: 0` errors: one after an astral key on the same line, one after a tab. */
const LINES = [
  '# Gateway 🚀 for the café: naïve 𝔸, before the listeners',
  'type: MeshGateway',
  'mesh: default',
  'name: positions',
  'selectors:',
  '  - match:',
  '      kuma.io/service: edge-gateway',
  'conf:',
  '  listeners:',
  '    - port: 8080',
  '      protocol:\tHTTP',
  '      hostname: foo.example.com # 🚀🚀',
  '    - {"x-🚀": 1, port: 0, protocol: HTTP, hostname: bar.example.com}',
  '    - port:\t0',
  '      protocol: HTTP',
  '      hostname: baz.example.com',
];

const VARIANTS = [
  { name: 'LF', bom: '', eol: '\n' },
  { name: 'CRLF', bom: '', eol: '\r\n' },
  { name: 'a BOM and LF', bom: '\uFEFF', eol: '\n' },
  { name: 'a BOM and CRLF', bom: '\uFEFF', eol: '\r\n' },
  { name: 'lone CR', bom: '', eol: '\r' },
];

const textOf = (v: { bom: string; eol: string }, lines = LINES) => `${v.bom}${lines.join(v.eol)}${v.eol}`;

function rangeOf(text: string, needle: string, delta: number, length: number, occurrence = 0): Range {
  return { start: positionOf(text, needle, delta, occurrence), end: positionOf(text, needle, delta + length, occurrence) };
}

interface LspDiagnostic {
  code: string;
  message: string;
  range: Range;
}

let client: LspClient;
let n = 0;

beforeAll(async () => {
  client = await startIndexedServer([FOLDER]);
});

afterAll(async () => {
  await client.close();
});

/** Opens `text` as a new document and resolves with its first pushed diagnostics that are not empty. */
async function open(text: string): Promise<{ uri: string; diagnostics: LspDiagnostic[] }> {
  const mark = client.notifications.length;
  const uri = client.open(resolve(FOLDER, `positions-${n++}.yaml`), text, 1);
  const pushed = await client.waitFor<{ uri: string; diagnostics: LspDiagnostic[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0, {
    after: mark,
  });
  return { uri, diagnostics: pushed.params.diagnostics };
}

/** The range of each `port` admission error, by the listener path in its message. */
const portErrors = (items: LspDiagnostic[]) =>
  Object.fromEntries(items.filter((d) => d.code === 'gateway-listener' && /\.port: /.test(d.message)).map((d) => [d.message.split(':')[0], d.range]));

describe('published diagnostics', () => {
  for (const v of VARIANTS) {
    it(`land on the right UTF-16 columns with ${v.name}`, async () => {
      const text = textOf(v);
      const { diagnostics } = await open(text);
      expect(portErrors(diagnostics)).toEqual({
        // After `"x-🚀"` on the same line: column 24, where counting code points would give 23.
        'conf.listeners[1].port': rangeOf(text, 'port: 0,', 6, 1),
        // After a tab: one column.
        'conf.listeners[2].port': rangeOf(text, 'port:\t0', 6, 1),
      });
      expect(diagnostics.find((d) => d.code === 'unknown-field')?.range).toEqual(rangeOf(text, '"x-🚀"', 0, 6));
      expect(rangeOf(text, 'port: 0,', 6, 1).start.character).toBe(24);
    });
  }
});

describe('hover and completion', () => {
  for (const v of VARIANTS) {
    it(`give ranges on the right UTF-16 columns with ${v.name}`, async () => {
      const text = textOf(v);
      const { uri } = await open(text);
      const hover = async (at: Position) => client.request<{ range: Range } | null>('textDocument/hover', { textDocument: { uri }, position: at });
      // A key after a line with astral characters, a value after a tab, a key inside a flow map after an astral key.
      expect((await hover(positionOf(text, 'hostname: baz', 2)))?.range).toEqual(rangeOf(text, 'hostname: baz', 0, 'hostname'.length));
      expect((await hover(positionOf(text, 'protocol:\tHTTP', 11)))?.range).toEqual(rangeOf(text, 'protocol:\tHTTP', 10, 4));
      expect((await hover(positionOf(text, 'protocol: HTTP, hostname', 3)))?.range).toEqual(rangeOf(text, 'protocol: HTTP, hostname', 0, 'protocol'.length));
      // Inside a surrogate pair: answered, with a range that splits no pair.
      const inside = positionOf(text, '🚀": 1', 1);
      expect(hoverProblems(text, inside, await hover(inside), 'inside a pair')).toEqual([]);

      // Completion of a half typed key on the line after the astral comment.
      const typed = textOf(v, [...LINES.slice(0, 11), '      hostname: foo.example.com # 🚀🚀', '      tl']);
      const doc = client.open(resolve(FOLDER, `positions-${n++}.yaml`), typed, 1);
      const at = positionOf(typed, '      tl', 8);
      const list = await client.request<{ items: { label: string; textEdit: { range: Range } }[] }>('textDocument/completion', { textDocument: { uri: doc }, position: at });
      expect(completionProblems(typed, at, list, v.name)).toEqual([]);
      expect(list.items.find((i) => i.label === 'tls')?.textEdit.range).toEqual(rangeOf(typed, '      tl', 6, 2));
    });
  }
});

describe('incremental edits', () => {
  it('are applied at UTF-16 positions after astral characters, with CRLF and a BOM', async () => {
    const v = { bom: '\uFEFF', eol: '\r\n' };
    const start = textOf(v, LINES.map((l) => l.replace('port: 0,', 'port: 8081,').replace('port:\t0', 'port:\t8082')));
    const mark = client.notifications.length;
    const uri = client.open(resolve(FOLDER, `positions-${n++}.yaml`), start, 1);
    await client.waitFor<{ uri: string }>('textDocument/publishDiagnostics', (p) => p.uri === uri, { after: mark });

    // Replace `8081` (after `"x-🚀"`) with `0`, then widen the astral key before it by one more rocket.
    const edits = [
      { range: rangeOf(start, 'port: 8081', 6, 4), text: '0' },
      { range: rangeOf(start, '🚀": 1', 2, 0), text: '🚀' },
    ];
    let text = start.replace('port: 8081', 'port: 0');
    text = text.replace('🚀": 1', '🚀🚀": 1');
    const after = client.notifications.length;
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: edits });
    const pushed = await client.waitFor<{ uri: string; version: number; diagnostics: LspDiagnostic[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2, {
      after,
    });
    expect(portErrors(pushed.params.diagnostics)).toEqual({ 'conf.listeners[1].port': rangeOf(text, 'port: 0,', 6, 1) });
    expect(rangeOf(text, 'port: 0,', 6, 1).start.character).toBe(26);
    const symbols = await client.request<{ children: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols[0].children.map((c) => c.name)).toEqual([':8080 HTTP foo.example.com', ':0 HTTP bar.example.com', ':8082 HTTP baz.example.com']);
  });

  it('type and delete text with astral characters, CRLF, tabs and a BOM one character at a time', async () => {
    const text = textOf({ bom: '\uFEFF', eol: '\r\n' });
    const uri = client.open(resolve(FOLDER, `positions-${n++}.yaml`), '', 1);
    const forward = characterSteps(text, 'forward');
    const typed = await runTyping(client, uri, forward, { name: 'BOM, CRLF, tabs, astral: typed', version: 1 });
    const deleted = await runTyping(client, uri, characterSteps(text, 'backward'), { name: 'BOM, CRLF, tabs, astral: deleted', version: 1 + forward.length });
    console.log(latencySummary('Typing a file with a BOM, CRLF, tabs and astral characters', [typed, deleted]));
    for (const run of [typed, deleted]) {
      expect(run.errors).toEqual([]);
      expect(run.problems).toEqual([]);
      expect(run.answered).toBe(run.sent);
      expect(run.hovers).toBeGreaterThan(0);
      expect(run.completions).toBeGreaterThan(0);
    }
    // A surrogate pair is one step: fewer steps than UTF-16 units.
    expect(forward.length).toBe([...text].length);
    expect(forward.length).toBeLessThan(text.length);
    expect(await answers(client)).toBe(true);
    expect(loggedErrors(client)).toEqual([]);
  }, 120_000);
});
