import { afterEach, describe, expect, it } from 'vitest';
import { createKumaClient, loadControlPlaneSnapshot, type KumaClient, type KumaClientOptions, type PartialSnapshot } from '@meshgw/kuma-client';
import { makeLargeDataSet, startFakeControlPlane, type FakeControlPlane, type FakeControlPlaneOptions } from '../support/fake-control-plane.js';
import { ADMIN_TOKEN, USER_TOKEN, smallDataSet } from '../support/fake-cp-data.js';

const open: { cp: FakeControlPlane; client: KumaClient }[] = [];

afterEach(async () => {
  for (const { cp, client } of open.splice(0)) {
    client.close();
    await cp.close();
  }
});

async function setup(
  cpOptions: FakeControlPlaneOptions = {},
  clientOptions: KumaClientOptions & { token?: string | null } = {},
): Promise<{ cp: FakeControlPlane; client: KumaClient }> {
  const cp = await startFakeControlPlane({ data: smallDataSet(), adminToken: ADMIN_TOKEN, userTokens: [USER_TOKEN], ...cpOptions });
  const { token = ADMIN_TOKEN, ...options } = clientOptions;
  const created = createKumaClient(
    { url: cp.url, token, headers: {}, tls: { caCertificates: null, clientCertificate: null, clientKey: null, insecureSkipVerify: false } },
    options,
  );
  if (!created.ok) throw new Error(created.error.message);
  const entry = { cp, client: created.value };
  open.push(entry);
  return entry;
}

