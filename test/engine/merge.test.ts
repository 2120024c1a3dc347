import { analyzeFiles, type MergedGateway } from '@meshgw/engine';
import { describe, expect, it } from 'vitest';

const NOW = new Date('2026-06-01T00:00:00Z');

/** Analyses inline YAML files and returns the merged gateways by name. */
function check(files: Record<string, string>): Map<string, MergedGateway> {
  const result = analyzeFiles(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { now: NOW },
  );
  return new Map(result.gateways.map((g) => [g.name, g]));
}

function tags(g: MergedGateway, listener: number): string {
  return g.listeners[listener].finalTags.map((t) => `${t.key}=${t.value}`).join(',');
}

const dataplane = (name: string, tagLines: string) => `
type: Dataplane
mesh: default
name: ${name}
networking:
  address: 10.0.0.1
  gateway:
    type: BUILTIN
    tags:
${tagLines}
`;

describe('final tags: dataplane tags, overlaid by gateway tags, overlaid by listener tags', () => {
  // The rows of the table in Kuma's builtin listener docs (the admissible ones, typo fixed).
  it.each([
    {
      dp: '      kuma.io/service: edge-gateway',
      listenerTags: '        vhost: foo.example.com',
      expected: 'kuma.io/service=edge-gateway,vhost=foo.example.com',
    },
    {
      dp: '      kuma.io/service: edge\n      location: us',
      listenerTags: '        version: "2"',
      expected: 'kuma.io/service=edge,location=us,version=2',
    },
  ])('$expected', ({ dp, listenerTags, expected }) => {
    const gws = check({
      'dp.yaml': dataplane('dp-1', dp),
      'gw.yaml': `
type: MeshGateway
mesh: default
name: gw
selectors:
  - match:
      kuma.io/service: ${dp.includes('edge-gateway') ? 'edge-gateway' : 'edge'}
conf:
  listeners:
    - port: 8080
      protocol: HTTP
      tags:
${listenerTags}
`,
    });
    expect(tags(gws.get('gw')!, 0)).toBe(expected);
  });

  it('a later layer wins and records what it overrode', () => {
    const gws = check({
      'dp.yaml': dataplane('dp-1', '      kuma.io/service: edge\n      location: us\n      team: a'),
      'gw.yaml': `
type: MeshGateway
mesh: default
name: gw
selectors: [{ match: { kuma.io/service: edge } }]
tags: { location: eu, team: b }
conf:
  listeners:
    - { port: 80, protocol: HTTP, tags: { team: c } }
`,
    });
    const t = gws.get('gw')!.listeners[0].finalTags;
    expect(t.map((x) => [x.key, x.value, x.from])).toEqual([
      ['kuma.io/service', 'edge', 'dataplane'],
      ['location', 'eu', 'gateway'],
      ['team', 'c', 'listener'],
    ]);
    expect(t[2].overridden).toEqual([
      { from: 'dataplane', value: 'a' },
      { from: 'gateway', value: 'b' },
    ]);
  });

  it('without a bound dataplane the dataplane layer is what the selector guarantees', () => {
    const gws = check({
      'gw.yaml': `
type: MeshGateway
mesh: default
name: gw
selectors: [{ match: { kuma.io/service: edge, zone-type: "*" } }]
conf:
  listeners: [{ port: 80, protocol: HTTP }]
`,
    });
    const g = gws.get('gw')!;
    expect(g.dataplaneLayerFromSelector).toBe(true);
    expect(g.listeners[0].finalTags.map((x) => [x.key, x.value, x.from])).toEqual([['kuma.io/service', 'edge', 'selector']]);
  });
});

