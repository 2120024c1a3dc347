import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import type { KumaClient } from '@meshgw/kuma-client';
import { App, type LiveSource } from '@meshgw/tui';
import { makeLargeDataSet, startFakeControlPlane, type FakeControlPlane } from '../support/fake-control-plane.js';
import { NOW } from './support/data.js';
import { flat, KEY, lineWith, plain, sleep, waitForFrame } from './support/ink.js';
import { ADMIN_TOKEN, liveDataSet, liveSource, startControlPlane, USER_TOKEN } from './support/live.js';

const planes: FakeControlPlane[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(planes.splice(0).map((cp) => cp.close()));
});

async function controlPlane(): Promise<FakeControlPlane> {
  const cp = await startControlPlane();
  planes.push(cp);
  return cp;
}

function show(source: LiveSource, refreshMs = 60_000) {
  return render(<App source={source} refreshMs={refreshMs} now={() => NOW} />);
}

describe('live control plane', () => {
  it('shows the control plane, its version and mode, gateways with dataplanes online and certificate days', async () => {
    const cp = await controlPlane();
    const { lastFrame } = show(liveSource(cp.url));
    const frame = await waitForFrame(lastFrame, '> edge');
    expect(frame.split('\n')[0]).toMatch(new RegExp(`^meshgw  Kuma 2\\.14\\.3  zone default  ${cp.url}\\s+refreshed just now$`));
    expect(frame).toContain('  NAME      !  MESH      ZONE     PORTS              LISTENERS  DP ONLINE  CERTIFICATES');
    // Kuma labels what a zone control plane stores with its zone (`default` here); `internal` says zone-1 itself.
    expect(lineWith(frame, '> edge')).toBe('> edge         default   default  80/HTTP 443/HTTPS          3        1/3  36461d left');
    expect(lineWith(frame, 'internal')).toBe('internal     default   zone-1   8080/TCP                   1        1/1  -');
    expect(lineWith(frame, 'pay-gw')).toBe('pay-gw       payments  default  8443/HTTPS                 2        1/1  5d left');
  });

  it('opens a gateway: merged listeners, final tags with layers, dataplanes online, certificate days', async () => {
    const cp = await controlPlane();
    const { lastFrame, stdin } = show(liveSource(cp.url));
    await waitForFrame(lastFrame, '> edge');
    stdin.write(KEY.enter);
    const frame = await waitForFrame(lastFrame, 'gateways › default/edge');
    expect(frame).toContain('DATAPLANES  1/3 online');
    expect(frame).toContain('  ● online   edge-1  10.0.0.11  zone default');
    expect(frame).toContain('  ○ offline  edge-2  10.0.0.12  zone default');
    expect(frame).toContain('  :443 HTTPS  hostnames one.example.com, two.example.com  no connection limit');
    expect(frame).toContain('      cert  edge-cert  36461d left  2126-11-03  RSA 2048  ✓ covers host');
    expect(frame).toContain('      tag   hostname         one      listener');
    expect(frame).toContain('      tag   kuma.io/service  edge     dataplane');
    // The zone tag Kuma gives every proxy of a zone control plane.
    expect(frame).toContain('      tag   kuma.io/zone     default  dataplane');
    stdin.write('G');
    const end = await waitForFrame(lastFrame, 'DIAGNOSTICS');
    expect(end).toContain('      route MeshGatewayRoute edge-legacy  (ignored: a Mesh*Route applies)');
  });

  it('lists certificates of all meshes by expiry', async () => {
    const cp = await controlPlane();
    const { lastFrame, stdin } = show(liveSource(cp.url));
    await waitForFrame(lastFrame, '> edge');
    stdin.write(':certs\r');
    const frame = await waitForFrame(lastFrame, /^certificates  \[3\]$/m);
    const rows = frame.split('\n').filter((l) => / left /.test(l)).map((l) => l.replace(/^> /, '').trim().split(/\s{2,}/).slice(0, 4));
    expect(rows).toEqual([
      ['5d left', '2027-01-10', 'payments', 'promo'],
      ['36461d left', '2126-11-03', 'default', 'edge-cert'],
      ['36461d left', '2126-11-03', 'payments', 'pay-cert'],
    ]);
  });

  it('says certificates are admin-only when the token may not read Secrets', async () => {
    const cp = await controlPlane();
    const { lastFrame } = show(liveSource(cp.url, { token: USER_TOKEN }));
    const frame = await waitForFrame(lastFrame, '> edge');
    expect(frame).toContain('Certificate expiry needs an admin token: Secrets are admin-only (meshes default, payments).');
    expect(lineWith(frame, '> edge')).toMatch(/1\/3  admin-only$/);
  });

  it('keeps the last data through a failed refresh, says why in one line, and recovers by itself', async () => {
    const cp = await controlPlane();
    const { lastFrame } = show(liveSource(cp.url), 200);
    await waitForFrame(lastFrame, '> edge');
    cp.setFault(/.*/, { kind: 'status', status: 503 });
    let frame = await waitForFrame(lastFrame, 'Refresh failed');
    expect(flat(frame)).toContain('Refresh failed (showing data 0 s old, retrying every 200 ms): GET / failed with HTTP 503: Service Unavailable: Service Unavailable.');
    expect(frame).toContain('STALE: refreshed just now');
    expect(frame).toContain('> edge');
    expect(frame).not.toMatch(/\n\s+at |Error:/);
    cp.clearFaults();
    frame = await waitForFrame(lastFrame, (f) => !f.includes('Refresh failed') && f.includes('> edge'));
    expect(frame).not.toContain('STALE');
  });

  it('shows ↻ only for a timed refresh that takes a while: quick ones do not redraw the screen to say so', async () => {
    const cp = await controlPlane();
    const { lastFrame, frames } = show(liveSource(cp.url), 50);
    await waitForFrame(lastFrame, '> edge');
    const before = cp.requests.length;
    // Several quick refreshes of the small data set, each of 16 requests.
    while (cp.requests.length < before + 16 * 4) await sleep(20);
    expect(frames.filter((f) => f.includes('↻'))).toEqual([]);
    cp.setFault('/', { kind: 'hang' });
    const frame = await waitForFrame(lastFrame, '↻');
    expect(frame.split('\n')[0]).toMatch(/refreshed just now ↻$/);
  });

  it('starts without a reachable control plane and says so', async () => {
    const cp = await controlPlane();
    const url = cp.url;
    await cp.close();
    const { lastFrame } = show(liveSource(url));
    const frame = await waitForFrame(lastFrame, 'Cannot load');
    expect(frame).toContain(`Cannot load (retrying every 60 s): Cannot connect to the control plane at ${url}`);
    expect(frame).toContain('No data yet. Press r to retry now, q to quit.');
  });

  it('names the rules in the header only when they are not those of the version the control plane runs', async () => {
    const cp = await controlPlane();
    const pinned = show({ ...liveSource(cp.url), kumaVersion: '2.3' });
    const frame = await waitForFrame(pinned.lastFrame, '> edge');
    expect(frame.split('\n')[0]).toMatch(/^meshgw  Kuma 2\.14\.3  rules of Kuma 2\.3 \(pinned\)  zone default/);
    cleanup();
    const older = await startFakeControlPlane({ version: '2.6.15', data: liveDataSet(), adminToken: ADMIN_TOKEN, userTokens: [USER_TOKEN] });
    planes.push(older);
    const own = show(liveSource(older.url));
    const ownFrame = await waitForFrame(own.lastFrame, '> edge');
    expect(ownFrame.split('\n')[0]).toMatch(/^meshgw  Kuma 2\.6\.15  zone default/);
    expect(ownFrame.split('\n')[0]).not.toContain('rules of');
  });

  it('shows skipped TLS verification in the header', async () => {
    const cp = await controlPlane();
    const { lastFrame } = show(liveSource(cp.url, { insecure: true }));
    const frame = await waitForFrame(lastFrame, '> edge');
    expect(frame.split('\n')[0]).toMatch(/^meshgw  TLS NOT VERIFIED  Kuma 2\.14\.3/);
  });

  it('fetches the YAML of the selected gateway and aborts the request when leaving the view', async () => {
    const cp = await controlPlane();
    const source = liveSource(cp.url);
    const signals: AbortSignal[] = [];
    const client: KumaClient = {
      ...source.client,
      get: (path, options) => {
        if (options?.signal) signals.push(options.signal);
        return source.client.get(path, options);
      },
    };
    const { lastFrame, stdin } = show({ ...source, client });
    await waitForFrame(lastFrame, '> edge');
    stdin.write('y');
    // Items of a test's own data carry the times of the recorded item of their kind.
    let frame = await waitForFrame(lastFrame, `creationTime: "${String(cp.recording.item('mesh gateways', 'edge').creationTime)}"`);
    expect(frame).toContain('gateways › yaml default/edge');
    expect(frame).toContain('  - hostname: one.example.com');
    await vi.waitFor(() => expect(cp.requests.some((r) => r.path === '/meshes/default/meshgateways/edge')).toBe(true), { timeout: 2000 });
    stdin.write(KEY.escape);
    await waitForFrame(lastFrame, /^gateways  \[3\]$/m);
    cp.setFault('/meshes/default/meshgateways/edge', { kind: 'hang' });
    stdin.write('y');
    await waitForFrame(lastFrame, 'gateways › yaml default/edge');
    await sleep(100);
    const pending = signals[signals.length - 1];
    expect(pending.aborted).toBe(false);
    stdin.write(KEY.escape);
    await waitForFrame(lastFrame, /^gateways  \[3\]$/m);
    // Effects clean up right after the frame is drawn.
    await vi.waitFor(() => expect(pending.aborted).toBe(true), { timeout: 2000 });
  });

  it('switches to another kumactl context with :ctx NAME', async () => {
    const first = await controlPlane();
    const second = await controlPlane();
    second.setData({ meshes: [{ name: 'default' }], gateways: [{ mesh: 'default', name: 'other-gw', selectors: [{ match: { 'kuma.io/service': 'o' } }], conf: { listeners: [{ port: 9000, protocol: 'TCP' }] } }], dataplanes: [], secrets: [] });
    const asked: string[] = [];
    const source = liveSource(first.url, {
      context: 'first',
      contexts: ['first', 'second'],
      connectContext: async (name) => {
        asked.push(name);
        if (name !== 'second') return { ok: false, error: { kind: 'config', message: `The kumactl config has no context "${name}".` } };
        return { ok: true, value: liveSource(second.url, { context: 'second' }) };
      },
    });
    const { lastFrame, stdin } = show(source);
    await waitForFrame(lastFrame, '> edge');
    stdin.write(':ctx\r');
    await waitForFrame(lastFrame, 'Contexts: first, second. Current: first. Switch with :ctx NAME.');
    stdin.write(':ctx nope\r');
    await waitForFrame(lastFrame, 'Cannot switch to context nope: The kumactl config has no context "nope".');
    stdin.write(':ctx second\r');
    const frame = await waitForFrame(lastFrame, '> other-gw');
    expect(frame.split('\n')[0]).toContain('ctx second');
    expect(frame).toContain('Switched to context second.');
    expect(asked).toEqual(['nope', 'second']);
  });

  it('completes kumactl context names after :ctx with tab', async () => {
    const cp = await controlPlane();
    const source = liveSource(cp.url, { context: 'first', contexts: ['first', 'second', 'staging'], connectContext: async () => ({ ok: false, error: { kind: 'config', message: 'not in this test' } }) });
    const { lastFrame, stdin } = show(source);
    await waitForFrame(lastFrame, '> edge');
    const type = async (keys: string, expected: string): Promise<void> => {
      stdin.write(keys);
      await waitForFrame(lastFrame, (f) => f.split('\n').at(-1)!.startsWith(expected));
    };
    await type(':', ':_');
    await type('c', ':c_');
    await type('t', ':ct_');
    await type('\t', ':ctx _');
    await type('s', ':ctx s_');
    // Two contexts start with "s": tab keeps what they share.
    await type('\t', ':ctx s_');
    await type('e', ':ctx se_');
    await type('\t', ':ctx second_');
    await type(KEY.backspace, ':ctx secon_');
    await type(KEY.escape, '<enter> open');
  });

  it('shows the gateways of a large control plane, its first mesh while the others load, then every row', async () => {
    const cp = await startFakeControlPlane({ data: makeLargeDataSet({ meshes: 3, gateways: 330, dataplanes: 660, secrets: 30 }), adminToken: ADMIN_TOKEN });
    planes.push(cp);
    // The meshes read after the first answer late, so the first screen is seen before them (the
    // client waits longer than that: its timer may also wait for the first mesh's analysis).
    cp.setFault(/^\/meshes\/mesh-[12]\/dataplanes/, { kind: 'delay', ms: 5000 });
    const { lastFrame, stdin } = show(liveSource(cp.url, { timeoutMs: 15_000 }));
    let frame = await waitForFrame(lastFrame, (f) => /^> gw-0 .*d left$/m.test(f), 30_000);
    expect(frame.split('\n')[0]).toMatch(/loading…$/);
    expect(frame).toContain('gateways  [330]');
    expect(lineWith(frame, '> gw-0 ')).toMatch(/^> gw-0 +default +default +80\/HTTP 443\/HTTPS 9000\/TCP +5 +\d+\/\d+ +\d+d left$/);
    stdin.write('/gw-301');
    stdin.write(KEY.enter);
    frame = await waitForFrame(lastFrame, 'gateways  [1/330]');
    expect(lineWith(frame, '> gw-301 ')).toMatch(/^> gw-301 +mesh-1 +- +loading… +… +… +…$/);
    stdin.write(KEY.enter);
    frame = await waitForFrame(lastFrame, 'Mesh mesh-1 is still loading: this gateway shows once it is read.');
    stdin.write(KEY.escape);
    await waitForFrame(lastFrame, '> gw-301 ');
    stdin.write('y');
    frame = await waitForFrame(lastFrame, 'Mesh mesh-1 is still loading: this gateway shows once it is read.');
    stdin.write(KEY.escape);
    // A certificate is listed with every use of it: none until its mesh is analysed whole.
    await waitForFrame(lastFrame, '> gw-301 ');
    stdin.write(':certs');
    stdin.write(KEY.enter);
    frame = await waitForFrame(lastFrame, 'Loading: certificates show once their mesh is read.');
    expect(frame).toMatch(/^certificates  \[0\]$/m);
    stdin.write(':gateways');
    stdin.write(KEY.enter);
    await waitForFrame(lastFrame, /^gateways  \[330\]$/m);
    stdin.write('/gw-301');
    stdin.write(KEY.enter);
    frame = await waitForFrame(lastFrame, (f) => / refreshed just now$/m.test(f.split('\n')[0]) && f.includes('> gw-301 '), 30_000);
    expect(lineWith(frame, '> gw-301 ')).toMatch(/^> gw-301 +mesh-1 +default +80\/HTTP 443\/HTTPS +4 +\d+\/\d+ +\d+d left$/);
  }, 60_000);

  it('stays responsive with 500 gateways, 5,000 dataplanes and 1,000 secrets, refreshing all the time', async () => {
    const cp = await startFakeControlPlane({ data: makeLargeDataSet({ meshes: 5, gateways: 500, dataplanes: 5000, secrets: 1000 }), adminToken: ADMIN_TOKEN });
    planes.push(cp);
    const { lastFrame, stdin } = show(liveSource(cp.url), 1000);
    let frame = await waitForFrame(lastFrame, (f) => / refreshed /.test(f.split('\n')[0]) && f.includes('> gw-0 '), 90_000);
    expect(frame).toContain('gateways  [500]');
    expect(frame.split('\n').filter((l) => /^[> ] gw-\d+ /.test(l)).length).toBe(19);
    expect(lineWith(frame, '> gw-0 ')).toMatch(/^> gw-0 +default +default +80\/HTTP 443\/HTTPS 9000\/TCP +5 +8\/10 +\d+d left$/);
    const slowest: number[] = [];
    for (let i = 0; i < 20; i++) {
      const before = plain(lastFrame());
      const started = Date.now();
      stdin.write(i % 2 === 0 ? 'j' : 'k');
      frame = await waitForFrame(lastFrame, (f) => f !== before, 10_000);
      slowest.push(Date.now() - started);
      await sleep(100);
    }
    // Analysis runs in a worker thread: a key never waits for a refresh.
    expect(Math.max(...slowest)).toBeLessThan(1000);
    stdin.write(':certs\r');
    frame = await waitForFrame(lastFrame, /^certificates  \[\d+\]$/m);
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
  }, 120_000);
});
