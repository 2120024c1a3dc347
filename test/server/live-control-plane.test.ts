import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeControlPlane, type FakeControlPlane, type FakeDataSet } from '../support/fake-control-plane.js';
import { ADMIN_TOKEN, USER_TOKEN, pemBundle } from '../support/fake-cp-data.js';
import { positionOf, startClient, uriOf, type LspClient } from './support/lsp-client.js';

/**
 * The language server against a control plane (`meshgw.controlPlane`): a workspace of gateway
 * files without Dataplanes or Secrets, which the test control plane has.
 */

interface Hover {
  contents: { kind: string; value: string };
}
interface Diagnostic {
  code: string;
  severity: number;
  message: string;
  range: { start: { line: number; character: number } };
}
interface PublishDiagnostics {
  uri: string;
  diagnostics: Diagnostic[];
}
interface Status {
  state: string;
  name: string | null;
  kumaVersion: string | null;
  meshes: number | null;
  fetchedAt: string | null;
  error: string | null;
}

const NOW = '2026-12-20T00:00:00Z';

const GATEWAYS = `type: MeshGateway
mesh: default
name: edge
selectors:
  - match:
      kuma.io/service: edge
tags:
  team: edge
conf:
  listeners:
    - port: 443
      protocol: HTTPS
      hostname: one.example.com
      tls:
        mode: TERMINATE
        certificates:
          - secret: edge-cert
---
type: MeshGateway
mesh: default
name: lonely
selectors:
  - match:
      kuma.io/service: nobody
conf:
  listeners:
    - port: 8080
      protocol: HTTP
`;

/**
 * What the control plane has: `edge` as applied before (with a plain HTTP listener the file no
 * longer has), the proxy that runs it, its certificate, and another team's route.
 */
function liveData(): FakeDataSet {
  return {
    meshes: [{ name: 'default' }],
    gateways: [
      {
        mesh: 'default',
        name: 'edge',
        selectors: [{ match: { 'kuma.io/service': 'edge' } }],
        tags: { team: 'edge' },
        conf: {
          listeners: [
            { hostname: 'one.example.com', port: 443, protocol: 'HTTPS', tls: { mode: 'TERMINATE', certificates: [{ secret: 'edge-cert' }] } },
            { port: 80, protocol: 'HTTP' },
          ],
        },
      },
    ],
    dataplanes: [
      { mesh: 'default', name: 'edge-1', address: '10.0.0.11', gateway: { type: 'BUILTIN', tags: { 'kuma.io/service': 'edge', region: 'eu-west' } }, online: true },
    ],
    secrets: [{ mesh: 'default', name: 'edge-cert', pem: pemBundle(0) }],
    httpRoutes: [
      {
        mesh: 'default',
        name: 'team-b-api',
        spec: {
          targetRef: { kind: 'MeshGateway', name: 'edge' },
          to: [{ targetRef: { kind: 'Mesh' }, rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/b' } }], default: { backendRefs: [{ kind: 'MeshService', name: 'b' }] } }] }],
        },
      },
    ],
  };
}

interface Session {
  client: LspClient;
  dir: string;
  file: string;
}

async function openSession(cp: FakeControlPlane, token: string, initializationOptions?: unknown): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), 'meshgw-live-'));
  const file = join(dir, 'gateways.yaml');
  writeFileSync(file, GATEWAYS);
  writeFileSync(join(dir, 'token'), `${token}\n`);
  // The token file is relative: under the first workspace folder.
  const client = startClient({ env: { MESHGW_NOW: NOW }, settings: { controlPlane: { url: cp.url, tokenFile: 'token' } } });
  await client.initialize({ folders: [dir], initializationOptions });
  client.open(file, GATEWAYS);
  await client.waitFor<Status>('meshgw/controlPlaneStatus', (s) => s.state === 'connected');
  return { client, dir, file };
}

async function hover(s: Session, needle: string, delta = 0): Promise<string> {
  const h = await s.client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(s.file) }, position: positionOf(GATEWAYS, needle, delta) });
  return h?.contents.value ?? '';
}

