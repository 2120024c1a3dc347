/**
 * No private key material and no token in any output. The inputs hold keys everywhere a user
 * can put one (Secrets, inline listener certificates, a mesh CA key); every view of the terminal
 * app is rendered over them, from a control plane and from files, every output format of the CLI
 * is run over them, and the language server is asked about them. Each output must hold neither
 * `PRIVATE KEY` nor any 24-character run of a key's base64 (see `key-material.ts`).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FileInput } from '@meshgw/engine';
import type { DataSource } from '@meshgw/tui';
import { fakeControlPlaneFixtures, startFakeControlPlane, type FakeControlPlane } from '../support/fake-control-plane.js';
import { ADMIN_TOKEN, USER_TOKEN } from '../support/fake-cp-data.js';
import { ROOT } from '../support/run-cli.js';
import { runCliAsync } from '../support/run-cli-async.js';
import { KEY, plain, sleep, waitForFrame } from '../tui/support/ink.js';
import { positionOf, startClient, uriOf } from '../server/support/lsp-client.js';
import { keyMaterial, leaksIn, type KeyMaterial } from './support-faults/key-material.js';
import { faultSource } from './support-faults/live.js';
import { bundle, leakDataSet, leakFiles, leakPems, pemsIn } from './support-faults/secret-inputs.js';

// Colours on, so that the header's red can be checked: chalk reads this once, when Ink is loaded.
const colour = process.env.FORCE_COLOR;
process.env.FORCE_COLOR = '1';
const { cleanup, render } = await import('ink-testing-library');
const { App } = await import('@meshgw/tui');
if (colour === undefined) delete process.env.FORCE_COLOR;
else process.env.FORCE_COLOR = colour;

const NOW = new Date('2026-06-01T00:00:00Z');
const TOKENS = [ADMIN_TOKEN, USER_TOKEN];

let cp: FakeControlPlane;
let folder: string;
let material: KeyMaterial;
/** Every output checked, by name, for the summary test at the end. */
const checked = new Map<string, number>();

