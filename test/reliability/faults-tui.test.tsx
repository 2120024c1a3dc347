/**
 * The terminal app against a failing control plane. Each row of the table loads good data, breaks
 * the test control plane one way, and checks what the user sees: the last good gateways with
 * their age, one sentence that names the fault, no stack trace, keys that still work; then it
 * mends the control plane and checks that the app recovers by itself.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { App } from '@meshgw/tui';
import { startFakeControlPlane, type FakeControlPlane, type FakeDataSet, type FakeResource } from '../support/fake-control-plane.js';
import { ADMIN_TOKEN, smallDataSet, USER_TOKEN } from '../support/fake-cp-data.js';
import { flat, plain, waitForFrame } from '../tui/support/ink.js';
import { cutSentence, FAULTS, STACK_TRACE, TIMEOUT_MS } from './support-faults/fault-table.js';
import { faultSource, stillClock, type StillClock } from './support-faults/live.js';
import { startTcpProxy, type TcpProxy } from './support-faults/tcp-proxy.js';
import { hasTmux, startPane } from './support-faults/tmux.js';

const START = new Date('2026-06-01T00:00:00Z');
const REFRESH_MS = 100;
/** The clock moves this far between the last good refresh and the fault: the age the banner shows. */
const AGE_MS = 42_000;

let cp: FakeControlPlane;
let proxy: TcpProxy;
const rejections: unknown[] = [];
const onRejection = (reason: unknown): void => {
  rejections.push(reason);
};

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  cp = await startFakeControlPlane({ data: smallDataSet(), adminToken: ADMIN_TOKEN, userTokens: [USER_TOKEN] });
  proxy = await startTcpProxy(cp.url);
});
afterEach(async () => {
  cleanup();
  cp.clearFaults();
  cp.setData(smallDataSet());
  await proxy.start();
});
afterAll(async () => {
  await proxy.stop();
  await cp.close();
  process.off('unhandledRejection', onRejection);
  expect(rejections).toEqual([]);
});

interface Session {
  lastFrame: () => string | undefined;
  frames: string[];
  write: (keys: string) => void;
  clock: StillClock;
}

function start(): Session {
  const clock = stillClock(START);
  const r = render(<App source={faultSource(proxy.url, { token: ADMIN_TOKEN, timeoutMs: TIMEOUT_MS })} refreshMs={REFRESH_MS} secretsRefreshMs={1_000} now={clock.now} />);
  return { lastFrame: r.lastFrame, frames: r.frames, write: (keys) => r.stdin.write(keys), clock };
}

/** Good data on screen: the three gateways, a fresh header, no banner. */
async function loaded(s: Session): Promise<string> {
  return waitForFrame(s.lastFrame, (f) => f.includes('> edge') && f.includes('pay-gw') && f.includes('refreshed just now') && !f.includes('Refresh failed'));
}

/** Keys still move the cursor and switch views while the control plane is down. */
async function keysWork(s: Session, banner: string): Promise<void> {
  s.write('j');
  await waitForFrame(s.lastFrame, '> internal');
  s.write(':certs\r');
  const certs = await waitForFrame(s.lastFrame, /^certificates  \[\d+\]$/m);
  expect(flat(certs)).toContain(banner);
  s.write(':gateways\r');
  await waitForFrame(s.lastFrame, (f) => /^gateways  \[3\]$/m.test(f) && f.includes('> edge'));
}

/**
 * Checks the banner's sentence against the whole one: equal, or cut with "…" where the banner's
 * two lines end, with the key words still visible.
 */
function expectSentence(shown: string, whole: string, keyWords: string): void {
  expect(shown).toContain(keyWords);
  if (shown.endsWith('…')) expect(whole.startsWith(shown.slice(0, -1))).toBe(true);
  else expect(shown).toBe(whole);
}

/** `age|interval|sentence` of the banner over the gateway list, from the frame flattened to one line. */
function bannerOf(frame: string): string | null {
  const match = /Refresh failed \(showing data (.+?) old, retrying every (.+?)\): (.*?)(?= NAME ! MESH )/.exec(flat(frame));
  return match === null ? null : `${match[1]}|${match[2]}|${match[3]}`;
}