describe('loadControlPlaneSnapshot', () => {
  it('loads control-plane info, gateways, routes, builtin proxies and certificates', async () => {
    const { client } = await setup({ zone: 'zone-1' });
    const result = await loadControlPlaneSnapshot(client, { includeSecrets: true });
    if (!result.ok) throw new Error(result.error.message);
    const snapshot = result.value;

    expect(snapshot.controlPlane).toEqual({
      url: client.url,
      product: 'Kuma',
      version: '2.14.3',
      kumaVersion: '2.14.3',
      mode: 'zone',
      zone: 'zone-1',
      environment: 'universal',
      federated: false,
      gatewaySupport: 'yes',
    });
    expect(snapshot.notes).toEqual([]);
    expect(snapshot.meshes.map((mesh) => mesh.name)).toEqual(['default', 'payments']);

    const [defaultMesh, payments] = snapshot.meshes;
    expect(defaultMesh.gateways.map((gw) => gw.name)).toEqual(['edge', 'internal']);
    // Gateways are the resources as the API returned them, in Universal shape, with what Kuma adds.
    expect(defaultMesh.gateways[0]).toMatchObject({
      type: 'MeshGateway',
      mesh: 'default',
      name: 'edge',
      labels: { 'kuma.io/env': 'universal', 'kuma.io/mesh': 'default', 'kuma.io/origin': 'zone', 'kuma.io/zone': 'zone-1' },
      kri: 'kri_mgw_default_zone-1__edge_',
      selectors: [{ match: { 'kuma.io/service': 'edge' } }],
      conf: { listeners: [{ hostname: 'one.example.com', port: 443 }, { hostname: 'two.example.com', port: 443 }, { port: 80 }] },
    });
    expect(defaultMesh.gatewayRoutes.map((route) => route.name)).toEqual(['edge-legacy']);
    expect(defaultMesh.httpRoutes.map((route) => route.name)).toEqual(['edge-http']);
    expect(defaultMesh.tcpRoutes.map((route) => route.name)).toEqual(['internal-tcp']);

    expect(defaultMesh.dataplanes.map(({ name, online, zone, address, gatewayType }) => ({ name, online, zone, address, gatewayType }))).toEqual([
      { name: 'edge-1', online: true, zone: 'zone-1', address: '10.0.0.11', gatewayType: 'BUILTIN' },
      { name: 'edge-2', online: false, zone: 'zone-1', address: '10.0.0.12', gatewayType: 'BUILTIN' },
      { name: 'edge-3', online: false, zone: 'zone-1', address: '10.0.0.13', gatewayType: 'BUILTIN' },
      { name: 'internal-1', online: true, zone: 'zone-1', address: '10.0.1.11', gatewayType: 'BUILTIN' },
    ]);
    // A zone control plane tags its proxies with its zone, as 2.6 and later do.
    expect(defaultMesh.dataplanes[0].tags).toEqual({ 'kuma.io/service': 'edge', 'kuma.io/zone': 'zone-1' });
    expect(payments.dataplanes).toMatchObject([{ name: 'pay-gw-7d9c6b5f4-abcde.kuma-demo', online: true, zone: 'zone-2', mesh: 'payments' }]);

    if (defaultMesh.secrets.state !== 'ok' || payments.secrets.state !== 'ok') throw new Error('secrets not loaded');
    expect(defaultMesh.secrets.secrets.map((s) => [s.name, s.certificates.length, s.readable])).toEqual([
      ['edge-cert', 2, true],
      ['unused', 2, true],
    ]);
    expect(payments.secrets.secrets.map((s) => [s.name, s.certificates.length])).toEqual([
      ['not-a-certificate', 0],
      ['pay-cert', 1],
    ]);
    for (const pem of defaultMesh.secrets.secrets[0].certificates) {
      expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n?$/);
    }
    // No key material survives, in any form.
    const text = JSON.stringify(snapshot);
    expect(text).not.toMatch(/PRIVATE KEY/);
    expect(text).not.toMatch(/"data"/);
  });

  it('gives the same result whatever the page size, following offsets against its own base URL', async () => {
    const whole = await setup();
    const wholeResult = await loadControlPlaneSnapshot(whole.client, { includeSecrets: true });
    const paged = await setup({}, { pageSize: 1 });
    const pagedResult = await loadControlPlaneSnapshot(paged.client, { includeSecrets: true });
    if (!wholeResult.ok || !pagedResult.ok) throw new Error('snapshot failed');
    expect(pagedResult.value.meshes).toEqual(wholeResult.value.meshes);

    const lists = whole.cp.requests.filter((request) => !['/', '/config', '/_resources'].includes(request.path));
    expect(lists.every((request) => request.query.size === '1000' && request.query.offset === undefined)).toBe(true);
    const dataplanePages = paged.cp.requests.filter((request) => request.path === '/meshes/default/dataplanes+insights');
    expect(dataplanePages.map((request) => request.query)).toEqual([
      { gateway: 'builtin', size: '1' },
      { gateway: 'builtin', size: '1', offset: '1' },
      { gateway: 'builtin', size: '1', offset: '2' },
      { gateway: 'builtin', size: '1', offset: '3' },
    ]);
  });

  it('reports Secrets as forbidden for a non-admin token and still loads the rest', async () => {
    const { client } = await setup({}, { token: USER_TOKEN });
    const result = await loadControlPlaneSnapshot(client, { includeSecrets: true });
    if (!result.ok) throw new Error(result.error.message);
    for (const mesh of result.value.meshes) {
      expect(mesh.secrets).toEqual({ state: 'forbidden', message: expect.stringMatching(/admin token/) });
    }
    expect(result.value.meshes[0].gateways).toHaveLength(2);
  });

  it('reports Secrets as forbidden without a token', async () => {
    const { client } = await setup({}, { token: null });
    const result = await loadControlPlaneSnapshot(client, { includeSecrets: true });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.meshes.map((mesh) => mesh.secrets.state)).toEqual(['forbidden', 'forbidden']);
  });

  it('does not ask for Secrets unless told to', async () => {
    const { cp, client } = await setup();
    const result = await loadControlPlaneSnapshot(client, {});
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.meshes.map((mesh) => mesh.secrets)).toEqual([{ state: 'not-requested' }, { state: 'not-requested' }]);
    expect(cp.requests.filter((request) => request.path.endsWith('/secrets'))).toEqual([]);
  });

  it('keeps a failing Secrets call inside the mesh instead of failing the refresh', async () => {
    const { cp, client } = await setup();
    cp.setFault('/meshes/payments/secrets', { kind: 'status', status: 500 });
    const result = await loadControlPlaneSnapshot(client, { includeSecrets: true });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.meshes[0].secrets.state).toBe('ok');
    expect(result.value.meshes[1].secrets).toMatchObject({ state: 'error', error: { kind: 'http', status: 500 } });
  });

  it('tolerates a forbidden /config', async () => {
    const { cp, client } = await setup();
    cp.setFault('/config', { kind: 'status', status: 403 });
    const result = await loadControlPlaneSnapshot(client, {});
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.controlPlane).toMatchObject({ mode: null, zone: null, version: '2.14.3' });
    expect(result.value.notes).toEqual(['The control plane mode and zone are unknown: GET /config answered 403.']);
  });

  it('reports a global control plane without a zone, and a federated zone', async () => {
    const global = await setup({ mode: 'global' });
    const globalResult = await loadControlPlaneSnapshot(global.client, {});
    expect(globalResult.ok && globalResult.value.controlPlane).toMatchObject({ mode: 'global', zone: null, federated: false });
    const zone = await setup({ mode: 'zone', zone: 'zone-1', globalAddress: 'grpcs://global:5685' });
    const zoneResult = await loadControlPlaneSnapshot(zone.client, {});
    expect(zoneResult.ok && zoneResult.value.controlPlane).toMatchObject({ mode: 'zone', zone: 'zone-1', federated: true });
  });

  it('reports the Kuma version a Kong Mesh control plane is based on, beside its own version', async () => {
    const { cp, client } = await setup({ version: '2.8.8' });
    // Kong Mesh's `GET /`: Kuma 2.8.8's recorded answer with the fields Kong Mesh builds set
    // (product and tagline "Kong Mesh", its own version, and `basedOnKuma`, as in Kuma's
    // pkg/api-server/index_endpoints.go). Not a recording of Kong Mesh.
    cp.setFault('/', {
      kind: 'transform',
      transform: (body) => ({ ...(body as object), tagline: 'Kong Mesh', product: 'Kong Mesh', version: '2.8.5', basedOnKuma: '2.8.8' }),
    });
    const result = await loadControlPlaneSnapshot(client, {});
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.controlPlane).toMatchObject({ product: 'Kong Mesh', version: '2.8.5', kumaVersion: '2.8.8' });
  });

  it('has no Kuma version for another product that does not say which Kuma it is built on', async () => {
    const { cp, client } = await setup({ version: '2.14.3' });
    // Kuma 2.14.3's recorded `GET /` under another product name, without `basedOnKuma`.
    cp.setFault('/', { kind: 'transform', transform: (body) => ({ ...(body as object), product: 'Other Mesh', version: '1.0.0' }) });
    const result = await loadControlPlaneSnapshot(client, {});
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.controlPlane).toMatchObject({ product: 'Other Mesh', version: '1.0.0', kumaVersion: null });
  });

  it('fails with no-gateway-support when /_resources does not list MeshGateway', async () => {
    const { cp, client } = await setup({ withoutMeshGateway: true });
    const result = await loadControlPlaneSnapshot(client, {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('no-gateway-support');
    expect(result.error.message).toMatch(/no builtin MeshGateway/);
    expect(cp.requests.map((request) => request.path).sort()).toEqual(['/', '/_resources', '/config', '/meshes']);
  });

  it('fails with no-gateway-support when an old control plane answers 404 on meshgateways', async () => {
    const { client } = await setup({ version: '2.5.11', withoutMeshGateway: true });
    const result = await loadControlPlaneSnapshot(client, {});
    expect(result.ok ? null : result.error.kind).toBe('no-gateway-support');
  });

  it.each([false, true])('names the first mesh when every MeshGateway list fails, whichever answers first (onPartial: %s)', async (partial) => {
    const { cp, client } = await setup({ version: '2.5.11', withoutMeshGateway: true });
    // The first mesh's 404 comes last.
    cp.setFault('/meshes/default/meshgateways', { kind: 'delay', ms: 150 });
    const reports: PartialSnapshot[] = [];
    const result = await loadControlPlaneSnapshot(client, partial ? { onPartial: (p) => reports.push(p) } : {});
    expect(result.ok ? null : result.error.message).toBe(
      `The control plane at ${client.url} has no builtin MeshGateway support (GET /meshes/default/meshgateways?size=1000 answered 404). Kuma 2.14 is the last release with MeshGateway.`,
    );
    expect(reports).toEqual([]);
  });

  it.each([
    ['2.0.8', 'unknown'],
    ['2.3.7', 'unknown'],
    ['2.5.11', 'unknown'],
    ['2.9.19', 'yes'],
    ['2.13.10', 'yes'],
  ] as const)('reads a data set of its own from Kuma %s', async (version, gatewaySupport) => {
    const { client } = await setup({ version });
    const result = await loadControlPlaneSnapshot(client, { includeSecrets: true });
    if (!result.ok) throw new Error(result.error.message);
    const [defaultMesh, payments] = result.value.meshes;
    expect(result.value.controlPlane).toMatchObject({ product: 'Kuma', version, kumaVersion: version, gatewaySupport });
    expect(defaultMesh.gateways.map((gw) => gw.name)).toEqual(['edge', 'internal']);
    expect(defaultMesh.dataplanes.map((dp) => [dp.name, dp.online])).toEqual([
      ['edge-1', true],
      ['edge-2', false],
      ['edge-3', false],
      ['internal-1', true],
    ]);
    expect(payments.dataplanes).toHaveLength(1);
    // 2.0 answers 404 to the MeshHTTPRoute and MeshTCPRoute lists (test/fixtures/kuma/read-api).
    expect(defaultMesh.httpRoutes.map((route) => route.name)).toEqual(version === '2.0.8' ? [] : ['edge-http']);
    expect(defaultMesh.tcpRoutes.map((route) => route.name)).toEqual(version === '2.0.8' ? [] : ['internal-tcp']);
    expect(defaultMesh.secrets.state).toBe('ok');
  });

  it('tolerates lists without total, with items null and without next', async () => {
    const { cp, client } = await setup();
    cp.setFault('/meshes/default/meshgatewayroutes', { kind: 'transform', transform: () => ({ items: null }) });
    cp.setFault('/meshes/default/meshgateways', {
      kind: 'transform',
      transform: (body) => {
        const { total: _total, next: _next, ...rest } = body as Record<string, unknown>;
        return rest;
      },
    });
    const result = await loadControlPlaneSnapshot(client, {});
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.meshes[0].gateways.map((gw) => gw.name)).toEqual(['edge', 'internal']);
    expect(result.value.meshes[0].gatewayRoutes).toEqual([]);
  });

  it('fails as a whole, with the first error, when a mesh list fails', async () => {
    const { cp, client } = await setup();
    cp.setFault('/meshes/payments/meshgateways', { kind: 'status', status: 500 });
    const result = await loadControlPlaneSnapshot(client, {});
    expect(result.ok ? null : result.error).toMatchObject({ kind: 'http', status: 500, path: '/meshes/payments/meshgateways?size=1000' });
  });

  it('stops when the signal fires', async () => {
    const { cp, client } = await setup();
    cp.setFault('/meshes', { kind: 'hang' });
    const controller = new AbortController();
    const pending = loadControlPlaneSnapshot(client, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const result = await pending;
    expect(result.ok ? null : result.error.kind).toBe('aborted');
  });
});

