import { afterEach, describe, expect, it } from 'vitest';
import { createKumaClient, loadControlPlaneSnapshot, type KumaClient, type KumaClientOptions } from '@meshgw/kuma-client';
import { startFakeControlPlane, type FakeControlPlane } from '../support/fake-control-plane.js';
import { readKumaRecording, recordedKumaVersions, type KumaRecording } from '../support/kuma-recording.js';

/**
 * The client against what real control planes answered: the test control plane serves the
 * recorder's data set as each version recorded it, and every expectation below is read from
 * the same recording, never from the client's own output.
 */

const ADMIN = 'recorded-admin-token';
const USER = 'recorded-user-token';

const open: { cp: FakeControlPlane; client: KumaClient }[] = [];

afterEach(async () => {
  for (const { cp, client } of open.splice(0)) {
    client.close();
    await cp.close();
  }
});

async function setup(version: string, token: string | null = ADMIN, options: KumaClientOptions = {}): Promise<{ cp: FakeControlPlane; client: KumaClient }> {
  const cp = await startFakeControlPlane({ version, adminToken: ADMIN, userTokens: [USER] });
  const created = createKumaClient({ url: cp.url, token, headers: {}, tls: { caCertificates: null, clientCertificate: null, clientKey: null, insecureSkipVerify: false } }, options);
  if (!created.ok) throw new Error(created.error.message);
  const entry = { cp, client: created.value };
  open.push(entry);
  return entry;
}

type Item = Record<string, unknown>;
const names = (items: Item[]): unknown[] => items.map((item) => item.name);

/** What the recording says a snapshot of `default` holds. */
function expected(recording: KumaRecording) {
  const index = recording.call('index').body as Item;
  const config = recording.call('config, Accept */*').body as { mode: string; environment: string; multizone: { zone: { name?: string } } };
  const list = (label: string): Item[] => (recording.call(label).status === 200 ? recording.items(label) : []);
  // 2.0 knows only gateway=true; the builtin ones are those with `type: BUILTIN`.
  const builtin = recording.call('builtin gateway dataplanes (2.1+)').status === 200
    ? recording.items('builtin gateway dataplanes (2.1+)')
    : recording.items('gateway dataplanes (2.0 fallback)').filter((dp) => (dp.dataplane as { networking: { gateway: Item } }).networking.gateway.type === 'BUILTIN');
  return {
    product: (index.product ?? index.tagline) as string,
    version: index.version as string,
    mode: config.mode,
    zone: config.multizone.zone.name ?? null,
    environment: config.environment,
    gatewaySupport: recording.call('resource types (2.6+)').status === 200 ? 'yes' : 'unknown',
    meshes: names(recording.items('meshes (client page size)')),
    gateways: recording.items('mesh gateways'),
    gatewayRoutes: list('mesh gateway routes (client path)'),
    httpRoutes: list('MeshHTTPRoutes'),
    tcpRoutes: list('MeshTCPRoutes'),
    builtin,
    secrets: names(recording.items('secrets')),
  };
}

const VERSIONS = recordedKumaVersions();

