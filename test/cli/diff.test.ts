import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeControlPlane, type FakeControlPlane } from '../support/fake-control-plane.js';
import { ADMIN_TOKEN, USER_TOKEN, smallDataSet } from '../support/fake-cp-data.js';
import { runCliAsync } from '../support/run-cli-async.js';

// `meshgw diff` against the test control plane, which serves smallDataSet(): MeshGateway `edge`
// (443 HTTPS one.example.com and two.example.com with secret edge-cert, 80 HTTP), bound to the
// builtin proxies edge-1..3 (kuma.io/service: edge), and a Secret `unused` (an ECDSA bundle).

let cp: FakeControlPlane;
let dir: string;
beforeAll(async () => {
  cp = await startFakeControlPlane({ data: smallDataSet(), adminToken: ADMIN_TOKEN, userTokens: [USER_TOKEN] });
  dir = mkdtempSync(join(tmpdir(), 'meshgw-diff-'));
});
afterAll(async () => {
  await cp.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => cp.clearRequests());

/** Writes files into a fresh folder of the temporary directory and returns its path. */
let folders = 0;
function folder(files: Record<string, string>): string {
  const at = join(dir, `case-${++folders}`);
  mkdirSync(at);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(at, name), text);
  return at;
}

const diff = (args: string[], env?: Record<string, string>) => runCliAsync(['diff', '--cp', cp.url, '--token', ADMIN_TOKEN, ...args], { env });

/** The live `edge` gateway, with `listeners` (flow YAML) and `extra` top-level lines. */
const edge = (listeners: string[], extra = '') => `type: MeshGateway
mesh: default
name: edge
selectors:
  - match:
      kuma.io/service: edge
${extra}conf:
  listeners:
${listeners.map((l) => `    - ${l}`).join('\n')}
`;
const ONE = (secret = 'edge-cert') => `{ hostname: one.example.com, port: 443, protocol: HTTPS, tags: { hostname: one }, tls: { mode: TERMINATE, certificates: [{ secret: ${secret} }] } }`;
const TWO = (host = 'two') => `{ hostname: ${host}.example.com, port: 443, protocol: HTTPS, tags: { hostname: ${host} }, tls: { mode: TERMINATE, certificates: [{ secret: edge-cert }] } }`;
const HTTP = '{ port: 80, protocol: HTTP }';

interface Json {
  version: number;
  changed: boolean;
  summary: Record<string, number>;
  gateways: {
    mesh: string;
    name: string;
    status: string;
    summary: string;
    listeners: { port: number; hostname: string; status: string; certificates: { source: string; before: { keyType: string } | null; after: { keyType: string } | null }[]; tags: { dataplane: string | null; changes: unknown[] }[] }[];
  }[];
  unchanged: { mesh: string; name: string }[];
  diagnostics: { file: string; code: string; range: { start: { line: number } } }[];
}

