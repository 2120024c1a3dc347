/**
 * `meshgw inspect --cp` against a failing control plane, TLS trust, and the kumactl config: exit
 * 3 with one sentence on stderr (no stack trace, no token) for every fault; TLS verified against
 * the configured CA, bypassed only by `--insecure-skip-tls-verify`; the kumactl config read and
 * never written.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { fakeControlPlaneFixtures, startFakeControlPlane, type FakeControlPlane, type FakeDataSet, type FakeResource } from '../support/fake-control-plane.js';
import { ADMIN_TOKEN, smallDataSet, USER_TOKEN } from '../support/fake-cp-data.js';
import { runCliAsync } from '../support/run-cli-async.js';
import { cutSentence, FAULTS, STACK_TRACE, TIMEOUT_MS } from './support-faults/fault-table.js';
import { startTcpProxy, type TcpProxy } from './support-faults/tcp-proxy.js';

const TIMEOUT = String(TIMEOUT_MS / 1000);

const started: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

async function controlPlane(options: Parameters<typeof startFakeControlPlane>[0] = {}): Promise<{ cp: FakeControlPlane; proxy: TcpProxy }> {
  const cp = await startFakeControlPlane({ data: smallDataSet(), adminToken: ADMIN_TOKEN, userTokens: [USER_TOKEN], ...options });
  const proxy = await startTcpProxy(cp.url);
  started.push({ close: () => proxy.stop() }, cp);
  return { cp, proxy };
}

function inspect(url: string, ...extra: string[]) {
  return runCliAsync(['inspect', '--cp', url, '--token', ADMIN_TOKEN, '--timeout', TIMEOUT, ...extra]);
}

interface Certificate {
  secret: string;
  state: string;
  daysLeft: number | null;
}
interface Gateway {
  name: string;
  listeners: { hostname: string; certificates: Certificate[] }[];
}

describe.concurrent('meshgw inspect --cp against a failing control plane', () => {
  it.for(FAULTS)('$name: exit 3, one sentence, no stack trace, no token', async (fault, { expect }) => {
    const target = await controlPlane();
    await fault.inject(target);
    for (const format of ['text', 'json']) {
      const r = await inspect(target.proxy.url, '--format', format);
      expect(r.code).toBe(3);
      expect(r.stderr).toBe(`meshgw inspect: ${fault.says(target.proxy.url)}\n`);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(r.stderr).not.toContain(ADMIN_TOKEN);
    }
    await fault.heal(target);
    const healed = await inspect(target.proxy.url, '--format', 'json');
    expect(healed.code).toBe(0);
    expect(JSON.parse(healed.stdout).gateways.map((g: Gateway) => g.name)).toEqual(['edge', 'internal', 'pay-gw']);
  });

  it('a restart in the middle of the snapshot: exit 3, the sentence says the connection was cut', async ({ expect }) => {
    const { cp, proxy } = await controlPlane();
    const dataplanes = '/meshes/default/dataplanes+insights';
    cp.setFault(dataplanes, { kind: 'delay', ms: 2_000 }, { times: 1 });
    const running = runCliAsync(['inspect', '--cp', proxy.url, '--token', ADMIN_TOKEN, '--timeout', '5']);
    await expect.poll(() => cp.requests.some((r) => r.path === dataplanes), { timeout: 10_000, interval: 5 }).toBe(true);
    await proxy.stop();
    const r = await running;
    await proxy.start();
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`meshgw inspect: ${cutSentence(proxy.url)}\n`);
    expect((await inspect(proxy.url)).code).toBe(0);
  });

  it('403 on Secrets: exit 0, certificates unreadable, one note per mesh', async ({ expect }) => {
    const { cp, proxy } = await controlPlane();
    cp.setFault(/\/secrets$/, { kind: 'status', status: 403 });
    const r = await inspect(proxy.url, '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'meshgw inspect: mesh default: certificate expiry needs an admin token (secrets are admin-only).\n' +
        'meshgw inspect: mesh payments: certificate expiry needs an admin token (secrets are admin-only).\n',
    );
    const edge = (JSON.parse(r.stdout).gateways as Gateway[]).find((g) => g.name === 'edge')!;
    expect(edge.listeners[0].certificates[0]).toMatchObject({ secret: 'edge-cert', state: 'unreadable', daysLeft: null });
  });

  it('a full page of 1,000 gateways in one mesh: one request, every gateway printed', async ({ expect }) => {
    const data: FakeDataSet = smallDataSet();
    const extra: FakeResource[] = Array.from({ length: 998 }, (_, i) => ({
      mesh: 'default',
      name: `bulk-${String(i).padStart(4, '0')}`,
      selectors: [{ match: { 'kuma.io/service': `bulk-${i}` } }],
      conf: { listeners: [{ port: 8000 + (i % 10), protocol: 'HTTP' }] },
    }));
    data.gateways = [...extra, ...data.gateways];
    const { cp, proxy } = await controlPlane({ data });
    const r = await runCliAsync(['inspect', '--cp', proxy.url, '--token', ADMIN_TOKEN, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).gateways).toHaveLength(1001);
    expect(cp.requests.filter((q) => q.path === '/meshes/default/meshgateways').map((q) => q.query)).toEqual([{ size: '1000' }]);
  });

  it('a 500 whose body echoes the token: the token is redacted', async ({ expect }) => {
    const { cp, proxy } = await controlPlane();
    cp.setFault(/.*/, { kind: 'status', status: 500, body: JSON.stringify({ title: 'Internal Server Error', detail: `bad header Authorization: Bearer ${ADMIN_TOKEN}` }) });
    const r = await inspect(proxy.url);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('meshgw inspect: GET / failed with HTTP 500: Internal Server Error: bad header Authorization: Bearer [redacted].\n');
  });

  it('credentials in the URL never reach a message', async ({ expect }) => {
    const { proxy } = await controlPlane();
    await proxy.stop();
    const secret = 'pw-URL-9d0c1b2a-never-print-me';
    const url = proxy.url.replace('http://', `http://admin:${secret}@`);
    const r = await runCliAsync(['inspect', '--cp', url, '--timeout', TIMEOUT]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`meshgw inspect: ${FAULTS[0].says(proxy.url)}\n`);
    expect(r.stderr).not.toContain(secret);
  });
});

