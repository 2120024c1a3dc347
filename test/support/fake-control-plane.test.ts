import * as http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeControlPlane, type FakeControlPlane, type FakeDataSet } from './fake-control-plane.js';
import { readKumaRecording, recordedKumaVersions, type KumaRecording, type RecordedCall } from './kuma-recording.js';

const ADMIN = 'replay-admin-token';
const USER = 'replay-user-token';

/** The Authorization a recorded call was made with, in the test control plane's tokens. */
function tokenFor(auth: string): string | null {
  if (auth.startsWith('none (localhost is admin)') || auth.startsWith('admin user token')) return ADMIN;
  if (auth.startsWith('non-admin user token')) return USER;
  if (auth.startsWith('invalid token')) return 'not-a-valid-token';
  if (auth.startsWith('no token')) return null;
  throw new Error(`unknown auth: ${auth}`);
}

/** GETs `path` as the recorder did: same Accept, same Host (so `next` links compare), same identity. */
function replay(cp: FakeControlPlane, recordedCall: RecordedCall): Promise<{ status: number; contentType: string; body: unknown }> {
  const headers: Record<string, string> = { Host: '127.0.0.1:5681' };
  if (recordedCall.accept !== '(no Accept header)') headers.Accept = recordedCall.accept;
  const token = tokenFor(recordedCall.auth);
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const request = http.get(`${cp.url}${recordedCall.path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const contentType = String(response.headers['content-type'] ?? '');
        resolve({ status: response.statusCode ?? 0, contentType, body: contentType.startsWith('application/json') ? JSON.parse(text) : text });
      });
    });
    request.on('error', reject);
  });
}

describe.each(recordedKumaVersions())('the test control plane as Kuma %s', (version) => {
  let cp: FakeControlPlane;
  beforeAll(async () => {
    cp = await startFakeControlPlane({ version, adminToken: ADMIN, userTokens: [USER] });
  });
  afterAll(async () => {
    await cp.close();
  });

  it('answers every recorded GET with the recorded status, content type and body', async () => {
    for (const recordedCall of readKumaRecording(version).calls) {
      const answer = await replay(cp, recordedCall);
      expect({ label: recordedCall.label, ...answer }).toEqual({
        label: recordedCall.label,
        status: recordedCall.status,
        contentType: recordedCall.contentType,
        body: recordedCall.body,
      });
    }
  });
});

/**
 * The recorder's data set as scripts/record-kuma.mjs PUT it (`data` of the Secrets aside), less
 * what the recorded version refused: fed to the test control plane as a test's own data, it must
 * come out as Kuma answered it.
 */
function recorderDataSet(recording: KumaRecording): FakeDataSet {
  const created = new Set(recording.setup.filter((step) => step.method === 'PUT' && step.status === 201).map((step) => step.path.split('/').pop()));
  const data = recorderPuts();
  return {
    meshes: data.meshes,
    gateways: data.gateways.filter((r) => created.has(r.name)),
    gatewayRoutes: data.gatewayRoutes?.filter((r) => created.has(r.name)),
    httpRoutes: data.httpRoutes?.filter((r) => created.has(r.name)),
    tcpRoutes: data.tcpRoutes?.filter((r) => created.has(r.name)),
    dataplanes: data.dataplanes.filter((r) => created.has(r.name)),
    secrets: data.secrets.filter((r) => created.has(r.name)),
    globalSecrets: data.globalSecrets?.filter((r) => created.has(r.name)),
  };
}

function recorderPuts(): FakeDataSet {
  const builtin = (name: string, address: string, service: string) => ({ mesh: 'default', name, address, gateway: { type: 'BUILTIN' as const, tags: { 'kuma.io/service': service } }, online: false, noInsight: true });
  return {
    meshes: [{ name: 'default' }, { name: 'payments' }, { name: 'other' }],
    gateways: [
      {
        mesh: 'default',
        name: 'edge',
        selectors: [{ match: { 'kuma.io/service': 'edge' } }],
        conf: {
          listeners: [
            { hostname: 'one.example.com', port: 443, protocol: 'HTTPS', tags: { hostname: 'one' }, tls: { mode: 'TERMINATE', certificates: [{ secret: 'edge-cert' }, { secret: 'edge-cert-ecdsa' }] } },
            { port: 80, protocol: 'HTTP' },
          ],
        },
      },
      { mesh: 'default', name: 'internal', selectors: [{ match: { 'kuma.io/service': 'internal' } }], conf: { listeners: [{ port: 8080, protocol: 'TCP' }] } },
      { mesh: 'default', name: 'third', selectors: [{ match: { 'kuma.io/service': 'third' } }], conf: { listeners: [{ port: 9090, protocol: 'HTTP', hostname: '*.example.org' }] } },
    ],
    gatewayRoutes: [
      {
        mesh: 'default',
        name: 'edge-legacy',
        selectors: [{ match: { 'kuma.io/service': 'edge' } }],
        conf: { http: { rules: [{ matches: [{ path: { match: 'PREFIX', value: '/' } }], backends: [{ destination: { 'kuma.io/service': 'web' } }] }] } },
      },
    ],
    httpRoutes: [{ mesh: 'default', name: 'edge-http', spec: {} }],
    tcpRoutes: [{ mesh: 'default', name: 'internal-tcp', spec: {} }],
    dataplanes: [
      builtin('edge-1', '10.0.0.11', 'edge'),
      builtin('edge-2', '10.0.0.12', 'edge'),
      builtin('internal-1', '10.0.1.11', 'internal'),
      { mesh: 'default', name: 'kong-1', address: '10.0.2.11', gateway: { tags: { 'kuma.io/service': 'kong' } }, online: false, noInsight: true },
      { mesh: 'default', name: 'web-1', address: '10.0.3.11', inbound: [{ port: 8080, tags: { 'kuma.io/service': 'web', 'kuma.io/protocol': 'http' } }], online: false, noInsight: true },
    ],
    secrets: ['edge-cert', 'edge-cert-ecdsa', 'plain-text'].map((name) => ({ mesh: 'default', name, pem: 'x' })),
    globalSecrets: [{ name: 'shared-ca', pem: 'x' }],
  };
}

/** An item without what a test's data cannot know: times, Secret `data`, and the spec of the new policy kinds (Kuma fills defaults in). */
function comparable(item: Record<string, unknown>): Record<string, unknown> {
  const { creationTime: _c, modificationTime: _m, data: _d, spec: _s, ...rest } = item;
  return rest;
}

describe.each(recordedKumaVersions())('a test data set on the test control plane as Kuma %s', (version) => {
  it('comes out in the recorded shape: metadata, labels, kri, the tags Kuma adds, key order', async () => {
    const recording = readKumaRecording(version);
    const cp = await startFakeControlPlane({ version, data: recorderDataSet(recording), adminToken: ADMIN });
    try {
      const lists = recording.calls.filter((c) => c.status === 200 && c.auth.startsWith('none') && /size=1000$/.test(c.path) && !c.path.includes('missing'));
      expect(lists.length).toBeGreaterThanOrEqual(8);
      for (const recordedCall of lists) {
        const answer = await replay(cp, recordedCall);
        const ours = (answer.body as { items: Record<string, unknown>[] }).items;
        const names = new Set(ours.map((item) => item.name));
        // The recorded lists also hold what Kuma made itself (signing keys, its CA secrets).
        const theirs = (recordedCall.body as { items: Record<string, unknown>[] }).items.filter((item) => names.has(item.name));
        expect({ label: recordedCall.label, items: ours.map(comparable) }).toEqual({ label: recordedCall.label, items: theirs.map(comparable) });
        expect(ours.map((item) => Object.keys(item))).toEqual(theirs.map((item) => Object.keys(item)));
      }
    } finally {
      await cp.close();
    }
  });
});
