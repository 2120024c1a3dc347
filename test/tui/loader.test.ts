import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KumaClient } from '@meshgw/kuma-client';
import { createLoader, startLoader, type LoadedData, type Loader, type RefreshOutcome } from '@meshgw/tui';
import { makeLargeDataSet, startFakeControlPlane, type FakeControlPlane } from '../support/fake-control-plane.js';
import { NOW, testFiles } from './support/data.js';
import { ADMIN_TOKEN, liveSource, startControlPlane } from './support/live.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function live(secretsIntervalMs = 60_000): Promise<{ cp: FakeControlPlane; loader: Loader }> {
  const cp = await startControlPlane();
  const loader = createLoader(liveSource(cp.url), { secretsIntervalMs });
  cleanups.push(() => loader.close(), () => cp.close());
  return { cp, loader };
}

function ok(outcome: RefreshOutcome) {
  if (!outcome.ok) throw new Error(`refresh failed: ${outcome.message}`);
  return outcome.data;
}

const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const signal = () => new AbortController().signal;

describe('loader', () => {
  it('a loader started early hands its first outcome to the first refresh, then refreshes as usual', async () => {
    const cp = await startControlPlane();
    const base = createLoader(liveSource(cp.url), { secretsIntervalMs: 60_000 });
    const loader = startLoader(base, { signal: signal(), now: at(0) });
    cleanups.push(() => loader.close(), () => cp.close());
    const first = ok(await loader.refresh({ signal: signal(), now: at(1) }));
    const afterFirst = cp.requests.length;
    // One refresh's worth of requests (4 + 6 per mesh at two meshes), not two.
    expect(afterFirst).toBe(4 + 6 * 2);
    expect(first.at).toBe(at(0).getTime());
    expect(first.model.certificates.map((c) => c.status.label)).toEqual(['5d left', '36461d left', '36461d left']);
    const second = ok(await loader.refresh({ signal: signal(), now: at(5) }));
    expect(second.at).toBe(at(5).getTime());
    expect(cp.requests.length).toBeGreaterThan(afterFirst);
  });

  it('reads Secrets on the first refresh and then only every secrets interval, keeping the certificates in between', async () => {
    const { cp, loader } = await live();
    const secretCalls = () => cp.requests.filter((r) => r.path.endsWith('/secrets')).length;
    let data = ok(await loader.refresh({ signal: signal(), now: at(0) }));
    expect(secretCalls()).toBe(2);
    expect(data.model.certificates.map((c) => c.status.label)).toEqual(['5d left', '36461d left', '36461d left']);
    data = ok(await loader.refresh({ signal: signal(), now: at(5) }));
    expect(secretCalls()).toBe(2);
    expect(data.model.certificates.map((c) => c.status.label)).toEqual(['5d left', '36461d left', '36461d left']);
    ok(await loader.refresh({ signal: signal(), now: at(59) }));
    expect(secretCalls()).toBe(2);
    ok(await loader.refresh({ signal: signal(), now: at(61) }));
    expect(secretCalls()).toBe(4);
    ok(await loader.refresh({ signal: signal(), now: at(62), forceSecrets: true }));
    expect(secretCalls()).toBe(6);
  });

  it('keeps its requests bounded and answers in a fixed number of calls per mesh', async () => {
    const { cp, loader } = await live();
    const data = ok(await loader.refresh({ signal: signal(), now: at(0) }));
    expect(data.info).toMatchObject({ kind: 'live', product: 'Kuma', version: '2.14.3', mode: 'zone', zone: 'default', insecure: false });
    expect(cp.maxInFlight()).toBeLessThanOrEqual(6);
    expect(cp.requests.length).toBe(4 + 6 * 2);
  });

  it.each(['2.0.8', '2.6.15', '2.14.3'])('reads the data set recorded from Kuma %s: its gateways, their offline proxies, its version', async (version) => {
    const cp = await startFakeControlPlane({ version, adminToken: ADMIN_TOKEN });
    const loader = createLoader(liveSource(cp.url), { secretsIntervalMs: 60_000 });
    cleanups.push(() => loader.close(), () => cp.close());
    const data = ok(await loader.refresh({ signal: signal(), now: at(0) }));
    expect(data.info).toMatchObject({ kind: 'live', product: 'Kuma', version, rules: version });
    const recorded = cp.recording.items('mesh gateways') as { name: string; conf: { listeners: { port: number; protocol: string }[] } }[];
    const ports = (listeners: { port: number; protocol: string }[]) =>
      [...new Set([...listeners].sort((a, b) => a.port - b.port).map((l) => `${l.port}/${l.protocol}`))].join(' ');
    expect(data.model.gateways.map((g) => [g.name, g.ports, g.online])).toEqual(recorded.map((gw) => [gw.name, ports(gw.conf.listeners), 0]));
    const edgeDataplanes = (cp.recording.call('dataplanes of a gateway').body as { items: unknown[] }).items;
    expect(data.model.gateways.find((g) => g.name === 'edge')?.total).toBe(edgeDataplanes.length);
  });

  it('applies the rules of the Kuma a Kong Mesh control plane is based on, and shows its own version', async () => {
    const { cp, loader } = await live();
    // Kuma 2.14.3's recorded `GET /` with the fields a Kong Mesh build sets; not a recording of Kong Mesh.
    cp.setFault('/', { kind: 'transform', transform: (body) => ({ ...(body as object), product: 'Kong Mesh', version: '2.14.1', basedOnKuma: '2.14.3' }) });
    const data = ok(await loader.refresh({ signal: signal(), now: at(0) }));
    expect(data.info).toMatchObject({ kind: 'live', product: 'Kong Mesh', version: '2.14.1', rules: '2.14.3' });
  });

  it('stops a refresh when aborted and reports it as cancelled, not as a failure', async () => {
    const { cp, loader } = await live();
    cp.setFault('/meshes', { kind: 'hang' });
    const controller = new AbortController();
    const pending = loader.refresh({ signal: controller.signal, now: at(0) });
    setTimeout(() => controller.abort(), 50);
    const outcome = await pending;
    expect(outcome.ok).toBe(false);
    expect(outcome.ok === false && outcome.aborted).toBe(true);
  });

  it('reads the control plane on the analysis thread, with a client of its own made from the settings and timeout', async () => {
    const cp = await startControlPlane();
    const unusable = new Proxy({} as KumaClient, {
      get: (_, key) => (key === 'url' ? cp.url : key === 'timeoutMs' ? 300 : () => { throw new Error(`the app's client was used (${String(key)})`); }),
    });
    const loader = createLoader({ ...liveSource(cp.url), client: unusable }, { secretsIntervalMs: 60_000 });
    cleanups.push(() => loader.close(), () => cp.close());
    const data = ok(await loader.refresh({ signal: signal(), now: at(0) }));
    expect(data.model.gateways.map((g) => g.name)).toContain('edge');
    cp.setFault('/', { kind: 'hang' });
    const outcome = await loader.refresh({ signal: signal(), now: at(5) });
    expect(outcome.ok === false && outcome.message).toBe(`The control plane at ${cp.url} did not answer GET / within 300 ms.`);
  });

  it('reports a failure as a sentence', async () => {
    const { cp, loader } = await live();
    cp.setFault('/', { kind: 'html', status: 502 });
    const outcome = await loader.refresh({ signal: signal(), now: at(0) });
    expect(outcome.ok === false && outcome.aborted).toBe(false);
    expect(outcome.ok === false && outcome.message).toMatch(/^GET \/ failed with HTTP 502\b[^<\n]*$/);
  });

  it('analyses files in a worker thread, again on each refresh', async () => {
    let files = testFiles();
    const loader = createLoader({ kind: 'files', paths: ['ws'], load: async () => files }, { secretsIntervalMs: 60_000 });
    cleanups.push(() => loader.close());
    let data = ok(await loader.refresh({ signal: signal(), now: NOW }));
    expect(data.info).toEqual({ kind: 'files', label: 'ws', fileCount: 6, rules: '2.14' });
    expect(data.model.gateways.map((g) => g.name)).toEqual(['edge', 'pay']);
    files = files.filter((f) => f.file !== 'ws/pay.yaml');
    data = ok(await loader.refresh({ signal: signal(), now: NOW }));
    expect(data.model.gateways.map((g) => g.name)).toEqual(['edge']);
  });

  it('gives from the worker thread the model the app thread makes, gateway entries included', async () => {
    const files = testFiles();
    const source = { kind: 'files' as const, paths: ['ws'], load: async () => files };
    const threaded = createLoader(source, { secretsIntervalMs: 60_000 });
    const inline = createLoader(source, { secretsIntervalMs: 60_000, thread: false });
    cleanups.push(() => threaded.close(), () => inline.close());
    const fromWorker = ok(await threaded.refresh({ signal: signal(), now: NOW })).model;
    const own = ok(await inline.refresh({ signal: signal(), now: NOW })).model;
    // Read before the entries (the worker sends them apart, read when first used).
    expect(fromWorker.gateways).toEqual(own.gateways);
    expect([...fromWorker.entries.keys()]).toEqual(['default/edge@ws/edge.yaml', 'payments/pay@ws/pay.yaml']);
    expect(fromWorker).toEqual(own);
  });

  it('hands back the same model, uncopied, for a refresh that changes nothing on the same day', async () => {
    let files = testFiles();
    const loader = createLoader({ kind: 'files', paths: ['ws'], load: async () => files }, { secretsIntervalMs: 60_000 });
    cleanups.push(() => loader.close());
    const first = ok(await loader.refresh({ signal: signal(), now: NOW })).model;
    expect(ok(await loader.refresh({ signal: signal(), now: at(3600) })).model).toBe(first);
    // Certificate expiry is counted in whole days: the next day is analysed again.
    const nextDay = ok(await loader.refresh({ signal: signal(), now: at(86_400) })).model;
    expect(nextDay).not.toBe(first);
    expect(nextDay.certificates.map((c) => c.status.label)).not.toEqual(first.certificates.map((c) => c.status.label));
    files = files.filter((f) => f.file !== 'ws/pay.yaml');
    expect(ok(await loader.refresh({ signal: signal(), now: at(86_400) })).model.gateways.map((g) => g.name)).toEqual(['edge']);
  });
});