describe('loadControlPlaneSnapshot at scale', () => {
  it('needs 4 + 6 requests per mesh plus one per further page, never one per gateway, proxy or secret', async () => {
    const data = makeLargeDataSet({ meshes: 3, gateways: 500, dataplanes: 5000, secrets: 1000 });
    const { cp, client } = await setup({ data });
    // Slow answers let requests overlap, so the concurrency bound shows.
    cp.setFault(/^\/meshes\/.+/, { kind: 'delay', ms: 15 });
    const started = performance.now();
    const result = await loadControlPlaneSnapshot(client, { includeSecrets: true });
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(result.error.message);

    const perMesh = (count: (mesh: string) => number): number =>
      data.meshes.reduce((sum, mesh) => sum + Math.max(0, Math.ceil(count(mesh.name) / 1000) - 1), 0);
    const furtherPages =
      perMesh((mesh) => data.dataplanes.filter((dp) => dp.mesh === mesh).length) +
      perMesh((mesh) => data.gateways.filter((gw) => gw.mesh === mesh).length) +
      perMesh((mesh) => data.secrets.filter((s) => s.mesh === mesh).length) +
      perMesh((mesh) => (data.httpRoutes ?? []).filter((r) => r.mesh === mesh).length);
    expect(furtherPages).toBe(3);
    expect(cp.requests).toHaveLength(4 + 6 * 3 + furtherPages);
    expect(cp.requests.filter((request) => /\/meshgateways\/[^/]+\/dataplanes$/.test(request.path))).toEqual([]);
    expect(cp.maxInFlight()).toBe(6);

    const snapshot = result.value;
    expect(snapshot.meshes.reduce((sum, mesh) => sum + mesh.gateways.length, 0)).toBe(500);
    expect(snapshot.meshes.reduce((sum, mesh) => sum + mesh.dataplanes.length, 0)).toBe(5000);
    expect(snapshot.meshes.reduce((sum, mesh) => sum + (mesh.secrets.state === 'ok' ? mesh.secrets.secrets.length : 0), 0)).toBe(1000);
    expect(snapshot.meshes.reduce((sum, mesh) => sum + mesh.httpRoutes.length, 0)).toBe(500);
    expect(snapshot.meshes.flatMap((mesh) => mesh.dataplanes).filter((dp) => !dp.online)).toHaveLength(Math.ceil(5000 / 7));
    expect(JSON.stringify(snapshot)).not.toMatch(/PRIVATE KEY/);
    expect(elapsed).toBeLessThan(15_000);
  });
});

