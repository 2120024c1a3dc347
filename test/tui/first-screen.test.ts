/**
 * The first screen of a large control plane: the gateways it shows are analysed with only what
 * they depend on, and their rows and entries equal those of the whole. Kuma gives a builtin
 * Dataplane to the gateway whose matching selector ranks highest (more tags first), so a gateway
 * that is not shown still decides where a shown gateway's proxies go.
 */
import { describe, expect, it } from 'vitest';
import { maySelect, maySelectAmong } from '@meshgw/engine';
import type { ControlPlaneSnapshot, GatewayDataplane, MeshSnapshot, RawResource } from '@meshgw/kuma-client';
import { analyzeRequest, createAnalysisWorkspaces } from '../../tui/src/data/analysis.js';
import { firstScreen } from '../../tui/src/data/first-screen.js';

const NOW = Date.parse('2026-12-06T00:00:00Z');

const gateway = (mesh: string, name: string, match: unknown, secret?: string): RawResource => ({
  type: 'MeshGateway',
  mesh,
  name,
  selectors: [{ match }],
  conf: {
    listeners: [
      { port: 8080, protocol: 'HTTP', tags: { port: 'http' } },
      ...(secret ? [{ port: 8443, protocol: 'HTTPS', hostname: `${name}.example.com`, tls: { mode: 'TERMINATE', certificates: [{ secret }] } }] : []),
    ],
  },
});

const dataplane = (mesh: string, name: string, tags: Record<string, string>): GatewayDataplane => ({
  mesh,
  name,
  address: '10.0.0.1',
  gatewayType: 'BUILTIN',
  tags,
  labels: {},
  online: true,
  zone: null,
  connectTime: null,
  kumaDpVersion: null,
});

const httpRoute = (mesh: string, name: string, target: string): RawResource => ({
  type: 'MeshHTTPRoute',
  mesh,
  name,
  spec: { targetRef: { kind: 'MeshGateway', name: target }, to: [{ targetRef: { kind: 'Mesh' }, rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], default: { backendRefs: [{ kind: 'MeshService', name: 'backend' }] } }] }] },
});

const secret = (mesh: string, name: string) => ({ mesh, name, labels: {}, modificationTime: null, certificates: [], readable: true });

function mesh(name: string, parts: Partial<MeshSnapshot>): MeshSnapshot {
  return { name, mesh: { type: 'Mesh', name }, gateways: [], gatewayRoutes: [], httpRoutes: [], tcpRoutes: [], dataplanes: [], secrets: { state: 'ok', secrets: [] }, ...parts };
}

// Mesh `a`: `edge` is shown first; the east proxy of service edge goes to `edge-zone`, which
// matches it with two tags. `other` has a proxy, a route and a certificate of its own.
const snapshot: ControlPlaneSnapshot = {
  controlPlane: { url: 'http://127.0.0.1:5681', product: 'Kuma', version: '2.14.3', kumaVersion: '2.14.3', mode: 'zone', zone: null, environment: 'universal', federated: false, gatewaySupport: 'yes' },
  notes: [],
  meshes: [
    mesh('a', {
      gateways: [
        gateway('a', 'other', { 'kuma.io/service': 'other' }, 'other-cert'),
        gateway('a', 'edge', { 'kuma.io/service': 'edge' }, 'edge-cert'),
        gateway('a', 'edge-zone', { 'kuma.io/service': 'edge', 'kuma.io/zone': 'east' }),
      ],
      dataplanes: [
        dataplane('a', 'edge-east', { 'kuma.io/service': 'edge', 'kuma.io/zone': 'east' }),
        dataplane('a', 'edge-west', { 'kuma.io/service': 'edge', 'kuma.io/zone': 'west' }),
        dataplane('a', 'other-1', { 'kuma.io/service': 'other' }),
      ],
      httpRoutes: [httpRoute('a', 'to-edge', 'edge'), httpRoute('a', 'to-other', 'other')],
      secrets: { state: 'ok', secrets: [secret('a', 'edge-cert'), secret('a', 'other-cert')] },
    }),
    mesh('b', { gateways: [gateway('b', 'b-gw', { 'kuma.io/service': 'b' })], dataplanes: [dataplane('b', 'b-1', { 'kuma.io/service': 'b' })] }),
  ],
};

