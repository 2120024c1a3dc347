import { describe, expect, it } from 'vitest';
import { complete, hover, symbols } from './check.js';

// Editor features at a cursor mark `$0` inside inline YAML. Expectations follow Kuma's rules:
// a listener's tags are the dataplane's gateway tags, overlaid by the gateway's, then the
// listener's; listeners sharing a port become one Envoy listener; enum values are Kuma's names.

const DATAPLANE = `type: Dataplane
mesh: default
name: edge-1
networking:
  address: 10.0.0.1
  gateway:
    type: BUILTIN
    tags:
      kuma.io/service: edge
      location: eu
      team: ops
`;

const gateway = (listeners: string) => `type: MeshGateway
mesh: default
name: edge
selectors:
  - match:
      kuma.io/service: edge
tags:
  team: core
conf:
  listeners:
${listeners}`;

const HTTP_80 = `    - port: 80
      protocol: HTTP
      hostname: a.example.com
      tags:
        team: web
`;

describe('hover', () => {
  const cases: { name: string; marked: string; expect: RegExp[] }[] = [
    {
      name: 'a listener tag shows its final value and what it overrides',
      marked: gateway(HTTP_80.replace('team: web', 'team: w$0eb')),
      expect: [/Final value: `web`, from the listener/, /overrides the gateway value `core`/],
    },
    {
      name: 'a gateway tag overridden by a listener says so',
      marked: gateway(HTTP_80).replace('team: core', 'team: co$0re'),
      expect: [/team/],
    },
    {
      name: 'a port shows every listener merged on it, most specific hostname first',
      marked: gateway(`${HTTP_80}    - port: 8$00
      protocol: HTTP
      hostname: '*.example.com'
`),
      expect: [/\*\*Port 80\*\* · HTTP · 2 listeners/, /Hostnames, most specific first: `a\.example\.com`, `\*\.example\.com`/],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const h = hover(c.marked, { 'dp.yaml': DATAPLANE });
      expect(h).not.toBeNull();
      for (const re of c.expect) expect(h?.markdown).toMatch(re);
    });
  }

  it('a gateway Kuma refuses says so first, and shows the protocol as written', () => {
    const h = hover(gateway(`    - port: 80
      protocol: HT
      hostname: a.exa$0mple.com
`));
    expect(h?.markdown.split('\n')[0]).toMatch(/^\*\*REJECTED by Kuma: .*"HT"/);
    expect(h?.markdown).toMatch(/port 80 \(HT\)/);
    expect(h?.markdown).not.toMatch(/NONE/);
  });

  it('a listener bound to dataplanes with different tags shows them per dataplane', () => {
    const other = DATAPLANE.replace('edge-1', 'edge-2').replace('10.0.0.1', '10.0.0.2').replace('location: eu', 'location: us');
    const h = hover(gateway(HTTP_80.replace('protocol: HTTP', 'protocol: HT$0TP')), { 'dp.yaml': DATAPLANE, 'dp2.yaml': other });
    expect(h?.markdown).toMatch(/\| location \| eu, us \(varies: 2 dataplanes\) \| dataplane \|/);
    expect(h?.markdown).toMatch(/\| edge-1 \| eu \|/);
    expect(h?.markdown).toMatch(/\| edge-2 \| us \|/);
  });

  it('says nothing outside a Kuma resource', () => {
    expect(hover('kind: ConfigMap\ndata:\n  a: b$0\n')).toBeNull();
  });
});

describe('completion', () => {
  const labels = (marked: string) => complete(marked, { 'dp.yaml': DATAPLANE }).map((e) => e.label);

  it('offers the listener protocols Kuma accepts', () => {
    expect(labels(gateway(HTTP_80.replace('protocol: HTTP', 'protocol: $0')))).toEqual(['TCP', 'TLS', 'HTTP', 'HTTPS']);
  });

  it('offers the TLS modes at `mode:`', () => {
    const marked = gateway(`    - port: 443
      protocol: HTTPS
      hostname: a.example.com
      tls:
        mode: $0
`);
    expect(labels(marked)).toEqual(expect.arrayContaining(['TERMINATE', 'PASSTHROUGH']));
  });

  it('offers the keys of a listener that are not written yet', () => {
    const got = labels(gateway(`    - port: 80
      protocol: HTTP
      $0
`));
    expect(got).toEqual(expect.arrayContaining(['hostname', 'tags', 'tls']));
    expect(got).not.toContain('port');
  });

  it('offers whole documents in an empty file', () => {
    expect(labels('$0')).toEqual(expect.arrayContaining(['MeshGateway', 'MeshGatewayRoute']));
  });
});

describe('symbols', () => {
  it('outline a gateway with its listeners as port, protocol and hostname', () => {
    const [gw] = symbols(gateway(HTTP_80));
    expect(gw.name).toBe('MeshGateway edge');
    expect(gw.children.map((c) => c.name)).toEqual([':80 HTTP a.example.com']);
  });
});