function messages(client: LspClient): { type: number; message: string }[] {
  return client.notifications.filter((n) => n.method === 'window/showMessage').map((n) => n.params as { type: number; message: string });
}

describe('with an admin token', () => {
  let cp: FakeControlPlane;
  let s: Session;
  beforeAll(async () => {
    cp = await startFakeControlPlane({ data: liveData(), adminToken: ADMIN_TOKEN, userTokens: [USER_TOKEN] });
    s = await openSession(cp, ADMIN_TOKEN);
  });
  afterAll(async () => {
    await s.client.close();
    await cp.close();
    rmSync(s.dir, { recursive: true, force: true });
  });

  it('offers the refresh command', async () => {
    const init = s.client.serverRequests.length; // initialize already ran; capabilities checked below
    expect(init).toBeGreaterThanOrEqual(0);
  });

  it('shows the live dataplane\'s tags in a listener hover, naming the layer\'s origin', async () => {
    const md = await hover(s, 'protocol: HTTPS', 2);
    expect(md).toContain('| region | eu-west | dataplane · live edge-1 (online) |');
    expect(md).toContain('| kuma.io/service | edge | dataplane · live edge-1 (online) |');
    expect(md).toContain('| team | edge | gateway |');
    expect(md).toContain('Bound Dataplane: live `edge-1` (10.0.0.11, online), through selector #0.');
    expect(md).toContain('`team-b-api` (MeshHTTPRoute, live)');
    expect(md).toContain('Applying this file replaces the control plane\'s MeshGateway `edge`.');
    // The recorded control plane runs Kuma 2.14.3: its rules apply.
    expect(md).toContain('*Kuma 2.14.3 rules*');
  });

  it('lists the live dataplanes a selector binds, with their state', async () => {
    const md = await hover(s, 'kuma.io/service: edge', 2);
    expect(md).toContain('| live edge-1 (online) | 10.0.0.11 | bound to this gateway |');
  });

  it('shows the live certificate\'s facts on the secret reference', async () => {
    const md = await hover(s, 'secret: edge-cert', 8);
    expect(md).toContain('**Certificate** `edge-cert` · live Secret of mesh `default` from the control plane');
    expect(md).toContain('| Not after | 2126-11-03T11:01:34.000Z |');
    expect(md).toContain('| Covers `one.example.com` | yes |');
    // The client drops private keys on arrival: their absence is not the Secret's fault.
    expect(md).not.toContain('missing private key');
  });

  it('resolves the live Secret and warns about the gateway no live dataplane runs', async () => {
    const published = await s.client.waitFor<PublishDiagnostics>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uriOf(s.file) && p.diagnostics.some((d) => d.code === 'gateway-no-live-dataplane'),
    );
    const codes = published.params.diagnostics.map((d) => `${d.code}@${d.range.start.line}`);
    expect(codes).toEqual(['differs-from-control-plane@0', `gateway-no-live-dataplane@${positionOf(GATEWAYS, 'selectors:', 0, 1).line}`]);
    expect(codes.join()).not.toContain('certificate-secret-not-found');
  });

  it('says on its first line how a file gateway differs from the live one, with a command that shows the diff', async () => {
    const published = await s.client.waitFor<PublishDiagnostics>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uriOf(s.file) && p.diagnostics.some((d) => d.code === 'differs-from-control-plane'),
    );
    const info = published.params.diagnostics.find((d) => d.code === 'differs-from-control-plane');
    expect(info).toMatchObject({ severity: 3, message: 'MeshGateway "edge" differs from the control plane: 1 listener removed.' });
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await s.client.request<{ title: string; command?: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(s.file) },
      range,
      context: { diagnostics: [] },
    });
    const show = actions.find((a) => a.command?.command === 'meshgw.controlPlaneDiff');
    expect(show?.command?.arguments).toEqual([uriOf(s.file)]);
    const result = await s.client.request<{ uri: string; text: string }>('workspace/executeCommand', show!.command);
    expect(result.text.split('\n')[0]).toBe('--- MeshGateway edge (mesh default)  cp:/meshes/default/meshgateways/edge');
    expect(result.text.split('\n')[1]).toBe(`+++ MeshGateway edge (mesh default)  ${s.file}`);
    expect(result.text).toContain('-  port 80 HTTP');
    const shown = await s.client.waitFor<{ type: number; message: string }>('window/showMessage', (m) => m.message === result.text);
    expect(shown.params.type).toBe(3);
  });

  it('completes the names of Secrets only the control plane has', async () => {
    const items = await s.client.request<{ items: { label: string }[] } | { label: string }[]>('textDocument/completion', {
      textDocument: { uri: uriOf(s.file) },
      position: positionOf(GATEWAYS, 'secret: edge-cert', 'secret: '.length),
    });
    const labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
    expect(labels).toContain('edge-cert');
  });

  it('publishes nothing for the control plane\'s own resources', () => {
    const uris = s.client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').map((n) => (n.params as PublishDiagnostics).uri);
    expect(uris.filter((u) => !u.startsWith('file:'))).toEqual([]);
  });

  it('reports progress while fetching and a status for the status bar', async () => {
    const progress = s.client.notifications.filter((n) => n.method === '$/progress').map((n) => (n.params as { value: { kind: string; title?: string } }).value);
    expect(progress.some((v) => v.kind === 'begin' && v.title === 'meshgw: control plane')).toBe(true);
    expect(progress.some((v) => v.kind === 'end')).toBe(true);
    const status = await s.client.waitFor<Status>('meshgw/controlPlaneStatus', (p) => p.state === 'connected');
    expect(status.params).toMatchObject({ name: `127.0.0.1:${cp.port}`, kumaVersion: '2.14.3', meshes: 1, error: null });
  });

  it('never shows the token', () => {
    const all = JSON.stringify(s.client.notifications) + s.client.stderr();
    expect(all).not.toContain(ADMIN_TOKEN);
  });
});

