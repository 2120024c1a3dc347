import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeControlPlane, type FakeControlPlane } from '../support/fake-control-plane.js';
import { ADMIN_TOKEN, smallDataSet } from '../support/fake-cp-data.js';
import { runCli } from '../support/run-cli.js';
import { runCliAsync } from '../support/run-cli-async.js';

/** Two meshes, three gateways; on `edge`, the gateway's `version` overrides the dataplane's and a listener's overrides both. */
const RESOURCES = `type: MeshGateway
mesh: default
name: edge
selectors:
  - match:
      kuma.io/service: edge
tags:
  version: v2
conf:
  listeners:
    - port: 8080
      protocol: HTTP
      hostname: foo.example.com
      tags:
        version: v3
    - port: 8080
      protocol: HTTP
      hostname: bar.example.com
---
type: Dataplane
mesh: default
name: edge-1
networking:
  address: 10.0.0.1
  gateway:
    type: BUILTIN
    tags:
      kuma.io/service: edge
      version: v1
---
type: MeshGateway
mesh: default
name: internal
selectors:
  - match:
      kuma.io/service: internal
conf:
  listeners:
    - port: 9090
      protocol: HTTP
---
type: MeshGateway
mesh: payments
name: edge
selectors:
  - match:
      kuma.io/service: pay-edge
conf:
  listeners:
    - port: 8081
      protocol: HTTP
`;

interface Gateway {
  mesh: string;
  name: string;
  listeners: { hostname: string; finalTags: Record<string, string>; tagSources: Record<string, string>; overriddenTags: Record<string, { from: string; value: string }[]> }[];
}

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'meshgw-inspect-options-'));
  file = join(dir, 'gateways.yaml');
  writeFileSync(file, RESOURCES);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function gateways(stdout: string): Gateway[] {
  return (JSON.parse(stdout) as { gateways: Gateway[] }).gateways;
}