describe.concurrent('TLS to the control plane', () => {
  const tls = fakeControlPlaneFixtures;
  const unverified = (url: string): RegExp =>
    new RegExp(
      `^meshgw inspect: The TLS certificate of ${url.replace(/[.]/g, '\\.')} could not be verified: [^\\n]+ \\([A-Z_]+\\)\\. Pass --ca-cert FILE with the CA that signed it, or --insecure-skip-tls-verify to skip verification \\(not recommended\\)\\.\\n$`,
    );

  it('without --ca-cert: the system roots do not know the test CA, a clear error, exit 3', async ({ expect }) => {
    const { proxy } = await controlPlane({ https: true });
    const r = await inspect(proxy.url);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(unverified(proxy.url));
    expect(r.stderr).toContain('(UNABLE_TO_VERIFY_LEAF_SIGNATURE)');
  });

  it('NODE_TLS_REJECT_UNAUTHORIZED=0 is no bypass', async ({ expect }) => {
    const { proxy } = await controlPlane({ https: true });
    const r = await runCliAsync(['inspect', '--cp', proxy.url, '--token', ADMIN_TOKEN], { env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/could not be verified/);
  });

  it('--ca-cert with another CA: still an error', async ({ expect }) => {
    const { proxy } = await controlPlane({ https: true });
    const r = await inspect(proxy.url, '--ca-cert', tls.otherCaCert);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(unverified(proxy.url));
  });

  it('--ca-cert with the CA that signed the server certificate: works, no warning', async ({ expect }) => {
    const { proxy } = await controlPlane({ https: true });
    const r = await inspect(proxy.url, '--ca-cert', 'test/fixtures/control-plane/tls/ca.crt', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).controlPlane.url).toBe(proxy.url);
  });

  it('--insecure-skip-tls-verify: works, and says on stderr that TLS is not verified', async ({ expect }) => {
    const { proxy } = await controlPlane({ https: true });
    const r = await inspect(proxy.url, '--insecure-skip-tls-verify', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`meshgw inspect: warning: TLS verification is off for 127.0.0.1:${proxy.port}: anyone in between can read the token and the answers.\n`);
    expect(JSON.parse(r.stdout).gateways).toHaveLength(3);
  });

  it('https:// to a plain HTTP port: the handshake error says to check the scheme', async ({ expect }) => {
    const { proxy } = await controlPlane();
    const url = proxy.url.replace('http:', 'https:');
    const r = await inspect(url);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `meshgw inspect: The TLS handshake with ${url} failed: wrong version number (EPROTO). Check that the URL scheme matches the port (Kuma serves HTTP on 5681 and HTTPS on 5682) and, if the server requires a client certificate, that one is configured.\n`,
    );
  });

  it('http:// to an HTTPS port: one sentence, no stack trace', async ({ expect }) => {
    const { proxy } = await controlPlane({ https: true });
    const url = proxy.url.replace('https:', 'http:');
    const r = await inspect(url);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`meshgw inspect: ${cutSentence(url)}\n`);
  });
});

