import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeControlPlane, type FakeControlPlane } from '../support/fake-control-plane.js';
import { ADMIN_TOKEN, USER_TOKEN, smallDataSet } from '../support/fake-cp-data.js';
import { runCliAsync } from '../support/run-cli-async.js';

let cp: FakeControlPlane;
beforeAll(async () => {
  cp = await startFakeControlPlane({ data: smallDataSet(), adminToken: ADMIN_TOKEN, userTokens: [USER_TOKEN] });
});
afterAll(async () => {
  await cp.close();
});

interface Listener {
  hostname: string;
  routes: { kind: string; name: string; effective: boolean }[];
  certificates: { secret: string; state: string; daysLeft: number | null }[];
}

describe('meshgw inspect --cp', () => {
  it('builds the merged model from the live control plane', async () => {
    const r = await runCliAsync(['inspect', '--cp', cp.url, '--token', ADMIN_TOKEN, '--format', 'json']);
    expect(r.stderr).not.toContain(ADMIN_TOKEN);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(ADMIN_TOKEN);
    expect(r.stdout).not.toContain('PRIVATE KEY');
    const out = JSON.parse(r.stdout);
    const edge = out.gateways.find((g: { name: string }) => g.name === 'edge');
    // Listeners merged by port: both HTTPS hostnames share 443; the bare HTTP listener is `*`.
    expect(edge.ports.map((p: { port: number; protocol: string; hostnames: string[] }) => [p.port, p.protocol, p.hostnames])).toEqual([
      [80, 'HTTP', ['*']],
      [443, 'HTTPS', ['one.example.com', 'two.example.com']],
    ]);
    // Every builtin proxy with service `edge` is bound; the delegated `kong-1` is not.
    expect(edge.dataplanes.map((d: { name: string; online: boolean }) => [d.name, d.online])).toEqual([
      ['edge-1', true],
      ['edge-2', false],
      ['edge-3', false],
    ]);
    // A MeshHTTPRoute targets the gateway, so Kuma ignores the MeshGatewayRoute there.
    const two: Listener = edge.listeners[1];
    expect(two.routes).toEqual([
      { kind: 'MeshHTTPRoute', name: 'edge-http', effective: true },
      { kind: 'MeshGatewayRoute', name: 'edge-legacy', effective: false },
    ]);
    expect(two.certificates[0]).toMatchObject({ secret: 'edge-cert', state: 'ok' });
    expect(typeof two.certificates[0].daysLeft).toBe('number');
    expect(out.controlPlane.url).toBe(cp.url);
  });

  it('without an admin token, certificates are not readable, and it says why', async () => {
    const r = await runCliAsync(['inspect', '--cp', cp.url, '--token', USER_TOKEN, '--format', 'json']);
    expect(r.code).toBe(0);
    const edge = JSON.parse(r.stdout).gateways.find((g: { name: string }) => g.name === 'edge');
    expect(edge.listeners[0].certificates[0]).toMatchObject({ secret: 'edge-cert', state: 'unreadable', daysLeft: null });
    expect(r.stderr).toContain('certificate expiry needs an admin token');
    expect(r.stderr + r.stdout).not.toContain(USER_TOKEN);
  });

  it('takes the rules of the Kuma a Kong Mesh control plane is based on', async () => {
    const kong = await startFakeControlPlane({ version: '2.8.8', data: smallDataSet(), adminToken: ADMIN_TOKEN });
    try {
      // Kuma 2.8.8's recorded `GET /` with the fields a Kong Mesh build sets; not a recording of Kong Mesh.
      kong.setFault('/', { kind: 'transform', transform: (body) => ({ ...(body as object), tagline: 'Kong Mesh', product: 'Kong Mesh', version: '2.8.5', basedOnKuma: '2.8.8' }) });
      const r = await runCliAsync(['inspect', '--cp', kong.url, '--token', ADMIN_TOKEN]);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n').slice(0, 2)).toEqual([`Kong Mesh 2.8.5 at ${kong.url} (zone, zone default)`, 'Kuma 2.8.8 rules (the version the control plane runs).']);
    } finally {
      await kong.close();
    }
  });

  it('a refused connection is one clear sentence and exit 3', async () => {
    const r = await runCliAsync(['inspect', '--cp', 'http://127.0.0.1:9', '--token', ADMIN_TOKEN]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toContain(ADMIN_TOKEN);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