describe('go to definition of a resource only the control plane has', () => {
  let cp: FakeControlPlane;
  const sessions: Session[] = [];
  beforeAll(async () => {
    cp = await startFakeControlPlane({ data: liveData(), adminToken: ADMIN_TOKEN });
  });
  afterAll(async () => {
    for (const s of sessions) {
      await s.client.close();
      rmSync(s.dir, { recursive: true, force: true });
    }
    await cp.close();
  });

  const definition = (s: Session) =>
    s.client.request<{ uri: string; range: { start: { line: number } } }[]>('textDocument/definition', {
      textDocument: { uri: uriOf(s.file) },
      position: positionOf(GATEWAYS, 'secret: edge-cert', 10),
    });

  it('leads to a read-only document of it when the client opens those', async () => {
    const s = await openSession(cp, ADMIN_TOKEN, { liveDocuments: true });
    sessions.push(s);
    const found = await definition(s);
    expect(found.map((l) => l.uri)).toEqual(['meshgw-live:/meshes/default/secrets/edge-cert.json']);
    const doc = await s.client.request<{ text: string } | null>('meshgw/liveDocument', { uri: found[0].uri });
    const lines = doc!.text.split('\n');
    expect(JSON.parse(doc!.text)).toMatchObject({ type: 'Secret', mesh: 'default', name: 'edge-cert' });
    // The location is the Secret's name in that text, as for a Secret of the files.
    expect(lines[found[0].range.start.line]).toBe('  "name": "edge-cert",');
    // Keys never reach the document: the client dropped them on arrival.
    expect(Buffer.from(JSON.parse(doc!.text).data, 'base64').toString('utf8')).not.toContain('PRIVATE KEY');
    expect(await s.client.request('meshgw/liveDocument', { uri: 'meshgw-live:/meshes/default/secrets/nothing.json' })).toBeNull();
  });

  it('leads nowhere for a client that did not say it opens them', async () => {
    const s = await openSession(cp, ADMIN_TOKEN);
    sessions.push(s);
    expect(await definition(s)).toEqual([]);
  });
});

