import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, positionOf, REPO, startClient, uriOf, type LspClient } from './support/lsp-client.js';

interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  codeDescription?: { href: string };
  source: string;
  message: string;
}

interface Published {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}

const NOW = '2026-12-20T00:00:00Z';
const BROKEN = resolve(EXAMPLES, 'broken');

function published(client: LspClient, path: string, match: (p: Published) => boolean = () => true, after = 0): Promise<Published> {
  const uri = uriOf(path);
  return client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && match(p), { after }).then((n) => n.params);
}

describe('diagnostics of the examples folder', () => {
  let client: LspClient;

  beforeAll(async () => {
    client = startClient({ env: { MESHGW_NOW: NOW } });
    await client.initialize({ folders: [EXAMPLES] });
  });

  afterAll(async () => {
    await client.close();
  });

  it('pushes Kuma\'s own errors for every broken file, word for word, with source kuma', async () => {
    const files = readdirSync(BROKEN).filter((f) => f.endsWith('.yaml'));
    let checked = 0;
    for (const f of files) {
      const text = readFileSync(join(BROKEN, f), 'utf8');
      const expected = [...text.matchAll(/^# expect: (.*)$/gm)].map((m) => m[1]).sort();
      if (expected.length === 0) continue;
      const p = await published(client, join(BROKEN, f));
      const kuma = p.diagnostics.filter((d) => d.source === 'kuma');
      expect({ file: f, messages: kuma.map((d) => d.message).sort() }).toEqual({ file: f, messages: expected });
      expect(kuma.every((d) => d.severity === 1)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('puts a Kuma error on the exact node and links its code to the docs', async () => {
    const path = join(BROKEN, 'gateway-listener-tag-service.yaml');
    const text = readFileSync(path, 'utf8');
    const p = await published(client, path);
    const d = p.diagnostics.find((x) => x.source === 'kuma')!;
    expect(d).toEqual({
      range: { start: positionOf(text, 'kuma.io/service: example'), end: positionOf(text, 'kuma.io/service: example', 'kuma.io/service'.length) },
      severity: 1,
      code: 'gateway-listener-tags',
      codeDescription: { href: `${uriOf(resolve(REPO, 'docs/diagnostics.md'))}#gateway-listener-tags` },
      source: 'kuma',
      message: 'conf.listeners[0].tags["kuma.io/service"]: tag name must not be "kuma.io/service"',
    });
  });

  it('reports meshgw\'s own analysis with source meshgw', async () => {
    const path = join(BROKEN, 'typo-hostnmae.yaml');
    const text = readFileSync(path, 'utf8');
    const p = await published(client, path);
    const typo = p.diagnostics.find((d) => d.code === 'unknown-field')!;
    expect(typo.source).toBe('meshgw');
    expect(typo.severity).toBe(2);
    expect(typo.range).toEqual({ start: positionOf(text, 'hostnmae:'), end: positionOf(text, 'hostnmae:', 8) });
    const expiring = await published(client, join(BROKEN, 'certificate-expiring-soon.yaml'));
    expect(expiring.diagnostics.map((d) => [d.code, d.source, d.message])).toContainEqual([
      'certificate-expiring',
      'meshgw',
      'The certificate "promo.example.com" expires on 2027-01-10, in 21 days.',
    ]);
  });

  it('answers pull requests with the same diagnostics', async () => {
    const path = join(BROKEN, 'gateway-https-without-tls.yaml');
    const pushed = await published(client, path);
    const pulled = await client.request<{ kind: string; items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(path) } });
    expect(pulled.kind).toBe('full');
    expect(pulled.items).toEqual(pushed.diagnostics);
    expect(pulled.items.length).toBeGreaterThan(0);
  });

  it('reports nothing for YAML that holds no Kuma resource', async () => {
    const uri = client.open(join(EXAMPLES, 'not-kuma.yaml'), 'apiVersion: v1\nkind: ConfigMap\ndata: {a: [1, 2\n', 1);
    const p = await client.waitFor<Published>('textDocument/publishDiagnostics', (x) => x.uri === uri);
    expect(p.params.diagnostics).toEqual([]);
    const pulled = await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(pulled.items).toEqual([]);
    client.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('offers the engine\'s fixes as quick fixes', async () => {
    const path = join(BROKEN, 'typo-hostnmae.yaml');
    const text = readFileSync(path, 'utf8');
    const uri = client.open(path);
    const p = await published(client, path, (x) => x.version === 1);
    const typo = p.diagnostics.find((d) => d.code === 'unknown-field')!;
    const actions = await client.request<{ title: string; kind: string; isPreferred?: boolean; diagnostics: LspDiagnostic[]; edit: { changes: Record<string, unknown> } }[]>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } },
    );
    expect(actions).toEqual([
      {
        title: 'Rename to "hostname"',
        kind: 'quickfix',
        isPreferred: true,
        diagnostics: [typo],
        edit: { changes: { [uri]: [{ range: { start: positionOf(text, 'hostnmae:'), end: positionOf(text, 'hostnmae:', 8) }, newText: 'hostname' }] } },
      },
    ]);
    const lower = join(BROKEN, 'enum-lowercase-protocol.yaml');
    const lowerText = readFileSync(lower, 'utf8');
    const lowerUri = client.open(lower);
    const lp = await published(client, lower, (x) => x.version === 1);
    const enumCase = lp.diagnostics.find((d) => d.code === 'enum-case')!;
    const fixes = await client.request<{ title: string; edit: { changes: Record<string, { newText: string; range: unknown }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri: lowerUri },
      range: enumCase.range,
      context: { diagnostics: [enumCase] },
    });
    expect(fixes.map((f) => f.edit.changes[lowerUri])).toEqual([
      [{ range: { start: positionOf(lowerText, 'http\n'), end: positionOf(lowerText, 'http\n', 4) }, newText: 'HTTP' }],
    ]);
    client.notify('textDocument/didClose', { textDocument: { uri } });
    client.notify('textDocument/didClose', { textDocument: { uri: lowerUri } });
  });
});

describe('diagnostics across files', () => {
  let dir: string;
  let client: LspClient;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'meshgw-lsp-'));
    cpSync(resolve(EXAMPLES, 'edge-gateway'), dir, { recursive: true });
  });

  afterEach(async () => {
    await client?.close();
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('re-diagnoses a closed gateway when an open Secret changes', async () => {
    client = startClient({ env: { MESHGW_NOW: NOW } });
    await client.initialize({ folders: [dir] });
    const secrets = join(dir, 'secrets.yaml');
    const gateway = join(dir, 'gateway.yaml');
    const text = readFileSync(secrets, 'utf8');
    const uri = client.open(secrets, text, 1);
    await published(client, secrets, (p) => p.version === 1);
    const mark = client.notifications.length;
    client.change(uri, text.replace('name: secure-example-com-rsa', 'name: secure-example-com-rsa-old'), 2);
    const broken = await published(client, gateway, (p) => p.diagnostics.some((d) => d.code === 'certificate-secret-not-found'), mark);
    expect(broken.diagnostics.find((d) => d.code === 'certificate-secret-not-found')?.message).toMatch(/^Secret "secure-example-com-rsa" of mesh "default" is not in the workspace\./);
    const mark2 = client.notifications.length;
    client.change(uri, text, 3);
    const fixed = await published(client, gateway, () => true, mark2);
    expect(fixed.diagnostics).toEqual([]);
  });

  it('pushes a closed file again when the other file its diagnostic points into moves that place', async () => {
    const own = mkdtempSync(join(tmpdir(), 'meshgw-lsp-'));
    const gateway = (name: string) => `type: MeshGateway\nmesh: default\nname: ${name}\nselectors:\n  - match:\n      kuma.io/service: edge\nconf:\n  listeners:\n    - port: 80\n      protocol: HTTP\n`;
    const a = join(own, 'a.yaml');
    const b = join(own, 'b.yaml');
    writeFileSync(a, gateway('twice'));
    writeFileSync(b, gateway('twice'));
    try {
      client = startClient({ env: { MESHGW_NOW: NOW } });
      await client.initialize({ folders: [own] });
      const first = await published(client, a, (p) => p.diagnostics.some((d) => d.code === 'duplicate-resource'));
      const related = (p: Published) => (p.diagnostics.find((d) => d.code === 'duplicate-resource') as { relatedInformation?: { location: { uri: string; range: { start: { line: number } } } }[] }).relatedInformation;
      expect(related(first)).toEqual([{ location: { uri: uriOf(b), range: expect.objectContaining({ start: { line: 2, character: 6 } }) }, message: expect.any(String) }]);
      const mark = client.notifications.length;
      const uri = client.open(b, gateway('twice'), 1);
      client.change(uri, `# one\n# two\n# three\n${gateway('twice')}`, 2);
      const moved = await published(client, a, (p) => related(p)?.[0]?.location.range.start.line === 5, mark);
      expect(moved.diagnostics.filter((d) => d.code === 'duplicate-resource')).toHaveLength(1);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('follows files changed on disk', async () => {
    client = startClient({ env: { MESHGW_NOW: NOW } });
    await client.initialize({ folders: [dir] });
    const gateway = join(dir, 'gateway.yaml');
    // The server watches YAML files when the client can register watchers.
    await expect.poll(() => client.serverRequests.map((r) => r.method)).toContain('client/registerCapability');
    expect(client.serverRequests.find((r) => r.method === 'client/registerCapability')?.params).toEqual({
      registrations: [{ id: expect.any(String), method: 'workspace/didChangeWatchedFiles', registerOptions: { watchers: [{ globPattern: '**/*.{yaml,yml}' }] } }],
    });
    const secrets = join(dir, 'secrets.yaml');
    const original = readFileSync(secrets, 'utf8');
    await client.request('textDocument/diagnostic', { textDocument: { uri: uriOf(gateway) } });
    const mark = client.notifications.length;
    writeFileSync(secrets, original.replace('name: secure-example-com-ecdsa', 'name: renamed'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(secrets), type: 2 }] });
    const p = await published(client, gateway, (x) => x.diagnostics.some((d) => d.code === 'certificate-secret-not-found'), mark);
    expect(p.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/^Secret "secure-example-com-ecdsa"/));
    const mark2 = client.notifications.length;
    rmSync(secrets);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(secrets), type: 3 }] });
    const gone = await published(client, gateway, (x) => x.diagnostics.filter((d) => d.code === 'certificate-secret-not-found').length === 2, mark2);
    expect(gone.diagnostics.length).toBe(2);
    writeFileSync(secrets, original);
    const mark3 = client.notifications.length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(secrets), type: 1 }] });
    expect((await published(client, gateway, () => true, mark3)).diagnostics).toEqual([]);
  });

  it('lets a pull client pull, and asks it to refresh when another file changes', async () => {
    client = startClient({ env: { MESHGW_NOW: NOW } });
    await client.initialize({
      folders: [dir],
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true, diagnostics: { refreshSupport: true } } },
    });
    const secrets = join(dir, 'secrets.yaml');
    const gateway = join(dir, 'gateway.yaml');
    const text = readFileSync(secrets, 'utf8');
    const uri = client.open(secrets, text, 1);
    client.open(gateway);
    const before = await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(gateway) } });
    expect(before.items).toEqual([]);
    const requests = client.serverRequests.length;
    client.change(uri, text.replace('name: secure-example-com-rsa', 'name: x'), 2);
    await expect.poll(() => client.serverRequests.slice(requests).map((r) => r.method)).toContain('workspace/diagnostic/refresh');
    const after = await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(gateway) } });
    expect(after.items.map((d) => d.code)).toEqual(['certificate-secret-not-found']);
    const workspace = await client.request<{ items: { uri: string; items: LspDiagnostic[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    expect(workspace.items.find((i) => i.uri === uriOf(gateway))?.items.map((d) => d.code)).toEqual(['certificate-secret-not-found']);
    expect(client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics')).toEqual([]);
  });
});