describe('meshgw diff: what changes', () => {
  it('the live gateway written again is no change: exit 0', async () => {
    const r = await diff([folder({ 'edge.yaml': edge([ONE(), TWO(), HTTP]) })]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('No change (3 gateways compared).');
    const json = JSON.parse((await diff([folder({ 'edge.yaml': edge([ONE(), TWO(), HTTP]) }), '--format', 'json'])).stdout) as Json;
    expect([json.version, json.changed, json.gateways, json.summary]).toEqual([1, false, [], { added: 0, removed: 0, changed: 0, unchanged: 3 }]);
  });

  it('listeners added, removed and changed, with tags and certificates: exit 1', async () => {
    const files = folder({ 'edge.yaml': edge([ONE('unused'), TWO('three'), HTTP], 'tags:\n  team: web\n') });
    const r = await diff([files, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toContain(ADMIN_TOKEN);
    expect(r.stdout).not.toContain('PRIVATE KEY');
    const json = JSON.parse(r.stdout) as Json;
    expect(json.changed).toBe(true);
    expect(json.unchanged.map((g) => g.name)).toEqual(['internal', 'pay-gw']);
    const [g] = json.gateways;
    expect([g.mesh, g.name, g.status, g.summary]).toEqual(['default', 'edge', 'changed', '1 listener added, 1 removed, 2 changed, 1 port changed']);
    // Listeners are matched by port and hostname, as Kuma makes one virtual host per hostname.
    expect(g.listeners.map((l) => [l.port, l.hostname, l.status])).toEqual([
      [80, '*', 'changed'],
      [443, 'one.example.com', 'changed'],
      [443, 'three.example.com', 'added'],
      [443, 'two.example.com', 'removed'],
    ]);
    // The gateway's tags overlay every bound dataplane's, on every listener.
    const http = g.listeners[0];
    expect(http.tags.map((t) => t.dataplane)).toEqual(['edge-1', 'edge-2', 'edge-3']);
    expect(http.tags[0].changes).toEqual([{ key: 'team', before: null, after: { value: 'web', from: 'gateway' } }]);
    const one = g.listeners[1];
    expect(one.certificates.map((c) => [c.source, c.before?.keyType ?? null, c.after?.keyType ?? null])).toEqual([
      ['secret edge-cert', 'RSA', null],
      ['secret unused', null, 'ECDSA'],
    ]);
  });

  it('text: kubectl diff-like - and + lines, no colours with NO_COLOR', async () => {
    const r = await diff([folder({ 'edge.yaml': edge([ONE('unused'), TWO(), HTTP]) })]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([`Kuma 2.14.3 at ${cp.url} (zone, zone default)`, 'Kuma 2.14.3 rules (the version the control plane runs).']);
    expect(lines).toContain('--- MeshGateway edge (mesh default)  cp:/meshes/default/meshgateways/edge');
    expect(lines.some((l) => l.startsWith('+++ MeshGateway edge (mesh default)  ') && l.endsWith('edge.yaml'))).toBe(true);
    expect(lines.filter((l) => /^[-+] +cert /.test(l)).map((l) => l.replace(/:.*/, ''))).toEqual(['-      cert secret edge-cert', '+      cert secret unused']);
    expect(lines.at(-2)).toBe('1 gateway changes (3 gateways compared): default/edge (1 listener changed).');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('colours with FORCE_COLOR, none when NO_COLOR is set too', async () => {
    const files = folder({ 'edge.yaml': edge([ONE('unused'), TWO(), HTTP]) });
    const forced = await diff([files], { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\u001b[31m-      cert secret edge-cert');
    expect(forced.stdout).toContain('\u001b[32m+      cert secret unused');
    const both = await diff([files], { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(both.stdout).not.toContain('\u001b[');
  });

  it('reports the diagnostics the files get only against the control plane', async () => {
    // Alone, this gateway binds nothing and contests nothing; live, the `edge` gateway keeps the dataplanes.
    const copy = edge(['{ port: 9000, protocol: TCP }']).replace('name: edge', 'name: edge-copy');
    const r = await diff([folder({ 'copy.yaml': copy }), '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as Json;
    expect(json.gateways.map((g) => [g.name, g.status, g.summary])).toEqual([['edge-copy', 'added', 'new gateway, 1 listener']]);
    const contested = json.diagnostics.find((d) => d.code === 'dataplane-contested');
    expect(contested?.file.endsWith('copy.yaml')).toBe(true);
    expect(contested?.range.start.line).toBe(4);
    const text = await diff([folder({ 'copy.yaml': copy })]);
    expect(text.stdout).toContain('Only against the control plane:');
    expect(text.stdout).toMatch(/copy\.yaml:5:\d+ warning .*\[dataplane-contested\]/);
  });
});

describe('meshgw diff: a mesh that does not exist', () => {
  it('says Kuma refuses the gateway until its Mesh exists, unless the files hold the Mesh', async () => {
    const gateway = edge([HTTP]).replace('mesh: default', 'mesh: staging');
    const r = await diff([folder({ 'edge.yaml': gateway })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('meshgw diff: note: mesh staging is neither on the control plane nor in the files: Kuma refuses MeshGateway edge ("mesh of name staging is not found") until it exists.');
    const withMesh = await diff([folder({ 'edge.yaml': gateway, 'mesh.yaml': 'type: Mesh\nname: staging\n' })]);
    expect(withMesh.stderr).toBe('');
  });
});

describe('meshgw diff: exit statuses', () => {
  it('2 without PATH, for a missing path, broken YAML or no Kuma resource, before any request', async () => {
    const cases = [[], [join(dir, 'missing')], [folder({ 'broken.yaml': 'type: MeshGateway\nmesh: default\nname: edge\nconf: { listeners: [\n' })], [folder({ 'other.yaml': 'kind: ConfigMap\nname: x\n' })]];
    for (const paths of cases) {
      const r = await diff(paths);
      expect(r.code, paths.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^meshgw diff: /);
    }
    expect(cp.requests).toEqual([]);
    expect((await diff([folder({ 'edge.yaml': edge([HTTP]) }), '--format', 'yaml'])).code).toBe(2);
  });

  it('2 with no control plane and no kumactl config, saying how to choose', async () => {
    const r = await runCliAsync(['diff', folder({ 'edge.yaml': edge([HTTP]) })]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--cp URL');
  });

  it('3 when the control plane cannot be reached or refuses the token, never printing it', async () => {
    const files = folder({ 'edge.yaml': edge([HTTP]) });
    const refused = await runCliAsync(['diff', files, '--cp', 'http://127.0.0.1:9', '--token', ADMIN_TOKEN]);
    expect(refused.code).toBe(3);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    const bad = await runCliAsync(['diff', files, '--cp', cp.url, '--token', 'tok-WRONG-never-print-me']);
    expect(bad.code).toBe(3);
    for (const r of [refused, bad]) {
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(/tok-/);
    }
  });

  it('help names the exit statuses; meshgw --help lists the command', async () => {
    const r = await runCliAsync(['diff', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 {2}nothing changes\n {2}1 {2}a gateway changes\n {2}2 {2}usage error/);
    expect((await runCliAsync(['--help'])).stdout).toMatch(/\n {2}diff {5}/);
  });
});