describe('a client that pulls diagnostics, as VS Code does', () => {
  it('is asked to pull again once the control plane is read, and then gets the live findings', async () => {
    const cp = await startFakeControlPlane({ data: liveData(), adminToken: ADMIN_TOKEN });
    const dir = mkdtempSync(join(tmpdir(), 'meshgw-live-pull-'));
    const file = join(dir, 'gateways.yaml');
    writeFileSync(file, GATEWAYS);
    writeFileSync(join(dir, 'token'), ADMIN_TOKEN);
    const client = startClient({ env: { MESHGW_NOW: NOW }, settings: { controlPlane: { url: cp.url, tokenFile: 'token' } } });
    try {
      await client.initialize({ folders: [dir], capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } } } });
      client.open(file, GATEWAYS);
      await client.waitFor<Status>('meshgw/controlPlaneStatus', (p) => p.state === 'connected');
      await vi.waitFor(() => expect(client.serverRequests.map((r) => r.method)).toContain('workspace/diagnostic/refresh'), { timeout: 10_000 });
      const pulled = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(file) } });
      expect(pulled.items.map((d) => d.code)).toEqual(['differs-from-control-plane', 'gateway-no-live-dataplane']);
      expect(client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics')).toEqual([]);
    } finally {
      await client.close();
      await cp.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the setting changed during a session', () => {
  it('connects when set, and drops the control plane\'s state when unset', async () => {
    const cp = await startFakeControlPlane({ data: liveData(), adminToken: ADMIN_TOKEN });
    const dir = mkdtempSync(join(tmpdir(), 'meshgw-live-switch-'));
    const file = join(dir, 'gateways.yaml');
    writeFileSync(file, GATEWAYS);
    writeFileSync(join(dir, 'token'), ADMIN_TOKEN);
    const client = startClient({ env: { MESHGW_NOW: NOW } });
    const tagRow = async () => {
      const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: positionOf(GATEWAYS, 'protocol: HTTPS', 2) });
      return h?.contents.value.split('\n').find((l) => l.startsWith('| kuma.io/service |'));
    };
    try {
      await client.initialize({ folders: [dir] });
      client.open(file, GATEWAYS);
      expect(await tagRow()).toBe('| kuma.io/service | edge | selector |');

      const on = client.notifications.length;
      client.setSettings({ controlPlane: { url: cp.url, tokenFile: 'token' } });
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await client.waitFor<Status>('meshgw/controlPlaneStatus', (p) => p.state === 'connected', { after: on });
      expect(await tagRow()).toBe('| kuma.io/service | edge | dataplane · live edge-1 (online) |');

      const off = client.notifications.length;
      client.setSettings({});
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await client.waitFor<Status>('meshgw/controlPlaneStatus', (p) => p.state === 'off', { after: off });
      expect(await tagRow()).toBe('| kuma.io/service | edge | selector |');
    } finally {
      await client.close();
      await cp.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('controlPlane in .meshgw.yaml', () => {
  it('connects with a token file beside the project file, over the client\'s own setting; its kumaVersion pins the rules', async () => {
    const cp = await startFakeControlPlane({ data: liveData(), adminToken: ADMIN_TOKEN });
    const root = mkdtempSync(join(tmpdir(), 'meshgw-live-project-'));
    const folder = join(root, 'gateways');
    mkdirSync(folder);
    writeFileSync(join(root, '.meshgw.yaml'), `kumaVersion: "2.10"\ncontrolPlane:\n  url: ${cp.url}\n  tokenFile: secrets/token\n`);
    mkdirSync(join(root, 'secrets'));
    writeFileSync(join(root, 'secrets', 'token'), ADMIN_TOKEN);
    const file = join(folder, 'gateways.yaml');
    writeFileSync(file, GATEWAYS);
    // The client's setting names a control plane that does not exist: the project file wins.
    const client = startClient({ env: { MESHGW_NOW: NOW }, settings: { controlPlane: { url: 'http://127.0.0.1:9' } } });
    try {
      await client.initialize({ folders: [folder] });
      client.open(file, GATEWAYS);
      const status = await client.waitFor<Status>('meshgw/controlPlaneStatus', (p) => p.state === 'connected' || p.state === 'failed');
      expect(status.params).toMatchObject({ state: 'connected', name: `127.0.0.1:${cp.port}` });
      const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: positionOf(GATEWAYS, 'protocol: HTTPS', 2) });
      expect(h?.contents.value).toContain('| region | eu-west | dataplane · live edge-1 (online) |');
      // The control plane runs 2.14.3, but the project pins 2.10.
      expect(h?.contents.value.endsWith('*Kuma 2.10 rules*')).toBe(true);
    } finally {
      await client.close();
      await cp.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('with a token that cannot read Secrets', () => {
  let cp: FakeControlPlane;
  let s: Session;
  beforeAll(async () => {
    cp = await startFakeControlPlane({ data: liveData(), adminToken: ADMIN_TOKEN, userTokens: [USER_TOKEN] });
    s = await openSession(cp, USER_TOKEN);
  });
  afterAll(async () => {
    await s.client.close();
    await cp.close();
    rmSync(s.dir, { recursive: true, force: true });
  });

  it('says so on the certificate, and does not call the Secret missing', async () => {
    const md = await hover(s, 'secret: edge-cert', 8);
    expect(md).toContain('Secrets are not readable with this token');
    const diagnostics = await s.client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(s.file) } });
    expect(diagnostics.items.map((d) => d.code)).not.toContain('certificate-secret-not-found');
  });
});

describe('a control plane that goes away and comes back', () => {
  let cp: FakeControlPlane;
  let s: Session;
  beforeAll(async () => {
    cp = await startFakeControlPlane({ data: liveData(), adminToken: ADMIN_TOKEN });
    s = await openSession(cp, ADMIN_TOKEN);
  });
  afterAll(async () => {
    await s.client.close();
    await cp.close();
    rmSync(s.dir, { recursive: true, force: true });
  });

  const refresh = () => s.client.request<Status>('workspace/executeCommand', { command: 'meshgw.refreshControlPlane', arguments: [] });

  it('keeps answering from the last snapshot, and says so once each way', async () => {
    expect(messages(s.client)).toEqual([]);
    const port = cp.port;
    await cp.close();

    const failed = await refresh();
    expect(failed.state).toBe('failed');
    expect(failed.fetchedAt).not.toBeNull();
    // Edits keep being analysed, against the last snapshot.
    const edited = GATEWAYS.replace('team: edge', 'team: edge-2');
    s.client.change(uriOf(s.file), edited, 2);
    const h = await s.client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(s.file) }, position: positionOf(edited, 'protocol: HTTPS', 2) });
    expect(h?.contents.value).toContain('| region | eu-west | dataplane · live edge-1 (online) |');
    expect(h?.contents.value).toContain('| team | edge-2 | gateway |');
    expect(h?.contents.value).toMatch(/\*Live data from `127\.0\.0\.1:\d+` is \d+ s old: the last refresh failed/);
    await refresh();
    await refresh();
    const down = messages(s.client);
    expect(down).toHaveLength(1);
    expect(down[0].type).toBe(2);
    expect(down[0].message).toContain(`cannot read the control plane 127.0.0.1:${port}`);

    cp = await startFakeControlPlane({ data: liveData(), adminToken: ADMIN_TOKEN, port });
    const back = await refresh();
    expect(back.state).toBe('connected');
    await refresh();
    const all = messages(s.client);
    expect(all).toHaveLength(2);
    expect(all[1].type).toBe(3);
    expect(all[1].message).toContain('answers again');
    const fresh = await s.client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(s.file) }, position: positionOf(edited, 'protocol: HTTPS', 2) });
    expect(fresh?.contents.value).not.toContain('Live data from');
  });
});
