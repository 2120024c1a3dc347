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
import { flat, KEY, plain, waitForFrame } from '../tui/support/ink.js';
import { faultSource, stillClock, type StillClock } from './support-faults/live.js';
import { startTcpProxy, type TcpProxy } from './support-faults/tcp-proxy.js';

const START = new Date('2026-06-01T00:00:00Z');
const REFRESH_MS = 100;
/** The clock moves this far between the last good refresh and the fault: the age the banner shows. */
const AGE_MS = 42_000;
const STACK_TRACE = /at .*\.js:\d+|\n\s+at /;

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
  const r = render(<App source={faultSource(proxy.url, { token: ADMIN_TOKEN })} refreshMs={REFRESH_MS} secretsRefreshMs={1_000} now={clock.now} />);
  return { lastFrame: r.lastFrame, frames: r.frames, write: (keys) => r.stdin.write(keys), clock };
}

/** Good data on screen: the three gateways, a fresh header, no banner. */
async function loaded(s: Session): Promise<string> {
  return waitForFrame(s.lastFrame, (f) => f.includes('> edge') && f.includes('pay-gw') && f.includes('refreshed just now') && !f.includes('Refresh failed'));
}

/** Keys still move the cursor and switch views while the control plane is down. */
async function keysWork(s: Session, banner: string | RegExp): Promise<void> {
  s.write('j');
  await waitForFrame(s.lastFrame, '> internal');
  s.write(':certs\r');
  const certs = await waitForFrame(s.lastFrame, /^certificates  \[\d+\]$/m);
  expect(flat(certs)).toMatch(banner);
  s.write(KEY.escape);
  await waitForFrame(s.lastFrame, /^gateways  \[3\]$/m);
  s.write('k');
  await waitForFrame(s.lastFrame, '> edge');
}

function withoutMeshGateway(body: unknown): unknown {
  const types = body as { resources: { name: string }[] };
  return { resources: types.resources.filter((type) => type.name !== 'MeshGateway' && type.name !== 'MeshGatewayRoute') };
}

interface Fault {
  name: string;
  /** Breaks the control plane (after good data is on screen). */
  inject: (s: Session) => void | Promise<void>;
  /** Mends it; default: clear every fault. */
  heal?: () => void | Promise<void>;
  /** The sentence after "Refresh failed (showing data 42 s old, retrying every 100 ms): ". */
  says: RegExp;
}

const URL_RE = String.raw`http://127\.0\.0\.1:\d+`;