describe('which MeshGateway a builtin dataplane gets', () => {
  const gw = (name: string, match: string, extra = '') => `
type: MeshGateway
mesh: default
name: ${name}
${extra}
selectors: [{ match: { ${match} } }]
conf:
  listeners: [{ port: 80, protocol: HTTP }]
`;
  it('the selector with more tags wins', () => {
    const gws = check({
      'dp.yaml': dataplane('dp-1', '      kuma.io/service: edge\n      zone: a'),
      'a.yaml': gw('a', 'kuma.io/service: edge'),
      'b.yaml': gw('b', 'kuma.io/service: edge, zone: a'),
    });
    expect(gws.get('b')!.dataplanes.map((d) => d.name)).toEqual(['dp-1']);
    expect(gws.get('a')!.dataplanes).toEqual([]);
    expect(gws.get('a')!.lostDataplanes).toEqual([{ name: 'dp-1', winner: 'b', reason: expect.stringMatching(/selector #0 \(2 tags, 2 exact\) outranks this gateway's selector #0 \(1 tag, 1 exact\)/) }]);
  });
  it('with as many tags, more exact values win over `*`', () => {
    const gws = check({
      'dp.yaml': dataplane('dp-1', '      kuma.io/service: edge\n      zone: a'),
      'a.yaml': gw('a', 'kuma.io/service: edge, zone: "*"'),
      'b.yaml': gw('b', 'kuma.io/service: edge, zone: a'),
    });
    expect(gws.get('b')!.dataplanes.map((d) => d.name)).toEqual(['dp-1']);
  });
  it('equal rank and no creation times: the alphabetically first name', () => {
    const gws = check({
      'dp.yaml': dataplane('dp-1', '      kuma.io/service: edge'),
      'z.yaml': gw('zeta', 'kuma.io/service: edge'),
      'a.yaml': gw('alpha', 'kuma.io/service: edge'),
    });
    expect(gws.get('alpha')!.dataplanes.map((d) => d.name)).toEqual(['dp-1']);
  });
  it('equal rank: the gateway created later wins', () => {
    const gws = check({
      'dp.yaml': dataplane('dp-1', '      kuma.io/service: edge'),
      'z.yaml': gw('zeta', 'kuma.io/service: edge', 'creationTime: "2024-05-01T00:00:00Z"'),
      'a.yaml': gw('alpha', 'kuma.io/service: edge', 'creationTime: "2024-01-01T00:00:00Z"'),
    });
    expect(gws.get('zeta')!.dataplanes.map((d) => d.name)).toEqual(['dp-1']);
  });
  it('a selector value must equal the tag, or be `*` for any value', () => {
    const gws = check({
      'dp.yaml': dataplane('dp-1', '      kuma.io/service: other'),
      'a.yaml': gw('a', 'kuma.io/service: edge'),
    });
    expect(gws.get('a')!.dataplanes).toEqual([]);
  });
});

describe('listeners merged by port', () => {
  const gws = check({
    'gw.yaml': `
type: MeshGateway
mesh: default
name: gw
selectors: [{ match: { kuma.io/service: edge } }]
conf:
  listeners:
    - { port: 8080, protocol: HTTP, hostname: "*.example.com" }
    - { port: 8080, protocol: HTTP, hostname: foo.example.com, resources: { connectionLimit: 50 } }
    - { port: 8080, protocol: HTTP }
    - { port: 8080, protocol: HTTP, hostname: "*.a.example.com" }
    - { port: 8080, protocol: HTTP, hostname: bar.example.com }
    - { port: 443, protocol: HTTPS, hostname: x.example.com, crossMesh: false, resources: { connection_limit: 7 }, tls: { mode: TERMINATE, certificates: [{ secret: s }] } }
`,
  });
  const g = gws.get('gw')!;
  it('collapses listeners of one port, ports ascending', () => {
    expect(g.ports.map((p) => [p.port, p.protocol, p.listeners])).toEqual([
      [443, 'HTTPS', [5]],
      [8080, 'HTTP', [0, 1, 2, 3, 4]],
    ]);
  });
  it('orders hostnames most specific first: exact names, then wildcards with more labels, then *', () => {
    expect(g.ports[1].hostnames).toEqual(['bar.example.com', 'foo.example.com', '*.a.example.com', '*.example.com', '*']);
  });
  it('takes the connection limit from the first listener of the port (a later one is dropped)', () => {
    expect(g.ports[1].connectionLimit).toBe(0);
    expect(g.ports[0].connectionLimit).toBe(7);
  });
});

describe('routes attached to listeners', () => {
  const files = {
    'dp.yaml': dataplane('dp-1', '      kuma.io/service: edge'),
    'gw.yaml': `
type: MeshGateway
mesh: default
name: gw
selectors: [{ match: { kuma.io/service: edge } }]
conf:
  listeners:
    - { port: 80, protocol: HTTP, hostname: foo.example.com, tags: { vhost: foo } }
    - { port: 80, protocol: HTTP, hostname: bar.example.com, tags: { vhost: bar } }
    - { port: 9000, protocol: TCP, tags: { vhost: tcp } }
`,
    'routes.yaml': `
type: MeshGatewayRoute
mesh: default
name: all-http
selectors: [{ match: { kuma.io/service: edge } }]
conf: { http: { rules: [{ matches: [{ path: { match: PREFIX, value: / } }], backends: [{ destination: { kuma.io/service: web } }] }] } }
---
type: MeshGatewayRoute
mesh: default
name: foo-only
selectors:
  - match: { kuma.io/service: edge, vhost: nope }
  - match: { kuma.io/service: edge, vhost: foo }
conf: { http: { rules: [{ matches: [{ path: { match: PREFIX, value: / } }], backends: [{ destination: { kuma.io/service: web } }] }] } }
---
type: MeshGatewayRoute
mesh: default
name: any-vhost
selectors: [{ match: { kuma.io/service: edge, vhost: "*" } }]
conf: { tcp: { rules: [{ backends: [{ destination: { kuma.io/service: db } }] }] } }
---
type: MeshGatewayRoute
mesh: default
name: nowhere
selectors: [{ match: { kuma.io/service: other } }]
conf: { tcp: { rules: [{ backends: [{ destination: { kuma.io/service: db } }] }] } }
`,
  };
  it('every route any of whose selectors is a subset of the final tags attaches, per protocol family', () => {
    const g = check(files).get('gw')!;
    expect(g.listeners.map((l) => l.routes.map((r) => r.name))).toEqual([
      ['all-http', 'foo-only'],
      ['all-http'],
      ['any-vhost'],
    ]);
    expect(g.listeners[0].routes[1].selectorIndex).toBe(1);
  });
  it('a route that attaches nowhere is reported at its selectors', () => {
    const result = analyzeFiles(Object.entries(files).map(([file, text]) => ({ file, text })), { now: NOW });
    const d = (result.diagnosticsByFile.get('routes.yaml') ?? []).filter((x) => x.code === 'route-unattached');
    expect(d).toHaveLength(1);
    expect(d[0].resource?.name).toBe('nowhere');
  });
  it('once a MeshHTTPRoute targets the gateway, MeshGatewayRoutes on HTTP listeners are ignored', () => {
    const withPolicy = {
      ...files,
      'mhr.yaml': `
type: MeshHTTPRoute
mesh: default
name: gw-route
spec:
  targetRef: { kind: MeshGateway, name: gw, tags: { vhost: bar } }
  to:
    - targetRef: { kind: Mesh }
      rules: [{ matches: [{ path: { type: PathPrefix, value: / } }], default: { backendRefs: [{ kind: MeshService, name: web }] } }]
`,
    };
    const result = analyzeFiles(Object.entries(withPolicy).map(([file, text]) => ({ file, text })), { now: NOW });
    const g = result.gateways[0];
    expect(g.listeners[1].routes.map((r) => [r.kind, r.name, r.effective])).toEqual([
      ['MeshHTTPRoute', 'gw-route', true],
      ['MeshGatewayRoute', 'all-http', false],
    ]);
    expect(g.listeners[2].routes.map((r) => r.effective)).toEqual([true]);
    const shadowed = (result.diagnosticsByFile.get('routes.yaml') ?? []).filter((x) => x.code === 'route-shadowed').map((x) => x.resource?.name);
    expect(shadowed.sort()).toEqual(['all-http', 'foo-only']);
  });
});

describe('a workspace across edits', () => {
  const gateway = (mesh: string, secret: string) => `
type: MeshGateway
mesh: ${mesh}
name: gw-${mesh}
selectors: [{ match: { kuma.io/service: edge } }]
conf:
  listeners:
    - { port: 443, protocol: HTTPS, hostname: a.example.com, tls: { mode: TERMINATE, certificates: [{ secret: ${secret} }] } }
`;
  it('re-merges the mesh an edit touches and gives the same result as a fresh analysis', async () => {
    const { createWorkspace } = await import('@meshgw/engine');
    const ws = createWorkspace();
    const one = `${gateway('one', 'missing')}---${gateway('two', 'missing')}`;
    ws.setFile('gw.yaml', one);
    const first = ws.analyze({ now: NOW });
    expect(first.gateways.map((g) => [g.name, g.listeners[0].certificates[0].state])).toEqual([
      ['gw-one', 'not-found'],
      ['gw-two', 'not-found'],
    ]);
    // A Secret appears in mesh two only; then the first document grows, moving the second.
    ws.setFile('secret.yaml', 'type: Secret\nmesh: two\nname: missing\ndata: bm90IGEgY2VydGlmaWNhdGU=\n');
    const second = ws.analyze({ now: NOW });
    expect(second.gateways.map((g) => g.listeners[0].certificates[0].state)).toEqual(['not-found', 'ok']);
    const edited = one.replace('name: gw-one', 'name: gw-one-renamed');
    ws.setFile('gw.yaml', edited);
    const third = ws.analyze({ now: NOW });
    const fresh = analyzeFiles(
      [
        { file: 'gw.yaml', text: edited },
        { file: 'secret.yaml', text: 'type: Secret\nmesh: two\nname: missing\ndata: bm90IGEgY2VydGlmaWNhdGU=\n' },
      ],
      { now: NOW },
    );
    const view = (r: typeof third) => ({
      gateways: r.gateways.map((g) => ({ name: g.name, location: g.location, listeners: g.listeners.map((l) => [l.location, l.certificates.map((c) => [c.state, c.location])]) })),
      diagnostics: [...r.diagnosticsByFile.entries()].sort(),
    });
    expect(view(third)).toEqual(view(fresh));
    expect(edited.slice(third.gateways[1].location.span.start, third.gateways[1].location.span.end)).toBe('gw-two');
  });

  it('merges a gateway again when only something it reads changes: a Secret, the day, a dataplane state, a copy', async () => {
    const { createWorkspace } = await import('@meshgw/engine');
    const { readFileSync } = await import('node:fs');
    const pem = (name: string) => Buffer.from(readFileSync(new URL(`../../examples/certs/bundles/${name}`, import.meta.url), 'utf8')).toString('base64');
    const secret = (name: string) => `type: Secret\nmesh: one\nname: cert\ndata: ${pem(name)}\n`;
    const files = new Map([
      ['gw.yaml', gateway('one', 'cert')],
      ['dp.yaml', 'type: Dataplane\nmesh: one\nname: edge-1\nnetworking:\n  address: 10.0.0.1\n  gateway: { type: BUILTIN, tags: { kuma.io/service: edge } }\n'],
      ['secret.yaml', secret('api-example-com-rsa.pem')],
    ]);
    const ws = createWorkspace();
    for (const [file, text] of files) ws.setFile(file, text);
    const view = (r: { gateways: MergedGateway[] }) => JSON.stringify(r.gateways);
    const same = (options: Parameters<typeof analyzeFiles>[1]) => {
      const inputs = [...files].map(([file, text]) => ({ file, text }));
      const incremental = ws.analyze(options);
      expect(view(incremental)).toBe(view(analyzeFiles(inputs, options)));
      return incremental.gateways[0];
    };
    const first = same({ now: NOW });
    expect(first.listeners[0].certificates[0].bundle?.certificates[0].commonName).toBe('api.example.com');
    files.set('secret.yaml', secret('old-example-com.pem'));
    ws.setFile('secret.yaml', files.get('secret.yaml') as string);
    expect(same({ now: NOW }).listeners[0].certificates[0].bundle?.certificates[0].commonName).toBe('old.example.com');
    const daysLeft = (g: MergedGateway) => g.listeners[0].certificates[0].bundle?.certificates[0].daysLeft ?? NaN;
    const today = daysLeft(same({ now: NOW }));
    expect(daysLeft(same({ now: new Date(NOW.getTime() + 400 * 86_400_000) }))).toBe(today - 400);
    expect(same({ now: NOW, dataplaneStatus: { 'one/edge-1': { online: false, zone: null } } }).dataplanes[0].online).toBe(false);
    expect(same({ now: NOW, dataplaneStatus: { 'one/edge-1': { online: true, zone: 'east' } } }).dataplanes[0]).toMatchObject({ online: true, zone: 'east' });
    same({ now: NOW });
    // A later copy that Kuma refuses leaves this gateway in place, now with a copy.
    files.set('copy.yaml', gateway('one', 'cert').replace('port: 443', 'port: 0'));
    ws.setFile('copy.yaml', files.get('copy.yaml') as string);
    expect(same({ now: NOW }).duplicates.map((d) => d.file)).toEqual(['copy.yaml']);
  });
});