describe('meshgw inspect --mesh and --gateway', () => {
  it('keep only the gateways of the mesh, of the name, or both, in JSON', () => {
    const names = (args: string[]) => gateways(runCli(['inspect', '--format', 'json', ...args, file]).stdout).map((g) => `${g.mesh}/${g.name}`);
    expect(names([])).toEqual(['default/edge', 'default/internal', 'payments/edge']);
    expect(names(['--mesh', 'default'])).toEqual(['default/edge', 'default/internal']);
    expect(names(['--gateway', 'edge'])).toEqual(['default/edge', 'payments/edge']);
    expect(names(['--mesh', 'payments', '--gateway', 'edge'])).toEqual(['payments/edge']);
    expect(names(['--mesh', 'nowhere'])).toEqual([]);
  });

  it('keep only those gateways in text', () => {
    const r = runCli(['inspect', '--mesh', 'default', '--gateway', 'internal', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('MeshGateway internal (mesh default)');
    expect(r.stdout).not.toContain('MeshGateway edge');
    expect(runCli(['inspect', '--gateway', 'nothing', file]).stdout).toContain('No MeshGateway found.');
  });

  it('refuse an empty name', () => {
    const r = runCli(['inspect', '--mesh=', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--mesh needs a name');
  });
});

describe('meshgw inspect: overridden tag values', () => {
  it('lists in JSON the values each final tag overrides, earliest layer first, and only for tags that override', () => {
    const edge = gateways(runCli(['inspect', '--format', 'json', '--mesh', 'default', '--gateway', 'edge', file]).stdout)[0];
    const foo = edge.listeners.find((l) => l.hostname === 'foo.example.com')!;
    const bar = edge.listeners.find((l) => l.hostname === 'bar.example.com')!;
    expect(foo.finalTags.version).toBe('v3');
    expect(foo.tagSources.version).toBe('listener');
    expect(foo.overriddenTags).toEqual({ version: [{ from: 'dataplane', value: 'v1' }, { from: 'gateway', value: 'v2' }] });
    expect(bar.overriddenTags).toEqual({ version: [{ from: 'dataplane', value: 'v1' }] });
  });

  it('shows them in text next to the winning value', () => {
    const r = runCli(['inspect', '--gateway', 'edge', '--mesh', 'default', file]);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('      version          v3  (listener; overrides dataplane v1, gateway v2)');
    expect(lines).toContain('      version          v2  (gateway; overrides dataplane v1)');
    expect(lines.find((l) => l.trim().startsWith('kuma.io/service'))).toMatch(/\(dataplane\)$/);
  });
});

describe('meshgw inspect --format', () => {
  it('takes stylish as the same as text', () => {
    const text = runCli(['inspect', '--format', 'text', file]);
    expect(runCli(['inspect', '--format', 'stylish', file]).stdout).toBe(text.stdout);
    const bad = runCli(['inspect', '--format', 'sarif', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be text (or stylish) or json, not "sarif"');
  });
});

describe('meshgw inspect --help', () => {
  it('documents every exit status, 3 when the control plane cannot be read', () => {
    const help = runCli(['inspect', '--help']).stdout;
    expect(help).toMatch(/^ {2}3 {2}the control plane cannot be read/m);
    expect(help).toMatch(/^ {2}2 {2}usage error/m);
    expect(help).toContain('--mesh NAME');
    expect(help).toContain('--gateway NAME');
    expect(help).toContain('text|json');
  });
});

describe('meshgw inspect without paths', () => {
  let cp: FakeControlPlane;
  let home: string;
  beforeAll(async () => {
    cp = await startFakeControlPlane({ data: smallDataSet(), adminToken: ADMIN_TOKEN });
    home = mkdtempSync(join(tmpdir(), 'meshgw-inspect-home-'));
    mkdirSync(join(home, '.kumactl'));
    const config = ['contexts:', '- controlPlane: fake', '  name: fake', 'controlPlanes:', '- coordinates:', '    apiServer:', `      url: ${cp.url}`, '      authType: tokens', '      authConf:', `        token: ${ADMIN_TOKEN}`, '  name: fake', 'currentContext: fake', ''];
    writeFileSync(join(home, '.kumactl', 'config'), config.join('\n'));
  });
  afterAll(async () => {
    await cp.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('reads the control plane of the current kumactl context, as tui does', async () => {
    const r = await runCliAsync(['inspect', '--format', 'json', '--gateway', 'edge'], { env: { HOME: home } });
    expect(r.stderr).not.toContain(ADMIN_TOKEN);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(ADMIN_TOKEN);
    const out = JSON.parse(r.stdout) as { controlPlane: { url: string }; gateways: Gateway[] };
    expect(out.controlPlane.url).toBe(cp.url);
    expect(out.gateways.map((g) => `${g.mesh}/${g.name}`)).toEqual(['default/edge']);
    // The listener tags `hostname: one` and `hostname: two` override nothing.
    expect(out.gateways[0].listeners.every((l) => l.overriddenTags !== undefined)).toBe(true);
  });

  it('filters by mesh on a control plane too', async () => {
    const r = await runCliAsync(['inspect', '--format', 'json', '--mesh', 'payments'], { env: { HOME: home } });
    expect(r.code).toBe(0);
    expect(gateways(r.stdout).map((g) => `${g.mesh}/${g.name}`)).toEqual(['payments/pay-gw']);
  });

  it('with no kumactl config, says how to choose and exits 2', async () => {
    const r = await runCliAsync(['inspect'], { env: { HOME: join(home, 'nowhere') } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no control plane given and no kumactl config at');
    for (const way of ['--context NAME', '--cp URL', 'PATH...']) expect(r.stderr).toContain(way);
  });

  it('a control plane that cannot be read is exit 3', async () => {
    const r = await runCliAsync(['inspect', '--cp', 'http://127.0.0.1:9']);
    expect(r.code).toBe(3);
  });
});