const FAULTS: Fault[] = [
  {
    name: 'connection refused',
    inject: () => proxy.stop(),
    heal: () => proxy.start(),
    says: new RegExp(`^Cannot connect to the control plane at ${URL_RE}: the connection was refused \\(ECONNREFUSED\\)\\. Is kuma-cp running at that address\\?$`),
  },
  {
    name: 'connection reset in the middle of a body',
    inject: () => cp.setFault('/meshes', { kind: 'reset-mid-body' }),
    says: new RegExp(`^The connection to ${URL_RE} broke while reading GET /meshes\\?size=1000 \\(ECONNRESET\\)\\.$`),
  },
  {
    name: 'no answer (timeout)',
    inject: () => cp.setFault('/meshes', { kind: 'hang' }),
    says: new RegExp(`^The control plane at ${URL_RE} did not answer GET /meshes\\?size=1000 within 400 ms\\.$`),
  },
  {
    name: 'HTTP 500',
    inject: () => cp.setFault(/.*/, { kind: 'status', status: 500 }),
    says: /^GET \/ failed with HTTP 500: Internal Server Error: Internal Server Error\.$/,
  },
  {
    name: 'HTTP 502 with an HTML body',
    inject: () => cp.setFault(/.*/, { kind: 'html', status: 502 }),
    says: /^GET \/ failed with HTTP 502: 502 Bad Gateway 502 Bad Gateway nginx\/1\.25\.3\.$/,
  },
  {
    name: 'a body that is not JSON',
    inject: () => cp.setFault('/meshes/default/meshgateways', { kind: 'invalid-json' }),
    says: /^GET \/meshes\/default\/meshgateways\?size=1000 answered HTTP 200 with a body that is not JSON: \{"total": 1, "items": \[\{"type": "MeshGateway", name: oops\}\.$/,
  },
  {
    name: 'a 200 with the wrong shape',
    inject: () => cp.setFault('/meshes/default/meshgateways', { kind: 'wrong-shape' }),
    says: /^GET \/meshes\/default\/meshgateways did not answer with a list \(\{"items": \[\.\.\.\], "next": \.\.\.\}\)\.$/,
  },
  {
    name: '401: the token is no longer accepted',
    inject: () => cp.setFault(/^\/.+/, { kind: 'status', status: 401 }),
    says: new RegExp(
      `^The control plane at ${URL_RE} rejected the token \\(HTTP 401: Invalid authentication data: Unauthenticated\\)\\. Check --token, MESHGW_TOKEN or the token of the kumactl context\\.$`,
    ),
  },
  {
    name: '404 for MeshGateway (a control plane without the builtin gateway)',
    inject: () => cp.setFault(/\/meshgateways$/, { kind: 'status', status: 404, body: '404: Page Not Found', contentType: 'text/plain; charset=utf-8' }),
    says: new RegExp(
      `^The control plane at ${URL_RE} has no builtin MeshGateway support \\(GET /meshes/default/meshgateways\\?size=1000 answered 404\\)\\. Kuma 2\\.14 is the last release with MeshGateway\\.$`,
    ),
  },
  {
    name: '/_resources without MeshGateway (upgraded past 2.14)',
    inject: () => cp.setFault('/_resources', { kind: 'transform', transform: withoutMeshGateway }),
    says: new RegExp(`^The control plane at ${URL_RE} \\(Kuma 2\\.14\\.3\\) has no builtin MeshGateway: /_resources does not list it\\. Kuma 2\\.14 is the last release with MeshGateway\\.$`),
  },
  {
    name: 'paging that never ends (next points at itself)',
    inject: () => cp.setFault('/meshes', { kind: 'endless-paging', mode: 'same' }),
    says: /^GET \/meshes returned a next link that repeats offset 0; paging stopped\.$/,
  },
  {
    name: 'paging that never ends (next always moves on)',
    inject: () => cp.setFault('/meshes', { kind: 'endless-paging', mode: 'advance' }),
    says: /^GET \/meshes still had more pages after 100 pages of 1000; stopped\.$/,
  },
];

/** The banner's sentence, from a frame flattened to one line. */
function bannerOf(frame: string): string | null {
  const match = /Refresh failed \(showing data (.+?) old, retrying every (.+?)\): (.*?)(?= ?(?:NAME|Loading…|No data yet| {2}TIME|\s*$))/.exec(flat(frame));
  return match === null ? null : `${match[1]}|${match[2]}|${match[3]}`;
}

describe('the terminal app against a failing control plane', () => {
  it.each(FAULTS)('$name: keeps the last data with its age, says why in one sentence, recovers', async (fault) => {
    const s = start();
    await loaded(s);
    await fault.inject(s);
    s.clock.advance(AGE_MS);

    const frame = await waitForFrame(s.lastFrame, (f) => bannerOf(f) !== null, 8_000);
    const [age, every, sentence] = bannerOf(frame)!.split('|');
    expect(sentence).toMatch(fault.says);
    expect(age).toBe('42 s');
    expect(every).toBe('100 ms');
    // One sentence: the banner appears once and fits its two lines.
    expect(flat(frame).split('Refresh failed').length).toBe(2);
    expect(frame.split('\n')[0]).toMatch(/STALE: refreshed (42 s ago|just now)$/);
    for (const name of ['> edge', 'internal', 'pay-gw']) expect(frame).toContain(name);
    expect(frame).toContain('gateways  [3]');

    await keysWork(s, fault.says.source.startsWith('^') ? 'Refresh failed' : fault.says);

    await (fault.heal ?? (() => cp.clearFaults()))();
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
    s.write(KEY.escape);
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
    cp.setFault(dataplanes, { kind: 'delay', ms: 1_000 }, { times: 1 });
    s.clock.advance(AGE_MS);
    const asked = cp.requests.length;
    await expect.poll(() => cp.requests.slice(asked).some((r) => r.path === dataplanes), { timeout: 5_000, interval: 5 }).toBe(true);
    await proxy.stop();
    const frame = await waitForFrame(s.lastFrame, (f) => bannerOf(f) !== null);
    expect(bannerOf(frame)!.split('|')[2]).toMatch(
      new RegExp(`^Cannot connect to the control plane at ${URL_RE}: the connection was (closed before an answer \\(ECONNRESET\\)|refused \\(ECONNREFUSED\\))\\. Is kuma-cp running at that address\\?$`),
    );
    expect(frame).toContain('> edge');
    await proxy.start();
    await waitForFrame(s.lastFrame, (f) => !f.includes('Refresh failed') && !f.includes('STALE') && f.includes('> edge'));
    // The first failure is the cut refresh itself, not a refused connection after it.
    const first = s.frames.map(plain).map(bannerOf).find((b) => b !== null);
    expect(first).toMatch(/the connection was closed before an answer \(ECONNRESET\)|broke while reading/);
  });

  it('a page of 1,000 gateways: shown, keys respond, no banner; back to three when the data shrinks', async () => {
    const s = start();
    await loaded(s);
    const big: FakeDataSet = smallDataSet();
    const extra: FakeResource[] = Array.from({ length: 1_000 }, (_, i) => ({
      mesh: 'default',
      name: `bulk-${String(i).padStart(4, '0')}`,
      selectors: [{ match: { 'kuma.io/service': `bulk-${i}` } }],
      conf: { listeners: [{ port: 8000 + (i % 10), protocol: 'HTTP' }] },
    }));
    big.gateways = [...extra, ...big.gateways];
    cp.setData(big);
    await waitForFrame(s.lastFrame, /^gateways  \[1003\]$/m, 15_000);
    const pages = cp.requests.filter((r) => r.path === '/meshes/default/meshgateways');
    expect(pages.every((r) => r.query.size === '1000' && r.query.offset === undefined)).toBe(true);
    s.write('G');
    await waitForFrame(s.lastFrame, /^> pay-gw /m);
    s.write('g');
    await waitForFrame(s.lastFrame, /^> bulk-0000 /m);
    expect(s.lastFrame()).not.toContain('Refresh failed');
    cp.setData(smallDataSet());
    await waitForFrame(s.lastFrame, /^gateways  \[3\]$/m);
  });
});
