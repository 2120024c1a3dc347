import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PARSE_LIMITS, type WorkspaceResult } from '@meshgw/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../support/run-cli-async.js';
import { EXAMPLES, ROOT } from './support/examples.js';
import { analyzeTwice, nodeCount } from './support/invariants.js';

/**
 * The hostile corpus: each input with the diagnostic codes a user gets for it, through the engine
 * and through `meshgw check --format json`. Small inputs live in test/fixtures/hostile (written by
 * its generate.mjs); big ones are built here at run time. No wall-clock assertions: the work is
 * bounded by asserting sizes (tree nodes, diagnostics), and a hang would hit the test timeout.
 */

const FIXTURES = join(ROOT, 'test', 'fixtures', 'hostile');

interface HostileCase {
  name: string;
  what: string;
  bytes: () => Buffer;
  /** The distinct codes the file gives, sorted; `exact: false` lets other rules add more. */
  codes: string[];
  exact?: boolean;
  /** Further checks on the engine's result for this file. */
  check?: (result: WorkspaceResult, text: string) => void;
}

const fixture = (name: string) => () => readFileSync(join(FIXTURES, name));

/** Built once, on first use: the 50 MB input costs a moment to make. */
function lazy(make: () => string): () => Buffer {
  let bytes: Buffer | null = null;
  return () => (bytes ??= Buffer.from(make()));
}

const EDGE = readFileSync(join(EXAMPLES, 'edge-gateway', 'gateway.yaml'), 'utf8');

const one = (r: WorkspaceResult) => [...r.diagnosticsByFile.values()].flat();
const spanText = (r: WorkspaceResult, text: string, code: string) => one(r).filter((d) => d.code === code).map((d) => text.slice(d.span.start, d.span.end));
const skipped = (r: WorkspaceResult) => {
  expect(one(r)).toHaveLength(1);
  expect(r.files[0].parsed.documents).toEqual([]);
};