describe('loadControlPlaneSnapshot, what is read so far', () => {
  const data = (): ReturnType<typeof makeLargeDataSet> => makeLargeDataSet({ meshes: 3, gateways: 30, dataplanes: 60, secrets: 6 });

  it('reports every mesh\'s gateways, then the first mesh read in full before it asks for the other meshes\' other lists', async () => {
    const { cp, client } = await setup({ data: data() });
    const seen: { partial: PartialSnapshot; requested: string[] }[] = [];
    const result = await loadControlPlaneSnapshot(client, { includeSecrets: true, onPartial: (partial) => seen.push({ partial, requested: cp.requests.map((r) => r.path) }) });
    if (!result.ok) throw new Error(result.error.message);
    const full = result.value;
    const listedOnly = (i: number) => ({ ...full.meshes[i], gatewayRoutes: [], httpRoutes: [], tcpRoutes: [], dataplanes: [], secrets: { state: 'not-requested' } });
    expect(seen).toHaveLength(2);

    const [listed, first] = seen;
    expect(listed.partial.pending).toEqual(['default', 'mesh-1', 'mesh-2']);
    expect(listed.partial.meshes).toEqual([listedOnly(0), listedOnly(1), listedOnly(2)]);
    expect(listed.partial.controlPlane).toEqual(full.controlPlane);

    expect(first.partial.pending).toEqual(['mesh-1', 'mesh-2']);
    // Of the pending meshes, only the MeshGateways were asked for by then.
    expect(first.requested.filter((path) => /^\/meshes\/mesh-[12]\//.test(path)).sort()).toEqual(['/meshes/mesh-1/meshgateways', '/meshes/mesh-2/meshgateways']);
    expect(first.requested.filter((path) => path.startsWith('/meshes/default/'))).toHaveLength(6);
    expect(first.partial.controlPlane).toEqual(full.controlPlane);
    expect(first.partial.meshes).toEqual([full.meshes[0], listedOnly(1), listedOnly(2)]);
    expect(first.partial.meshes[1].gateways).toHaveLength(10);

    // The same requests and the same snapshot as a load without it.
    const count = cp.requests.length;
    const plain = await loadControlPlaneSnapshot(client, { includeSecrets: true });
    expect(plain.ok && plain.value).toEqual(full);
    expect(cp.requests.length - count).toBe(count);
  });

  it('reads first the first mesh that has a MeshGateway', async () => {
    const set = data();
    set.gateways = set.gateways.filter((g) => g.mesh !== 'default');
    const { client } = await setup({ data: set });
    const pending: string[][] = [];
    const result = await loadControlPlaneSnapshot(client, { includeSecrets: true, onPartial: (p) => pending.push(p.pending) });
    expect(result.ok).toBe(true);
    expect(pending).toEqual([
      ['default', 'mesh-1', 'mesh-2'],
      ['default', 'mesh-2'],
    ]);
  });

  it('reports one mesh listed, then read as the load returns it; nothing once a list has failed', async () => {
    const one = await setup({ data: makeLargeDataSet({ meshes: 1, gateways: 5, dataplanes: 5, secrets: 1 }) });
    const reports: PartialSnapshot[] = [];
    const single = await loadControlPlaneSnapshot(one.client, { includeSecrets: true, onPartial: (p) => reports.push(p) });
    if (!single.ok) throw new Error(single.error.message);
    expect(reports.map((p) => p.pending)).toEqual([['default'], []]);
    const { pending: _, ...read } = reports[1];
    expect(read).toEqual(single.value);
    const pending: string[][] = [];

    const failing = await setup({ data: data() });
    failing.cp.setFault('/meshes/mesh-2/meshgateways', { kind: 'status', status: 500 });
    const failed = await loadControlPlaneSnapshot(failing.client, { onPartial: (p) => pending.push(p.pending) });
    expect(failed.ok).toBe(false);
    expect(pending).toEqual([]);
  });
});
