import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createKumaClient, resolveConnection, type ClientError, type ConnectionFlags, type KumaClient, type Result } from '@meshgw/kuma-client';
import { fakeControlPlaneFixtures, startFakeControlPlane, type FakeControlPlane } from '../support/fake-control-plane.js';
import { ADMIN_TOKEN, smallDataSet } from '../support/fake-cp-data.js';

const cleanup: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function start(https: boolean | { requireClientCert?: boolean }): Promise<FakeControlPlane> {
  const cp = await startFakeControlPlane({ data: smallDataSet(), adminToken: ADMIN_TOKEN, https });
  cleanup.push(() => cp.close());
  return cp;
}

/** Resolves flags the way the CLI will (real files), builds a client and reads the index. */
async function connect(flags: ConnectionFlags): Promise<Result<unknown>> {
  const settings = await resolveConnection({ token: ADMIN_TOKEN, ...flags }, { readFile: (path) => readFile(path, 'utf8'), env: {}, homeDir: '/nonexistent' });
  if (!settings.ok) return settings;
  const created = createKumaClient(settings.value, { timeoutMs: 2_000 });
  if (!created.ok) return created;
  const client: KumaClient = created.value;
  cleanup.push(() => client.close());
  return client.listMeshes();
}

function errorOf(result: Result<unknown>): ClientError {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('TLS', () => {
  it('verifies the server against the CA given with --ca-cert', async () => {
    const cp = await start(true);
    const result = await connect({ cp: cp.url, caCertFile: fakeControlPlaneFixtures.caCert });
    expect(result.ok).toBe(true);
  });

  it('fails with a tls error that names both ways out when the CA is unknown', async () => {
    const cp = await start(true);
    const error = errorOf(await connect({ cp: cp.url }));
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(/^The TLS certificate of https:\/\/127\.0\.0\.1:\d+ could not be verified: unable to verify the first certificate \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)\./);
    expect(error.message).toContain('--ca-cert FILE');
    expect(error.message).toContain('--insecure-skip-tls-verify');
    expect(JSON.stringify(error)).not.toContain(ADMIN_TOKEN);
  });

  it('fails when the CA given is not the one that signed the server', async () => {
    const cp = await start(true);
    const error = errorOf(await connect({ cp: cp.url, caCertFile: fakeControlPlaneFixtures.otherCaCert }));
    expect(error.kind).toBe('tls');
  });

  it('skips verification only when asked to', async () => {
    const cp = await start(true);
    expect((await connect({ cp: cp.url, insecureSkipTlsVerify: true })).ok).toBe(true);
  });

  it('checks the host name: the certificate is for 127.0.0.1 and localhost only', async () => {
    const cp = await start(true);
    const viaLocalhost = await connect({ cp: cp.url.replace('127.0.0.1', 'localhost'), caCertFile: fakeControlPlaneFixtures.caCert });
    expect(viaLocalhost.ok).toBe(true);
  });

  it('reports https:// against a plain HTTP port as a TLS handshake failure', async () => {
    const cp = await start(false);
    const error = errorOf(await connect({ cp: cp.url.replace('http:', 'https:') }));
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(/TLS handshake with https:\/\/127\.0\.0\.1:\d+ failed: .*Kuma serves HTTP on 5681 and HTTPS on 5682/);
  });

  it('presents the client certificate when the server requires one', async () => {
    const cp = await start({ requireClientCert: true });
    const withCert = await connect({
      cp: cp.url,
      caCertFile: fakeControlPlaneFixtures.caCert,
      clientCertFile: fakeControlPlaneFixtures.clientCert,
      clientKeyFile: fakeControlPlaneFixtures.clientKey,
    });
    expect(withCert.ok).toBe(true);
    const without = errorOf(await connect({ cp: cp.url, caCertFile: fakeControlPlaneFixtures.caCert }));
    expect(without.kind).toBe('tls');
    expect(without.message).toMatch(/certificate required/);
  });

  it('builds next-page requests on its own base URL even though next says https://host-from-header', async () => {
    const cp = await start(true);
    const settings = await resolveConnection({ cp: cp.url, caCertFile: fakeControlPlaneFixtures.caCert, token: ADMIN_TOKEN }, { readFile: (p) => readFile(p, 'utf8'), env: {}, homeDir: '/' });
    if (!settings.ok) throw new Error(settings.error.message);
    const created = createKumaClient(settings.value, { pageSize: 1 });
    if (!created.ok) throw new Error(created.error.message);
    cleanup.push(() => created.value.close());
    cp.setFault('/meshes', { kind: 'transform', transform: (body) => ({ ...(body as object), next: (body as { next: string | null }).next?.replace(/^https:\/\/[^/]+/, 'http://evil.example:1') ?? null }) });
    const meshes = await created.value.listMeshes();
    expect(meshes.ok && meshes.value.map((mesh) => (mesh as { name: string }).name)).toEqual(['default', 'payments']);
    expect(cp.requests.map((request) => request.query.offset ?? '')).toEqual(['', '1']);
  });
});