describe('firstScreen', () => {
  it('keeps what the shown gateways depend on: their proxies, the gateways competing for them, their routes and Secrets', () => {
    const screen = firstScreen(snapshot.meshes, 1);
    expect([...screen.shown]).toEqual(['a/edge']);
    expect(screen.narrowed).toEqual(['a', 'b']);
    const [a, b] = screen.meshes;
    expect(a.gateways.map((g) => g.name)).toEqual(['edge', 'edge-zone']);
    expect(a.dataplanes.map((d) => d.name)).toEqual(['edge-east', 'edge-west']);
    expect(a.httpRoutes.map((r) => r.name)).toEqual(['to-edge']);
    expect(a.secrets.state === 'ok' && a.secrets.secrets.map((s) => s.name)).toEqual(['edge-cert']);
    expect(b.gateways).toEqual([]);
    expect(b.dataplanes).toEqual([]);
  });

  it('leaves a mesh whole when every gateway fits', () => {
    const screen = firstScreen(snapshot.meshes, 10);
    expect(screen.narrowed).toEqual([]);
    expect(screen.meshes).toEqual(snapshot.meshes);
  });

  it('shows the analysed rows as the whole has them, the others loading', () => {
    const full = analyzeRequest(createAnalysisWorkspaces(), { kind: 'snapshot', snapshot, now: NOW }).model;
    const partial = analyzeRequest(createAnalysisWorkspaces(), { kind: 'snapshot', snapshot, now: NOW, pending: ['b'], firstRows: 1 }).model;
    // Kuma: edge-east goes to edge-zone (two matching tags), edge-west to edge.
    expect(full.gateways.map((r) => [r.name, r.total])).toEqual([
      ['edge', 1],
      ['edge-zone', 1],
      ['other', 1],
      ['b-gw', 1],
    ]);
    expect(partial.gateways.map((r) => r.key)).toEqual(full.gateways.map((r) => r.key));
    expect(partial.gateways[0]).toEqual(full.gateways[0]);
    expect(partial.gateways.slice(1).every((r) => r.pending)).toBe(true);
    expect([...partial.entries.keys()]).toEqual([full.gateways[0].key]);
    expect(partial.entries.get(full.gateways[0].key)).toEqual(full.entries.get(full.gateways[0].key));
    expect(partial.pendingMeshes).toEqual(['a', 'b']);
    expect(partial.certificates).toEqual([]);
    expect(full.certificates.map((c) => c.name)).toContain('edge-cert');
  });
});

describe('maySelect', () => {
  const tags = { 'kuma.io/service': 'edge', 'kuma.io/zone': 'east' };
  it.each([
    ['a match within the tags', [{ match: { 'kuma.io/service': 'edge' } }], true],
    ['a match with `*`', [{ match: { 'kuma.io/zone': '*' } }], true],
    ['a match with another value', [{ match: { 'kuma.io/service': 'other' } }], false],
    ['a match with a tag the proxy lacks', [{ match: { 'kuma.io/service': 'edge', version: 'v1' } }], false],
    ['an empty match (selects nothing)', [{ match: {} }], false],
    ['no selectors', [], false],
    ['selectors that are not a list (kept)', 'oops', true],
    ['a match that is not a map (kept)', [{ match: ['x'] }], true],
    ['a value that is not text (kept)', [{ match: { 'kuma.io/service': 1 } }], true],
  ])('%s', (_, selectors, expected) => {
    expect(maySelect(selectors)(tags)).toBe(expected);
  });

  it('finds through its index what testing each item finds (maySelectAmong)', () => {
    const values = ['a', 'b', '*'];
    const keys = ['kuma.io/service', 'kuma.io/zone', 'version'];
    // Every proxy with up to three of the tags, each a or b; every selector with up to two entries.
    const proxies: Record<string, string>[] = [];
    for (let n = 0; n < 27; n++) {
      const tags: Record<string, string> = {};
      keys.forEach((key, i) => {
        const v = Math.floor(n / 3 ** i) % 3;
        if (v < 2) tags[key] = values[v];
      });
      proxies.push(tags);
    }
    const matches: Record<string, string>[] = [{}];
    for (const k1 of keys) for (const v1 of values) {
      matches.push({ [k1]: v1 });
      for (const k2 of keys) for (const v2 of values) if (k2 !== k1) matches.push({ [k1]: v1, [k2]: v2 });
    }
    const among = maySelectAmong(proxies, (tags) => tags);
    const selectorSets: unknown[] = [...matches.map((match) => [{ match }]), matches.slice(1, 4).map((match) => ({ match })), 'oops', []];
    for (const selectors of selectorSets) {
      const found = among(selectors);
      expect(proxies.filter((p) => found.has(p))).toEqual(proxies.filter(maySelect(selectors)));
      expect(found.size).toBe(proxies.filter(maySelect(selectors)).length);
    }
  });
});