describe('the kumactl config', () => {
  const KUMACTL_TOKEN = 'tok-KUMACTL-5e2a7c91-never-print-me';
  const HEADER_SECRET = 'hdr-KUMACTL-03b4f6d8-never-print-me';

  function kumactlHome(url: string): { home: string; file: string } {
    const home = mkdtempSync(join(tmpdir(), 'meshgw-home-'));
    mkdirSync(join(home, '.kumactl'));
    const file = join(home, '.kumactl', 'config');
    writeFileSync(
      file,
      [
        'contexts:',
        '- controlPlane: fake',
        '  name: fake',
        'controlPlanes:',
        '- coordinates:',
        '    apiServer:',
        `      url: ${url}`,
        '      authType: tokens',
        '      authConf:',
        `        token: ${KUMACTL_TOKEN}`,
        '      headers:',
        '      - key: X-Api-Key',
        `        value: ${HEADER_SECRET}`,
        '  name: fake',
        'currentContext: fake',
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    return { home, file };
  }

  it('uses the context, its token and headers; the file is read, never written; no secret in any output', async ({ expect }) => {
    const cp = await startFakeControlPlane({ data: smallDataSet(), adminToken: KUMACTL_TOKEN });
    started.push(cp);
    const { home, file } = kumactlHome(cp.url);
    try {
      const before = { bytes: readFileSync(file), mtime: statSync(file).mtimeMs, mode: statSync(file).mode, entries: readdirSync(join(home, '.kumactl')) };
      const ok = await runCliAsync(['inspect', '--context', 'fake', '--format', 'json'], { env: { HOME: home } });
      expect(ok.code).toBe(0);
      // The token was sent: only the admin may read Secrets, and the certificates are readable.
      expect(cp.requests.every((r) => r.path === '/' || r.identity === 'admin')).toBe(true);
      const edge = (JSON.parse(ok.stdout).gateways as Gateway[]).find((g) => g.name === 'edge')!;
      expect(edge.listeners[0].certificates[0]).toMatchObject({ secret: 'edge-cert', state: 'ok' });

      cp.setFault(/^\/.+/, { kind: 'status', status: 401 });
      const rejected = await runCliAsync(['inspect', '--context', 'fake', '--timeout', TIMEOUT], { env: { HOME: home } });
      expect(rejected.code).toBe(3);
      expect(rejected.stderr).toBe(
        `meshgw inspect: The control plane at ${cp.url} rejected the token (HTTP 401: Invalid authentication data: Unauthenticated). Check --token, MESHGW_TOKEN or the token of the kumactl context.\n`,
      );
      cp.clearFaults();

      for (const run of [ok, rejected]) {
        for (const secret of [KUMACTL_TOKEN, HEADER_SECRET]) {
          expect(run.stdout).not.toContain(secret);
          expect(run.stderr).not.toContain(secret);
        }
      }
      expect(readFileSync(file).equals(before.bytes)).toBe(true);
      expect(statSync(file).mtimeMs).toBe(before.mtime);
      expect(statSync(file).mode).toBe(before.mode);
      expect(readdirSync(join(home, '.kumactl'))).toEqual(before.entries);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