describe('settings', () => {
  let client: LspClient;

  afterEach(async () => {
    await client?.close();
  });

  it('takes settings from initializationOptions when the client has no configuration', async () => {
    client = startClient({ env: { MESHGW_NOW: NOW } });
    await client.initialize({
      folders: [BROKEN],
      capabilities: { workspace: { configuration: false } },
      initializationOptions: { meshgw: { severity: { 'unknown-field': 'hint' } } },
    });
    const typo = await published(client, join(BROKEN, 'typo-hostnmae.yaml'));
    expect(typo.diagnostics.find((d) => d.code === 'unknown-field')?.severity).toBe(4);
    expect(client.serverRequests.map((r) => r.method)).not.toContain('workspace/configuration');
  });

  it('reads certificate warning days, unknown fields and severity overrides from workspace/configuration', async () => {
    client = startClient({ env: { MESHGW_NOW: NOW }, settings: { severity: { 'unknown-field': 'error', 'certificate-expiring': 'off' } } });
    await client.initialize({ folders: [BROKEN] });
    const typo = await published(client, join(BROKEN, 'typo-hostnmae.yaml'));
    expect(typo.diagnostics.find((d) => d.code === 'unknown-field')?.severity).toBe(1);
    const expiring = join(BROKEN, 'certificate-expiring-soon.yaml');
    const pulled = await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(expiring) } });
    expect(pulled.items.map((d) => d.code)).not.toContain('certificate-expiring');

    const mark = client.notifications.length;
    client.setSettings({ reportUnknownFields: false, certificateWarningDays: 60 });
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const quiet = await published(client, join(BROKEN, 'typo-hostnmae.yaml'), () => true, mark);
    expect(quiet.diagnostics).toEqual([]);
    const warned = await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(expiring) } });
    expect(warned.items.map((d) => d.code)).toContain('certificate-expiring');

    client.setSettings({ certificateWarningDays: 10 });
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await expect
      .poll(async () => (await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(expiring) } })).items.map((d) => d.code))
      .not.toContain('certificate-expiring');
  });
});