describe('the terminal app against a failing control plane', () => {
  it.each(FAULTS)('$name: keeps the last data with its age, says why in one sentence, recovers', async (fault) => {
    const s = start();
    await loaded(s);
    await fault.inject({ cp, proxy });
    s.clock.advance(AGE_MS);

    // A refresh in flight when the relay stops ends as a cut connection; the next one is the fault's.
    const frame = await waitForFrame(s.lastFrame, (f) => bannerOf(f)?.includes(fault.keyWords) === true, 8_000);
    const [age, every, sentence] = bannerOf(frame)!.split('|');
    expectSentence(sentence, fault.says(proxy.url), fault.keyWords);
    expect(age).toBe('42 s');
    expect(every).toBe('100 ms');
    // One sentence: the banner appears once, in the two lines under the header and breadcrumbs,
    // which it never pushes aside however it wraps.
    expect(flat(frame).split('Refresh failed').length).toBe(2);
    const lines = frame.split('\n');
    expect(lines[0]).toMatch(/^meshgw  Kuma 2\.14\.3  zone default  http:.*STALE: refreshed (42 s ago|just now)$/);
    expect(lines[1]).toBe('gateways  [3]');
    expect(lines[2]).toMatch(/^Refresh failed /);
    expect(lines[3 + (lines[3].startsWith('  NAME') ? 0 : 1)]).toMatch(/^ {2}NAME +! +MESH/);
    // The last good gateways stay.
    for (const name of ['> edge', 'internal', 'pay-gw']) expect(frame).toContain(name);

    await keysWork(s, fault.keyWords);

    await fault.heal({ cp, proxy });
    const after = await waitForFrame(s.lastFrame, (f) => !f.includes('Refresh failed') && !f.includes('STALE') && f.includes('> edge'), 8_000);
    expect(after.split('\n')[0]).toMatch(/refreshed just now$/);

    const all = s.frames.map(plain).join('\n');
    expect(all).not.toMatch(STACK_TRACE);
    expect(all).not.toContain(ADMIN_TOKEN);
    expect(all).not.toMatch(/<html|<center>|window\.location/);
  });

  it('403 on Secrets is a normal state: certificates say they need an admin token, no error banner', async () => {
    const s = start();
    await loaded(s);
    cp.setFault(/\/secrets$/, { kind: 'status', status: 403 });
    s.clock.advance(AGE_MS);
    const frame = await waitForFrame(s.lastFrame, 'needs an admin token');
    expect(flat(frame)).toContain('Certificate expiry needs an admin token: Secrets are admin-only (meshes default, payments).');
    expect(frame).not.toContain('Refresh failed');
    expect(frame).not.toContain('STALE');
    expect(frame.split('\n').find((l) => l.includes('> edge'))).toMatch(/ admin-only$/);
    s.write(':certs\r');
    const certs = await waitForFrame(s.lastFrame, /^certificates  \[\d+\]$/m);
    expect(flat(certs)).toContain('needs an admin token');
    expect(certs).toMatch(/^> admin-only +- +default +edge-cert /m);
    s.write(':gateways\r');
    await waitForFrame(s.lastFrame, /^gateways  \[3\]$/m);

    cp.clearFaults();
    s.clock.advance(5_000);
    const after = await waitForFrame(s.lastFrame, (f) => !f.includes('admin-only') && / \d+d left$/m.test(f));
    expect(after).not.toContain('needs an admin token');
    expect(s.frames.map(plain).join('\n')).not.toMatch(STACK_TRACE);
  });

  it('a restart in the middle of a refresh: the refresh fails, the data stays, the next one succeeds', async () => {
    const s = start();
    await loaded(s);
    const dataplanes = '/meshes/default/dataplanes+insights';
    cp.setFault(dataplanes, { kind: 'delay', ms: 3_000 }, { times: 1 });
    s.clock.advance(AGE_MS);
    const asked = cp.requests.length;
    await expect.poll(() => cp.requests.slice(asked).some((r) => r.path === dataplanes), { timeout: 5_000, interval: 5 }).toBe(true);
    await proxy.stop();
    // The cut refresh fails, or (when one of its requests was still connecting) is refused.
    const frame = await waitForFrame(s.lastFrame, (f) => bannerOf(f) !== null);
    const cut = cutSentence(proxy.url);
    const refused = FAULTS[0].says(proxy.url);
    const shown = bannerOf(frame)!.split('|')[2];
    expectSentence(shown, shown.includes('refused') ? refused : cut, 'Cannot connect to the control plane');
    expect(frame).toContain('> edge');
    await proxy.start();
    await waitForFrame(s.lastFrame, (f) => !f.includes('Refresh failed') && !f.includes('STALE') && f.includes('> edge'));
    expect(s.frames.map(plain).join('\n')).not.toMatch(STACK_TRACE);
  });

  it('a full page of 1,000 gateways: one request, shown, keys respond, no banner; back to three when the data shrinks', async () => {
    const s = start();
    await loaded(s);
    const big: FakeDataSet = smallDataSet();
    // With edge and internal, mesh default holds exactly one full page of 1,000 MeshGateways.
    const extra: FakeResource[] = Array.from({ length: 998 }, (_, i) => ({
      mesh: 'default',
      name: `bulk-${String(i).padStart(4, '0')}`,
      selectors: [{ match: { 'kuma.io/service': `bulk-${i}` } }],
      conf: { listeners: [{ port: 8000 + (i % 10), protocol: 'HTTP' }] },
    }));
    big.gateways = [...extra, ...big.gateways];
    cp.clearRequests();
    cp.setData(big);
    await waitForFrame(s.lastFrame, /^gateways  \[1001\]$/m, 15_000);
    const pages = cp.requests.filter((r) => r.path === '/meshes/default/meshgateways');
    expect(pages.map((r) => r.query)).toContainEqual({ size: '1000' });
    expect(pages.filter((r) => r.query.offset !== undefined)).toEqual([]);
    s.write('G');
    await waitForFrame(s.lastFrame, /^> pay-gw /m);
    s.write('g');
    await waitForFrame(s.lastFrame, /^> bulk-0000 /m);
    expect(s.lastFrame()).not.toContain('Refresh failed');
    cp.setData(smallDataSet());
    await waitForFrame(s.lastFrame, /^gateways  \[3\]$/m);
  });
});

