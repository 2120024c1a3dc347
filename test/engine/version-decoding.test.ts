import { inRange, parseKumaVersion, versionRangeText } from '@meshgw/engine/testing';
import { analyzeFiles } from '@meshgw/engine';
import { describe, expect, it } from 'vitest';

// What each Kuma version's decoder reads, from its protos (api/mesh/v1alpha1/*.proto at each tag)
// and its resource registry: fields and enum names a version lacks, and kinds it does not have.

const v = (text: string) => parseKumaVersion(text)!;

function errors(text: string, version: string): string[] {
  const result = analyzeFiles([{ file: 'a.yaml', text }], { now: new Date('2026-06-01T00:00:00Z'), kumaVersion: v(version) });
  return (result.diagnosticsByFile.get('a.yaml') ?? []).filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.path ?? ''}`);
}

describe('version ranges', () => {
  it('holds a version in any of several ranges', () => {
    const declared = [{ until: '2.2' }, { since: '2.3' }];
    expect(['2.1', '2.2', '2.3'].map((t) => inRange(v(t), declared))).toEqual([true, false, true]);
  });

  it('says a range in words', () => {
    expect(versionRangeText({ since: '2.6' })).toBe('from Kuma 2.6');
    expect(versionRangeText({ until: '2.2' })).toBe('before Kuma 2.2');
    expect(versionRangeText({ since: '2.8', until: '2.9' })).toBe('from Kuma 2.8, before 2.9');
    expect(versionRangeText([{ until: '2.2' }, { since: '2.3' }])).toBe('before Kuma 2.2 and from Kuma 2.3');
  });
});

describe('what a version decodes', () => {
  const gateway = (listener: string) => `type: MeshGateway
mesh: default
name: edge
selectors:
  - match:
      kuma.io/service: edge
conf:
  listeners:
    - port: 8443
${listener}
`;

  it('refuses a TLS listener by name only where the protos lack it (2.2)', () => {
    const tls = gateway('      protocol: TLS\n      tls:\n        mode: TERMINATE\n        certificates:\n          - secret: cert');
    expect(errors(tls, '2.1')).toEqual(['gateway-listener: conf.listeners[0].protocol']);
    expect(errors(tls, '2.2')).toEqual(['enum-unknown: ']);
    expect(errors(tls, '2.3')).toEqual([]);
  });

  it('drops a field the target does not know before admission reads it', () => {
    const route = `type: MeshGatewayRoute
mesh: default
name: r
selectors:
  - match:
      kuma.io/service: edge
conf:
  http:
    rules:
      - matches:
          - path: { match: PREFIX, value: / }
        filters:
          - rewrite:
              hostToBackendHostname: true
          - requestHeader:
              set:
                - { name: Host, value: example.com }
        backends:
          - destination:
              kuma.io/service: web
`;
    // From 2.2 the host rewrite forbids setting Host; 2.1 drops the field and accepts the route.
    expect(errors(route, '2.2')).toEqual(['route-filters: conf.http.rules[0].filters[0].request_header.set[0]']);
    expect(errors(route, '2.1')).toEqual([]);
  });

  it('refuses a kind the target does not have, and nothing else', () => {
    const tcpRoute = 'type: MeshTCPRoute\nmesh: default\nname: r\nspec:\n  targetRef:\n    kind: MeshGateway\n';
    expect(errors(tcpRoute, '2.2')).toEqual(['kind-version: ']);
    // 2.3's schema has no MeshGateway among the kinds of a targetRef (2.3.7 answered so).
    expect(errors(tcpRoute, '2.3')).toEqual(['policy-route-schema: spec.targetRef.kind']);
  });
});