describe('loader with a pinned Kuma version', () => {
  // Kuma 2.0.8 refused this example's TLS listeners ("protocol type is not supported"), 2.14.3
  // accepted them (test/fixtures/kuma/admission/{2.0.8,2.14.3}.json).
  const dir = join(import.meta.dirname, '..', '..', 'examples', 'tcp-tls-gateway');
  const files = readdirSync(dir).map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));

  it('analyses files by the pinned version and says so in the header info', async () => {
    for (const [kumaVersion, rejected] of [
      ['2.0', true],
      ['2.14', false],
    ] as const) {
      const loader = createLoader({ kind: 'files', paths: ['tcp-tls-gateway'], load: async () => files, kumaVersion }, { secretsIntervalMs: 60_000 });
      cleanups.push(() => loader.close());
      const data = ok(await loader.refresh({ signal: signal(), now: NOW }));
      expect(data.info).toMatchObject({ kind: 'files', rules: kumaVersion });
      expect(data.model.gateways.map((g) => [g.name, g.rejected]), kumaVersion).toEqual([['tcp-gateway', rejected]]);
    }
  });
});

describe('loader, a large control plane shown as it is read', () => {
  // 330 gateways over three meshes: the two read later hold 220, enough to show the first alone.
  const large = () => makeLargeDataSet({ meshes: 3, gateways: 330, dataplanes: 660, secrets: 30 });

  for (const thread of [true, false]) {
    it(`shows every gateway, then the first screen's, before the rest, as the full result has them (${thread ? 'worker' : 'inline'})`, async () => {
      const cp = await startFakeControlPlane({ data: large(), adminToken: ADMIN_TOKEN });
      const loader = createLoader(liveSource(cp.url), { secretsIntervalMs: 60_000, thread, firstRows: 25 });
      cleanups.push(() => loader.close(), () => cp.close());
      const partials: LoadedData[] = [];
      const full = ok(await loader.refresh({ signal: signal(), now: at(0), onPartial: (data) => partials.push(data) }));
      expect(partials).toHaveLength(2);
      const [listed, partial] = partials;
      // First every gateway, none analysed yet; then the first screen's.
      expect(listed.model.pendingMeshes).toEqual(['default', 'mesh-1', 'mesh-2']);
      expect(listed.model.gateways.map((r) => r.key)).toEqual(full.model.gateways.map((r) => r.key));
      expect(listed.model.gateways.every((r) => r.pending)).toBe(true);
      expect(listed.model.entries.size).toBe(0);
      expect(listed.model.certificates).toEqual([]);
      // The first mesh is read, but only its first 25 gateways are analysed: it is still loading.
      expect(partial.model.pendingMeshes).toEqual(['default', 'mesh-1', 'mesh-2']);
      expect(full.model.pendingMeshes).toEqual([]);
      // Every gateway is listed at once, in the order and with the keys of the full result.
      expect(partial.model.gateways.map((r) => r.key)).toEqual(full.model.gateways.map((r) => r.key));
      expect(partial.model.gateways.slice(0, 25)).toEqual(full.model.gateways.slice(0, 25));
      expect(partial.model.gateways.slice(0, 25).every((r) => r.mesh === 'default' && !r.pending)).toBe(true);
      expect(partial.model.gateways.slice(25).every((r) => r.pending)).toBe(true);
      expect(partial.model.gateways.find((r) => r.mesh === 'mesh-1')).toMatchObject({ name: 'gw-1', pending: true, ports: '', online: null, worst: null });
      expect([...partial.model.entries.keys()]).toEqual([...full.model.entries.keys()].slice(0, 25));
      for (const key of partial.model.entries.keys()) expect(partial.model.entries.get(key)).toEqual(full.model.entries.get(key));
      // Certificates show with their mesh: a certificate's uses span gateways not analysed yet.
      expect(partial.model.certificates).toEqual([]);
      expect(partial.model.meshes.map((m) => [m.name, m.gateways, m.pending, m.secrets.text])).toEqual([
        ['default', 110, true, '10'],
        ['mesh-1', 110, true, 'loading'],
        ['mesh-2', 110, true, 'loading'],
      ]);
      // Later refreshes have something to show: they go whole.
      ok(await loader.refresh({ signal: signal(), now: at(5), onPartial: (data) => partials.push(data) }));
      expect(partials).toHaveLength(2);
    }, 60_000);
  }

  /** The first refresh of one mesh of 150 gateways, its first screen `firstRows` tall. */
  async function oneLargeMesh(firstRows: number): Promise<{ full: LoadedData; partials: LoadedData[] }> {
    const cp = await startFakeControlPlane({ data: makeLargeDataSet({ meshes: 1, gateways: 150, dataplanes: 300, secrets: 10 }), adminToken: ADMIN_TOKEN });
    const loader = createLoader(liveSource(cp.url), { secretsIntervalMs: 60_000, firstRows });
    cleanups.push(() => loader.close(), () => cp.close());
    const partials: LoadedData[] = [];
    const full = ok(await loader.refresh({ signal: signal(), now: at(0), onPartial: (data) => partials.push(data) }));
    return { full, partials };
  }

  it('shows the first screen of a single large mesh before the rest', async () => {
    const { full, partials } = await oneLargeMesh(20);
    expect(partials).toHaveLength(2);
    const partial = partials[1];
    expect(partial.model.pendingMeshes).toEqual(['default']);
    expect(partial.model.gateways.slice(0, 20)).toEqual(full.model.gateways.slice(0, 20));
    expect(partial.model.gateways.slice(20).map((r) => r.pending)).toEqual(Array(130).fill(true));
    expect(full.model.gateways.every((r) => !r.pending)).toBe(true);
  }, 60_000);

  it('does not split a single mesh whose rest is small', async () => {
    const { partials } = await oneLargeMesh(60);
    // Listed: 150 loading; read: 90 beyond the first screen, under PARTIAL_MIN_PENDING_GATEWAYS.
    expect(partials.map((p) => p.model.gateways.filter((r) => r.pending).length)).toEqual([150]);
  }, 60_000);

  it('does not split a small control plane', async () => {
    const { loader } = await live();
    const partials: LoadedData[] = [];
    ok(await loader.refresh({ signal: signal(), now: at(0), onPartial: (data) => partials.push(data) }));
    expect(partials).toEqual([]);
  });

  it('a loader started early hands its partial data to the first refresh, whether it came before or comes after', async () => {
    const data = { at: 0 } as unknown as LoadedData;
    const outcome: RefreshOutcome = { ok: true, data: { at: 1 } as unknown as LoadedData };
    const fake = (partialAfterMs: number): Loader => ({
      refresh: (options) =>
        new Promise((resolve) => {
          setTimeout(() => options.onPartial?.(data), partialAfterMs);
          setTimeout(() => resolve(outcome), partialAfterMs + 20);
        }),
      close: () => undefined,
    });
    for (const [partialAfterMs, askAfterMs] of [
      [0, 50],
      [30, 0],
    ]) {
      const loader = startLoader(fake(partialAfterMs), { signal: signal(), now: at(0) });
      await new Promise((resolve) => setTimeout(resolve, askAfterMs));
      const seen: unknown[] = [];
      const got = await loader.refresh({ signal: signal(), now: at(1), onPartial: (d) => seen.push(d) });
      expect(seen).toEqual([data]);
      expect(got).toBe(outcome);
    }
  });
});