beforeAll(async () => {
  cp = await startFakeControlPlane({ data: leakDataSet(), adminToken: ADMIN_TOKEN, userTokens: [USER_TOKEN] });
  folder = mkdtempSync(join(tmpdir(), 'meshgw-leak-'));
  for (const file of leakFiles()) writeFileSync(join(folder, file.name), file.text);
  const examples = readdirSync(join(ROOT, 'examples'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|pem)$/.test(entry.name))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  const files = leakFiles().map((file) => file.text);
  material = keyMaterial([...leakPems(), ...[...files, ...examples].flatMap(pemsIn)]);
});
afterEach(() => cleanup());
afterAll(async () => {
  await cp.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Fails with the name of the output and what leaked; records the output as checked. */
function expectClean(name: string, output: string): void {
  expect(leaksIn(output, material), `${name} shows key material`).toEqual([]);
  for (const token of TOKENS) expect(output.includes(token), `${name} shows a token`).toBe(false);
  checked.set(name, output.length);
}

describe('the detector', () => {
  it('finds keys as PEM, as base64 bodies and as the base64 of Secret data, and not certificates', () => {
    expect(material.keys).toBeGreaterThanOrEqual(15);
    const pem = bundle('wiki-example-com.pem');
    const keys = [...pem.matchAll(/-----BEGIN [A-Z ]*PRIVATE KEY-----\n([\s\S]*?)-----END/g)].map((m) => m[1]);
    expect(keys).toHaveLength(2);
    for (const body of keys) {
      // An RSA key's modulus and an EC key's public point are in the certificate too, and so not
      // counted; the private parts are.
      const lines = body.trim().split('\n');
      expect(lines.filter((line) => leaksIn(`xx ${line} yy`, material).length > 0).length).toBeGreaterThanOrEqual(1);
      expect(leaksIn(JSON.stringify({ body }), material)).not.toEqual([]);
    }
    const data = Buffer.from(`junk\n${pem}`, 'utf8').toString('base64');
    for (const cut of [0, 1, 2, 3]) expect(leaksIn(data.slice(data.length / 2 + cut), material)).not.toEqual([]);
    const certificate = /-----BEGIN CERTIFICATE-----\n([\s\S]*?)-----END CERTIFICATE-----/.exec(pem)![1];
    expect(leaksIn(certificate, material)).toEqual([]);
    expect(leaksIn(Buffer.from(certificate).toString('base64'), material)).toEqual([]);
  });
});

interface Session {
  lastFrame: () => string | undefined;
  frames: string[];
  write: (keys: string) => void;
}

function start(source: DataSource): Session {
  const r = render(<App source={source} refreshMs={60_000} secretsRefreshMs={60_000} now={() => NOW} analysisThread={false} />);
  return { lastFrame: r.lastFrame, frames: r.frames, write: (keys) => r.stdin.write(keys) };
}

/** Sends one key; true when the frame changed within `ms`. */
async function press(s: Session, key: string, ms = 200): Promise<boolean> {
  const before = plain(s.lastFrame());
  s.write(key);
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (plain(s.lastFrame()) !== before) return true;
    await sleep(5);
  }
  return false;
}

/** Pages down until the view stops moving. */
async function toEnd(s: Session): Promise<void> {
  for (let i = 0; i < 100 && (await press(s, KEY.pageDown)); i++);
}

function countOf(frame: string, view: string): number {
  const match = new RegExp(`^${view}  \\[(\\d+)\\]`, 'm').exec(frame);
  return match === null ? 0 : Number(match[1]);
}

/** Opens every row of every list, its YAML, every page of each, and the help. */
async function visitEverything(s: Session): Promise<string[]> {
  const seen: string[] = [];
  const gateways = countOf(await waitForFrame(s.lastFrame, /^gateways  \[\d+\]$/m), 'gateways');
  for (let i = 0; i < gateways; i++) {
    await press(s, KEY.enter);
    const detail = await waitForFrame(s.lastFrame, /^gateways › /m);
    seen.push(detail.split('\n')[1]);
    await toEnd(s);
    await press(s, KEY.escape);
    await press(s, 'y');
    await waitForFrame(s.lastFrame, (f) => /^gateways › yaml /m.test(f) && /name: /.test(f));
    await toEnd(s);
    await press(s, KEY.escape);
    await press(s, 'j');
  }
  s.write(':certs\r');
  const certificates = countOf(await waitForFrame(s.lastFrame, /^certificates  \[\d+\]$/m), 'certificates');
  for (let i = 0; i < certificates; i++) {
    if (await press(s, KEY.enter)) {
      seen.push(plain(s.lastFrame()).split('\n')[1]);
      await toEnd(s);
      await press(s, KEY.escape);
    }
    await press(s, 'j');
  }
  s.write(':meshes\r');
  const meshes = countOf(await waitForFrame(s.lastFrame, /^meshes  \[\d+\]$/m), 'meshes');
  for (let i = 0; i < meshes; i++) {
    await press(s, 'y');
    const yaml = await waitForFrame(s.lastFrame, (f) => /^meshes › yaml /m.test(f) && /name: /.test(f));
    seen.push(yaml.split('\n')[1]);
    await toEnd(s);
    await press(s, KEY.escape);
    await press(s, KEY.enter);
    await press(s, KEY.escape);
    await press(s, 'j');
  }
  await press(s, '?');
  await waitForFrame(s.lastFrame, /admin-only/);
  await toEnd(s);
  await press(s, KEY.escape);
  expect(gateways).toBeGreaterThanOrEqual(2);
  return seen;
}

describe('the terminal app', () => {
  it('shows no key material and no token in any view, from a control plane', async () => {
    const s = start(faultSource(cp.url, { token: ADMIN_TOKEN, timeoutMs: 5_000 }));
    await waitForFrame(s.lastFrame, '> edge');
    const seen = await visitEverything(s);
    expect(seen).toEqual(
      expect.arrayContaining([
        'gateways › default/inline-gw',
        'certificates › yaml default/inline',
        'certificates › yaml default/key-only',
        'certificates › yaml default/key-first',
        'meshes › yaml payments',
      ]),
    );
    const all = s.frames.join('\n');
    expectClean('tui live: every frame', all);
    // The inline certificates and the mesh CA key were on screen as "(hidden)", not as PEM.
    expect(plain(all).includes('(hidden)'), 'the YAML views say (hidden)').toBe(true);
  }, 60_000);

  it('shows no key material in any view, from files', async () => {
    const files: FileInput[] = readdirSync(folder).filter((name) => name.endsWith('.yaml')).map((name) => ({ file: `ws/${name}`, text: readFileSync(join(folder, name), 'utf8') }));
    const s = start({ kind: 'files', paths: ['ws'], load: async () => files });
    await waitForFrame(s.lastFrame, '> edge');
    const seen = await visitEverything(s);
    expect(seen).toEqual(expect.arrayContaining(['gateways › default/inline-gw', 'certificates › yaml default/inline', 'meshes › yaml hand-pasted']));
    const all = s.frames.join('\n');
    expectClean('tui files: every frame', all);
    expect(plain(all).includes('(hidden)'), 'the YAML views say (hidden)').toBe(true);
  }, 60_000);

  it('shows skipped TLS verification in red in the header', async () => {
    const https = await startFakeControlPlane({ data: leakDataSet(), adminToken: ADMIN_TOKEN, https: true });
    try {
      const s = start(faultSource(https.url, { token: ADMIN_TOKEN, insecure: true, timeoutMs: 5_000 }));
      await waitForFrame(s.lastFrame, '> edge');
      const header = s.lastFrame()!.split('\n')[0];
      expect(plain(header)).toMatch(/^meshgw  TLS NOT VERIFIED  Kuma 2\.14\.3/);
      // Red (31) is open where the words are, and not closed before them.
      expect(header).toMatch(/\u001b\[31m(?:\u001b\[\d+m)*  TLS NOT VERIFIED/);
      const verified = start(faultSource(cp.url, { token: ADMIN_TOKEN }));
      await waitForFrame(verified.lastFrame, '> edge');
      expect(verified.lastFrame()!.split('\n')[0]).not.toContain('TLS NOT VERIFIED');
      expect(verified.lastFrame()!.split('\n')[0]).not.toContain('\u001b[31m');
    } finally {
      await https.close();
    }
  });
});

describe('the CLI', () => {
  it.for([
    ['inspect --cp --format json (admin)', ['--token', ADMIN_TOKEN, '--format', 'json']],
    ['inspect --cp --format text (admin)', ['--token', ADMIN_TOKEN, '--format', 'text']],
    ['inspect --cp --format json (user)', ['--token', USER_TOKEN, '--format', 'json']],
  ] as const)('%s', async ([name, flags]) => {
    const r = await runCliAsync(['inspect', '--cp', cp.url, ...flags]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('inline-gw');
    expectClean(`${name}: stdout`, r.stdout);
    expectClean(`${name}: stderr`, r.stderr);
  });

  it.for(['examples', 'leak folder'])('check --format json|sarif|stylish and inspect --format json|text on %s', async (which) => {
    const path = which === 'examples' ? join(ROOT, 'examples') : folder;
    const runs = [
      ['check', '--format', 'json', path],
      ['check', '--format', 'sarif', path],
      ['check', '--format', 'stylish', path],
      ['inspect', '--format', 'json', path],
      ['inspect', '--format', 'text', path],
    ];
    const results = await Promise.all(runs.map((args) => runCliAsync(args)));
    results.forEach((r, i) => {
      expect(r.code, `${runs[i].join(' ')}: ${r.stderr}`).not.toBe(2);
      expect(r.stdout.length).toBeGreaterThan(100);
      expectClean(`${runs[i].slice(0, 3).join(' ')} ${which}: stdout`, r.stdout);
      expectClean(`${runs[i].slice(0, 3).join(' ')} ${which}: stderr`, r.stderr);
    });
  });

  it('connection errors over keys given as TLS files never quote them', async () => {
    const mtls = await startFakeControlPlane({ data: leakDataSet(), adminToken: ADMIN_TOKEN, https: { requireClientCert: true } });
    const keyFile = join(folder, 'some.key');
    writeFileSync(keyFile, /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----\n/.exec(bundle('shop-example-com-rsa.pem'))![0]);
    try {
      const tls = ['--ca-cert', fakeControlPlaneFixtures.caCert];
      const runs = [
        // The key does not belong to the certificate.
        ['--client-cert', fakeControlPlaneFixtures.clientCert, '--client-key', keyFile],
        // A key where the certificate should be.
        ['--client-cert', keyFile, '--client-key', fakeControlPlaneFixtures.clientKey],
        // No client certificate at all.
        [],
        // The right pair: works.
        ['--client-cert', fakeControlPlaneFixtures.clientCert, '--client-key', fakeControlPlaneFixtures.clientKey, '--format', 'json'],
      ];
      const results = await Promise.all(runs.map((extra) => runCliAsync(['inspect', '--cp', mtls.url, '--token', ADMIN_TOKEN, ...tls, ...extra])));
      expect(results.map((r) => r.code)).toEqual([3, 3, 3, 0]);
      expect(results[0].stderr).toMatch(/^meshgw inspect: The TLS handshake with https:\/\/127\.0\.0\.1:\d+ failed: /);
      expect(results[1].stderr).toBe(`meshgw inspect: The client certificate file ${keyFile} holds no PEM client certificate.\n`);
      expect(results[2].stderr).toMatch(/^meshgw inspect: The TLS handshake with https:\/\/127\.0\.0\.1:\d+ failed: /);
      results.forEach((r, i) => {
        expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
        expectClean(`inspect with client TLS #${i}: stderr`, r.stderr);
        expectClean(`inspect with client TLS #${i}: stdout`, r.stdout);
      });
    } finally {
      await mtls.close();
    }
  });
});

describe('error messages over answers that hold keys', () => {
  const pem = bundle('shop-example-com-ecdsa.pem');
  const key = /-----BEGIN EC PRIVATE KEY-----[\s\S]*?-----END EC PRIVATE KEY-----\n/.exec(pem)![0];
  // A server that is not a control plane serves a key file; a proxy quotes a cut Secret list.
  const answers = [
    { name: 'a 200 that is a PEM key', says: '[PEM block]', fault: { kind: 'status', status: 200, body: key + pem, contentType: 'text/plain' } },
    {
      name: 'a 502 quoting Secret data',
      says: '[base64]',
      fault: { kind: 'status', status: 502, body: `upstream said: ${JSON.stringify({ items: [{ name: 'k', data: Buffer.from(key).toString('base64') }] })}`, contentType: 'text/plain' },
    },
  ] as const;
  afterEach(() => cp.clearFaults());

  it.for(answers)('$name: the CLI says so in one sentence without the key', async ({ name, says, fault }) => {
    cp.setFault('/', fault);
    const r = await runCliAsync(['inspect', '--cp', cp.url, '--token', ADMIN_TOKEN]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(says);
    expectClean(`inspect over ${name}: stderr`, r.stderr);
  });

  it.for(answers)('$name: the terminal app says so in its banner without the key', async ({ name, says, fault }) => {
    cp.setFault('/', fault);
    const s = start(faultSource(cp.url, { token: ADMIN_TOKEN, timeoutMs: 5_000 }));
    const frame = await waitForFrame(s.lastFrame, 'Cannot load');
    expect(frame).toContain(says);
    expectClean(`tui over ${name}: every frame`, s.frames.join('\n'));
  });
});

describe('the language server', () => {
  it('hover, diagnostics and symbols over files with keys show none of them', async () => {
    const client = startClient({ env: { MESHGW_NOW: NOW.toISOString() } });
    try {
      await client.initialize({ folders: [folder] });
      const texts = new Map(readdirSync(folder).filter((n) => n.endsWith('.yaml')).map((name) => [join(folder, name), readFileSync(join(folder, name), 'utf8')]));
      for (const [path, text] of texts) client.open(path, text);
      for (const path of texts.keys()) await client.waitFor<{ uri: string }>('textDocument/publishDiagnostics', (p) => p.uri === uriOf(path));
      const answers: unknown[] = [];
      for (const [path, text] of texts) {
        const needles = [...text.matchAll(/^\s*(?:- )?(secret|inlineString|inline|data|name|key|cert|certificates|hostname): /gm)].map((m) => m[0].trim());
        const counts = new Map<string, number>();
        for (const needle of needles) {
          const occurrence = counts.get(needle) ?? 0;
          counts.set(needle, occurrence + 1);
          const position = positionOf(text, needle, needle.length + 1, occurrence);
          answers.push(await client.request('textDocument/hover', { textDocument: { uri: uriOf(path) }, position }));
          answers.push(await client.request('textDocument/completion', { textDocument: { uri: uriOf(path) }, position }));
        }
        answers.push(await client.request('textDocument/documentSymbol', { textDocument: { uri: uriOf(path) } }));
      }
      const hovers = answers.filter((a) => a !== null && typeof a === 'object' && 'contents' in a);
      expect(hovers.length).toBeGreaterThan(10);
      expectClean('lsp: answers', JSON.stringify(answers));
      expectClean('lsp: notifications', JSON.stringify(client.notifications));
      expectClean('lsp: stderr', client.stderr());
    } finally {
      await client.close();
    }
  }, 60_000);
});

describe('coverage', () => {
  it('checked every output', () => {
    expect([...checked.keys()].length).toBeGreaterThanOrEqual(30);
  });
});