describe.skipIf(!hasTmux)('in a real terminal (tmux, 80×24)', () => {
  it('refused, then no answer: the header stays, one banner, no stack trace, keys work, recovery, q exits 0', async () => {
    const pane = startPane(['tui', '--cp', proxy.url, '--token', ADMIN_TOKEN, '--refresh', '1', '--timeout', String(TIMEOUT_MS / 1000)]);
    try {
      await pane.waitFor('> edge');
      for (const fault of [FAULTS[0], FAULTS[2]]) {
        await fault.inject({ cp, proxy });
        const s = await pane.waitFor(fault.keyWords);
        const lines = s.split('\n');
        expect(lines[0]).toMatch(/^meshgw  Kuma 2\.14\.3 .*STALE: refreshed (just now|\d+ s ago)$/);
        expect(lines[1]).toBe('gateways  [3]');
        expect(lines[2]).toMatch(/^Refresh failed \(showing data \d+ s old, retrying every 1 s\): /);
        expect(lines[4]).toMatch(/^ {2}NAME +! +MESH/);
        expect(s.split('Refresh failed').length).toBe(2);
        expect(s).toContain('> edge');
        expect(s).not.toMatch(STACK_TRACE);
        expect(s).not.toContain(ADMIN_TOKEN);
        pane.send('j');
        await pane.waitFor('> internal');
        pane.send('k');
        await pane.waitFor('> edge');
        await fault.heal({ cp, proxy });
        await pane.waitFor((screen) => !screen.includes('Refresh failed') && !screen.includes('STALE') && screen.includes('> edge'));
      }
      pane.send('q');
      const end = await pane.waitFor('EXIT=');
      expect(end).toContain('EXIT=0');
      expect(end).not.toMatch(STACK_TRACE);
    } finally {
      pane.kill();
    }
  }, 40_000);
});