const CASES: HostileCase[] = [
  { name: 'crlf.yaml', what: 'CRLF line endings', bytes: fixture('crlf.yaml'), codes: [] },
  { name: 'mixed-line-endings.yaml', what: 'LF, CRLF and lone CR mixed', bytes: fixture('mixed-line-endings.yaml'), codes: [], check: (r) => expect(r.gateways.map((g) => g.listeners.length)).toEqual([1]) },
  { name: 'bom.yaml', what: 'a UTF-8 byte order mark', bytes: fixture('bom.yaml'), codes: [], check: (r) => expect(r.gateways.map((g) => g.name)).toEqual(['edge']) },
  { name: 'tab-indentation.yaml', what: 'a tab as indentation', bytes: fixture('tab-indentation.yaml'), codes: ['yaml-tab'], check: (r, t) => expect(spanText(r, t, 'yaml-tab')).toEqual(['\t']) },
  { name: 'tab-separators.yaml', what: 'tabs where YAML allows them', bytes: fixture('tab-separators.yaml'), codes: [] },
  {
    name: 'huge-numbers.yaml', what: 'port: 1e400 and port: 99999999999999999999', bytes: fixture('huge-numbers.yaml'), codes: ['not-a-number'], exact: false,
    check: (r, t) => expect(spanText(r, t, 'not-a-number')).toEqual(['1e400', '99999999999999999999']),
  },
  { name: 'duplicate-keys.yaml', what: 'a key written twice', bytes: fixture('duplicate-keys.yaml'), codes: ['yaml-duplicate-key'], check: (r, t) => expect(spanText(r, t, 'yaml-duplicate-key')).toEqual(['name']) },
  { name: 'scalar-document.yaml', what: 'a document that is a scalar', bytes: fixture('scalar-document.yaml'), codes: [], check: (r) => expect(r.files[0].parsed.documents.map((d) => d.root?.kind)).toEqual(['scalar']) },
  { name: 'list-document.yaml', what: 'a document that is a list of resources', bytes: fixture('list-document.yaml'), codes: [], check: (r) => expect([r.files[0].parsed.documents[0].root?.kind, r.files[0].resources.length]).toEqual(['seq', 0]) },
  { name: 'empty-documents.yaml', what: 'only document markers and a comment', bytes: fixture('empty-documents.yaml'), codes: [] },
  { name: 'unterminated-quote.yaml', what: 'a quote never closed', bytes: fixture('unterminated-quote.yaml'), codes: ['yaml-syntax'] },
  {
    name: 'alias-bomb.yaml', what: 'billion laughs: 9^9 strings through aliases', bytes: fixture('alias-bomb.yaml'), codes: ['yaml-alias-limit'],
    check: (r) => {
      expect(nodeCount(r)).toBeLessThanOrEqual(DEFAULT_PARSE_LIMITS.maxAliasNodes + 200);
      expect(JSON.stringify(r.files[0].parsed.documents).length).toBeLessThan(4_000_000);
    },
  },
  { name: 'binary-nul.yaml', what: 'random bytes with NULs', bytes: fixture('binary-nul.yaml'), codes: ['not-text'], check: skipped },
  { name: 'png-header.yaml', what: 'a PNG image named .yaml', bytes: fixture('png-header.yaml'), codes: ['not-text'], check: skipped },
  { name: 'invalid-utf8.yaml', what: 'a value of bytes that are not UTF-8 (no NULs)', bytes: fixture('invalid-utf8.yaml'), codes: ['not-text'], check: skipped },
  { name: 'utf16le.yaml', what: 'UTF-16 with a BOM (a PowerShell redirect)', bytes: fixture('utf16le.yaml'), codes: ['not-text'], check: skipped },
  { name: 'nul-byte.yaml', what: 'one NUL byte in a comment', bytes: fixture('nul-byte.yaml'), codes: ['not-text'], check: skipped },
  { name: 'latin1-comment.yaml', what: 'three Latin-1 bytes in a comment', bytes: fixture('latin1-comment.yaml'), codes: [], check: (r) => expect(r.gateways).toHaveLength(1) },
  {
    name: 'deep-flow.yaml', what: '10,000 nested flow lists', bytes: lazy(() => '['.repeat(10_000) + ']'.repeat(10_000) + '\n'), codes: ['yaml-too-deep'],
    check: (r) => { skipped(r); expect(nodeCount(r)).toBe(0); },
  },
  { name: 'deep-flow-maps.yaml', what: '10,000 nested flow maps', bytes: lazy(() => 'a: ' + '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000) + '\n'), codes: ['yaml-too-deep'], check: skipped },
  { name: 'deep-dashes.yaml', what: '10,000 nested lists on one line (- - - ...)', bytes: lazy(() => '- '.repeat(10_000) + 'x\n'), codes: ['yaml-too-deep'], check: skipped },
  { name: 'deep-block.yaml', what: '1,000 levels of indented maps', bytes: lazy(() => Array.from({ length: 1000 }, (_, i) => ' '.repeat(i) + 'a:\n').join('')), codes: ['yaml-too-deep'], check: skipped },
  {
    name: 'deep-behind-quote.yaml', what: '20,000 nested lists after a plain scalar with a quote', bytes: lazy(() => 'a: [b "x, ' + '['.repeat(20_000) + ']'.repeat(20_000) + ']\n'), codes: ['yaml-too-deep'],
    check: skipped,
  },
  {
    name: 'error-flood.yaml', what: '5,000 errors in one line (- a: - a: ...)', bytes: lazy(() => Array.from({ length: 5_000 }, () => '- a:').join(' ') + ' 1\n'), codes: ['yaml-duplicate-key', 'yaml-syntax'],
    check: (r) => {
      const list = one(r);
      expect(list.length).toBeLessThanOrEqual(101);
      expect(list[list.length - 1].message).toMatch(/^\d+ more YAML problems in this document are not listed/);
    },
  },
  {
    name: 'huge-file.yaml', what: 'a 50 MB file', bytes: lazy(() => (EDGE + '---\n').repeat(Math.ceil((50 * 1024 * 1024) / (EDGE.length + 4)))), codes: ['file-too-large'],
    check: (r, t) => {
      skipped(r);
      expect(t.length).toBeGreaterThan(50 * 1024 * 1024);
    },
  },
  {
    name: 'long-line-json.yaml', what: 'a gateway as JSON on one 1 MB line (4,000 long tags)',
    bytes: lazy(() => JSON.stringify({
      type: 'MeshGateway', mesh: 'default', name: 'big', selectors: [{ match: { 'kuma.io/service': 'big' } }],
      tags: Object.fromEntries(Array.from({ length: 4_000 }, (_, i) => [`tag-${i}`, `value-${'x'.repeat(240)}-${i}`])),
      conf: { listeners: [{ port: 8080, protocol: 'HTTP', hostname: 'big.example.com' }] },
    }) + '\n'),
    codes: [],
    check: (r, t) => {
      expect(t.indexOf('\n')).toBeGreaterThan(1024 * 1024);
      expect(r.gateways.map((g) => g.listeners[0].finalTags.length)).toEqual([4_001]);
    },
  },
  {
    name: 'long-line-secret.yaml', what: 'a Secret with 1 MB of base64 on one line',
    bytes: lazy(() => `type: Secret\nmesh: default\nname: big\ndata: ${Buffer.alloc(768 * 1024, 'meshgw').toString('base64')}\n`), codes: ['certificate-not-pem'],
  },
  {
    name: 'wide-map.yaml', what: 'one map of 20,000 keys', bytes: lazy(() => Array.from({ length: 20_000 }, (_, i) => `key-${i}: ${i}`).join('\n') + '\n'), codes: [],
    check: (r) => expect(nodeCount(r)).toBe(1 + 20_000 * 3),
  },
  {
    name: 'many-duplicates.yaml', what: 'one key written 5,000 times', bytes: lazy(() => 'a: 1\n'.repeat(5_000)), codes: ['yaml-duplicate-key', 'yaml-syntax'],
    check: (r) => {
      const list = one(r);
      expect(list).toHaveLength(101);
      expect(list[100].message).toBe('4899 more YAML problems in this document are not listed; fix the ones above first.');
    },
  },
  {
    name: 'many-documents.yaml', what: '5,000 tiny documents', bytes: lazy(() => 'a: 1\n---\n'.repeat(5_000)), codes: [],
    check: (r) => expect(r.files[0].parsed.documents).toHaveLength(5_001),
  },
];

/** How the engine gets text here: as the CLI reads it, but keeping a byte order mark. */
function engineText(bytes: Buffer): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

const distinct = (codes: string[]) => [...new Set(codes)].sort();

function codesMatch(c: HostileCase, codes: string[]): boolean {
  const got = distinct(codes);
  return c.exact === false ? c.codes.every((code) => got.includes(code)) : JSON.stringify(got) === JSON.stringify(c.codes);
}

describe('hostile input through the engine', () => {
  it.each(CASES)('$name ($what)', (c) => {
    const text = engineText(c.bytes());
    const { result, violations, same } = analyzeTwice([{ file: c.name, text }]);
    expect(distinct(one(result).map((d) => d.code))).toEqual(c.exact === false ? expect.arrayContaining(c.codes) : c.codes);
    expect(violations).toEqual([]);
    expect(same).toBe(true);
    // The work stays linear: no more tree nodes than characters, plus the alias budget.
    expect(nodeCount(result)).toBeLessThanOrEqual(text.length + DEFAULT_PARSE_LIMITS.maxAliasNodes);
    expect(one(result).length).toBeLessThanOrEqual(101);
    c.check?.(result, text);
  });

  it.each([
    ['an explicit key at the end', '? a'],
    ['a key cut off at the end of a map', 'a: 1\nfo'],
    ['a quoted key cut off in a flow map', '{\n "'],
  ])('keeps the missing value of %s inside the text', (_what, text) => {
    const { violations } = analyzeTwice([{ file: 'cut.yaml', text }]);
    expect(violations).toEqual([]);
  });

  it('reads a BOM, lone surrogates and astral characters without a word', () => {
    // U+2028 is no line break in YAML, so the `---` after it does not start a document.
    const text = '\ufeff# \ud800 lone, \udfff lone, 🎉 astral\nkind: Note\ntext: "x\u2028--- y \udc00"\n';
    const { result, violations } = analyzeTwice([{ file: 'odd.yaml', text }]);
    expect(one(result)).toEqual([]);
    expect(violations).toEqual([]);
    expect(result.files[0].parsed.documents).toHaveLength(1);
  });
});

/** At most `size` calls of `run` at a time: each `meshgw` process wants a core to itself. */
function pool(size: number): <T>(run: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (run) => {
    if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await run();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

describe('hostile input through meshgw check --format json', () => {
  const slot = pool(2);
  let dir: string;
  const pathOf = new Map<string, string>();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'meshgw-hostile-'));
    for (const c of CASES) {
      const path = join(dir, c.name);
      writeFileSync(path, c.bytes());
      pathOf.set(c.name, path);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  interface CheckJson {
    files: { file: string; diagnostics: { code: string; severity: string; message: string }[] }[];
    summary: { errors: number; warnings: number; infos: number };
  }

  async function check(paths: string[]): Promise<{ code: number | null; stderr: string; out: CheckJson }> {
    const r = await slot(() => runCliAsync(['check', '--format', 'json', '--allow-empty', ...paths]));
    return { code: r.code, stderr: r.stderr, out: JSON.parse(r.stdout) as CheckJson };
  }

  // One process for the whole corpus: each process pays for Node's start, so the per-file
  // runs below are kept to the cases that show each kind of outcome.
  it('checks the whole corpus in one run: exit 0 or 1, no stack trace, every file with its codes', { timeout: 60_000 }, async () => {
    const { code, stderr, out } = await check([dir]);
    expect(stderr).toBe('');
    expect(code).toBe(out.summary.errors > 0 ? 1 : 0);
    const byFile = new Map(out.files.map((f) => [f.file, f.diagnostics.map((d) => d.code)]));
    expect([...byFile.keys()].sort()).toEqual([...pathOf.values()].sort());
    // The corpus holds several copies of one gateway, which together are duplicates (#11): a
    // finding about the run, not about each file.
    const wrong = CASES.map((c) => ({ name: c.name, want: c.codes, got: distinct((byFile.get(pathOf.get(c.name)!) ?? []).filter((code) => code !== 'duplicate-resource')) }))
      .filter(({ name, got }) => !codesMatch(CASES.find((c) => c.name === name)!, got));
    expect(wrong).toEqual([]);
  });

  it.concurrent.for([
    ['crlf.yaml', 0],
    ['png-header.yaml', 0],
    ['huge-file.yaml', 0],
    ['tab-indentation.yaml', 1],
    ['alias-bomb.yaml', 1],
    ['deep-behind-quote.yaml', 1],
  ] as const)('%s alone: exit %i, JSON with only its expected codes', { timeout: 60_000 }, async ([name, exit], { expect }) => {
    const { code, stderr, out } = await check([pathOf.get(name)!]);
    expect(stderr).toBe('');
    expect(code).toBe(exit);
    expect(out.files.map((f) => f.file)).toEqual([pathOf.get(name)]);
    expect(distinct(out.files[0].diagnostics.map((d) => d.code))).toEqual(CASES.find((c) => c.name === name)!.codes);
    if (name === 'huge-file.yaml') expect(out.files[0].diagnostics).toHaveLength(1);
  });
});