describe('the client against every recorded Kuma version', () => {
  it('covers at least the versions the project promises to read', () => {
    expect(VERSIONS).toEqual(expect.arrayContaining(['2.0.8', '2.3.7', '2.6.15', '2.10.11', '2.14.3']));
  });

  it.each(VERSIONS)('loads a whole snapshot from Kuma %s', async (version) => {
    const recording = readKumaRecording(version);
    const want = expected(recording);
    const { client } = await setup(version);
    const result = await loadControlPlaneSnapshot(client, { includeSecrets: true });
    if (!result.ok) throw new Error(result.error.message);
    const { controlPlane, meshes, notes } = result.value;

    expect(controlPlane).toEqual({
      url: client.url,
      product: want.product,
      version: want.version,
      kumaVersion: want.version,
      mode: want.mode,
      zone: want.zone,
      environment: want.environment,
      federated: false,
      gatewaySupport: want.gatewaySupport,
    });
    expect(notes).toEqual(want.gatewaySupport === 'yes' ? [] : ['This control plane predates /_resources (Kuma 2.6); resource support was not checked up front.']);
    expect(meshes.map((mesh) => mesh.name)).toEqual(want.meshes);

    const defaultMesh = meshes.find((mesh) => mesh.name === 'default');
    if (defaultMesh === undefined) throw new Error('no default mesh');
    // Resources arrive exactly as Kuma answered them.
    expect(defaultMesh.gateways).toEqual(want.gateways);
    expect(defaultMesh.gatewayRoutes).toEqual(want.gatewayRoutes);
    expect(defaultMesh.httpRoutes).toEqual(want.httpRoutes);
    expect(defaultMesh.tcpRoutes).toEqual(want.tcpRoutes);

    // Dataplanes created through the API never connected: offline, no insight.
    expect(defaultMesh.dataplanes.map((dp) => dp.name)).toEqual(names(want.builtin));
    for (const [i, dp] of defaultMesh.dataplanes.entries()) {
      const recorded = want.builtin[i] as { labels?: Record<string, string>; dataplane: { networking: { address: string; gateway: { tags: Record<string, string> } } } };
      const tags = recorded.dataplane.networking.gateway.tags;
      expect(dp).toEqual({
        mesh: 'default',
        name: want.builtin[i].name,
        address: recorded.dataplane.networking.address,
        gatewayType: 'BUILTIN',
        tags,
        labels: recorded.labels ?? {},
        online: false,
        zone: recorded.labels?.['kuma.io/zone'] ?? tags['kuma.io/zone'] ?? null,
        connectTime: null,
        kumaDpVersion: null,
      });
    }

    if (defaultMesh.secrets.state !== 'ok') throw new Error(`secrets: ${defaultMesh.secrets.state}`);
    expect(defaultMesh.secrets.secrets.map((secret) => secret.name)).toEqual(want.secrets);
    // The recorder saved no Secret data (it is redacted), so none of them holds a certificate.
    expect(defaultMesh.secrets.secrets.every((secret) => secret.certificates.length === 0)).toBe(true);
    for (const mesh of meshes.filter((m) => m.name !== 'default')) {
      expect(mesh).toMatchObject({ gateways: [], dataplanes: [], secrets: { state: 'ok', secrets: [] } });
    }
  });

  it.each(VERSIONS)('asks Kuma %s for /config in a way it answers', async (version) => {
    const { cp, client } = await setup(version);
    const config = await client.getConfig();
    expect(config.ok).toBe(true);
    expect(cp.requests.map((request) => request.path)).toEqual(['/config']);
  });

  it.each(VERSIONS)('pages through Kuma %s the way the recorder did, and gets the same result', async (version) => {
    const recording = readKumaRecording(version);
    const whole = await setup(version);
    const paged = await setup(version, ADMIN, { pageSize: 2 });
    const [wholeResult, pagedResult] = await Promise.all([
      loadControlPlaneSnapshot(whole.client, { includeSecrets: true }),
      loadControlPlaneSnapshot(paged.client, { includeSecrets: true }),
    ]);
    if (!wholeResult.ok || !pagedResult.ok) throw new Error('snapshot failed');
    expect(pagedResult.value).toEqual({ ...wholeResult.value, controlPlane: { ...wholeResult.value.controlPlane, url: paged.client.url } });

    // The offsets the client followed are the ones Kuma's `next` links named.
    const recordedPages = (label: string): string[] =>
      recording.calls.filter((c) => c.label.startsWith(`${label} (size=2, page `)).map((c) => c.path);
    const sent = (path: string): string[] =>
      paged.cp.requests.filter((r) => r.path === path).map((r) => `${r.path}?${new URLSearchParams(Object.entries(r.query).sort(([a], [b]) => (a < b ? -1 : 1))).toString()}`);
    const sortedQuery = (path: string): string => {
      const [p, q] = path.split('?');
      const params = new URLSearchParams(q);
      params.sort();
      return `${p}?${params.toString()}`;
    };
    for (const [label, path] of [['meshes', '/meshes'], ['mesh gateways', '/meshes/default/meshgateways'], ['secrets', '/meshes/default/secrets']] as const) {
      expect(sent(path)).toEqual(recordedPages(label).map(sortedQuery));
    }
  });

  it.each(VERSIONS)('reports Secrets as forbidden on Kuma %s for a non-admin token and without a token', async (version) => {
    for (const token of [USER, null]) {
      const { client } = await setup(version, token);
      const result = await loadControlPlaneSnapshot(client, { includeSecrets: true });
      if (!result.ok) throw new Error(result.error.message);
      for (const mesh of result.value.meshes) expect(mesh.secrets).toEqual({ state: 'forbidden', message: expect.stringMatching(/admin token/) });
      expect(result.value.meshes.find((m) => m.name === 'default')?.gateways.map((gw) => gw.name)).toEqual(['edge', 'internal', 'third']);
    }
  });

  it.each(VERSIONS)('reads the dataplanes of a gateway on Kuma %s, and a missing gateway as not found', async (version) => {
    const recording = readKumaRecording(version);
    const { client } = await setup(version);
    const refs = await client.getMeshGatewayDataplanes('default', 'edge');
    expect(refs).toEqual({ ok: true, value: (recording.call('dataplanes of a gateway').body as { items: { dataplane: Item }[] }).items.map((item) => item.dataplane) });
    const missing = await client.getMeshGatewayDataplanes('default', 'missing');
    const recorded = recording.call('dataplanes of a missing gateway').body as { title: string };
    expect(missing).toMatchObject({ ok: false, error: { kind: 'not-found', status: 404, title: recorded.title } });
  });

  it.each(VERSIONS)('tells a missing mesh on Kuma %s from a control plane without MeshGateway', async (version) => {
    const recording = readKumaRecording(version);
    const { client } = await setup(version);
    const result = await client.listMeshGateways('missing');
    // Up to 2.6 a list under a missing mesh is empty; from 2.7 it is a 404 with a Kuma error body.
    if (recording.call('gateways of a missing mesh').status === 200) expect(result).toEqual({ ok: true, value: [] });
    else expect(result).toMatchObject({ ok: false, error: { kind: 'not-found', status: 404, title: 'Failed to retrieve Mesh' } });
  });
});
