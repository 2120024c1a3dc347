import { compareVersions, inRange, parseKumaVersion } from '@meshgw/engine/testing';
import { analyzeFiles, controlPlaneTarget } from '@meshgw/engine';
import { describe, expect, it } from 'vitest';

describe('Kuma versions', () => {
  it('parses a minor or a patch, with or without a leading v', () => {
    expect(parseKumaVersion('2.7')).toEqual({ major: 2, minor: 7, patch: null });
    expect(parseKumaVersion('v2.14.3')).toEqual({ major: 2, minor: 14, patch: 3 });
    expect(parseKumaVersion('2')).toBeNull();
    expect(parseKumaVersion('2.x')).toBeNull();
  });

  it('orders 2.9 before 2.10, and a bare minor after its patches', () => {
    const v = (t: string) => parseKumaVersion(t)!;
    expect(compareVersions(v('2.9'), v('2.10'))).toBeLessThan(0);
    expect(compareVersions(v('2.14'), v('2.14.3'))).toBeGreaterThan(0);
  });

  it('holds a version in [since, until)', () => {
    const v = (t: string) => parseKumaVersion(t)!;
    const range = { since: '2.3', until: '2.6' };
    expect(inRange(v('2.2'), range)).toBe(false);
    expect(inRange(v('2.3'), range)).toBe(true);
    expect(inRange(v('2.5.9'), range)).toBe(true);
    expect(inRange(v('2.6'), range)).toBe(false);
    expect(inRange(v('2.0'), undefined)).toBe(true);
  });
});

describe('merge behaviour by version', () => {
  // Kuma 2.7's gateway names certificates by datasource type and refuses any other
  // (pkg/plugins/runtime/gateway/filter_chain_generator.go: "unsupported datasource type");
  // 2.8 added a case for DataSource_InlineString.
  const GATEWAY = `type: MeshGateway
mesh: default
name: inline-gw
selectors:
  - match:
      kuma.io/service: inline-gw
conf:
  listeners:
    - port: 8443
      protocol: HTTPS
      hostname: a.example.com
      tls:
        mode: TERMINATE
        certificates:
          - inlineString: not-a-real-bundle
`;
  const codes = (version: string) =>
    (analyzeFiles([{ file: 'gw.yaml', text: GATEWAY }], { now: new Date('2026-06-01T00:00:00Z'), kumaVersion: parseKumaVersion(version)! }).diagnosticsByFile.get('gw.yaml') ?? []).map(
      (d) => d.code,
    );

  it('warns that an inlineString certificate fails before 2.8, and not from 2.8', () => {
    for (const v of ['2.0', '2.3', '2.7', '2.7.29']) expect(codes(v), v).toContain('certificate-inline-string');
    for (const v of ['2.8', '2.10', '2.14']) expect(codes(v), v).not.toContain('certificate-inline-string');
  });
});

describe('host order by version', () => {
  // Kuma 2.6 (#9054, MakeGatewayListener) emits a port's hosts most specific first; before, in
  // reverse string order (sort.Slice with `>`), which puts `*` last.
  const GATEWAY = `type: MeshGateway
mesh: default
name: hosts
selectors:
  - match:
      kuma.io/service: hosts
conf:
  listeners:
    - port: 8080
      protocol: HTTP
      hostname: "*.example.com"
    - port: 8080
      protocol: HTTP
      hostname: a.example.com
    - port: 8080
      protocol: HTTP
    - port: 8080
      protocol: HTTP
      hostname: z.example.com
`;
  const hosts = (version: string) =>
    analyzeFiles([{ file: 'gw.yaml', text: GATEWAY }], { now: new Date('2026-06-01T00:00:00Z'), kumaVersion: parseKumaVersion(version)! }).gateways[0].ports[0].hostnames;

  it('lists exact names first from 2.6, and in reverse string order before', () => {
    expect(hosts('2.6')).toEqual(['a.example.com', 'z.example.com', '*.example.com', '*']);
    expect(hosts('2.14')).toEqual(['a.example.com', 'z.example.com', '*.example.com', '*']);
    expect(hosts('2.5')).toEqual(['z.example.com', 'a.example.com', '*.example.com', '*']);
  });
});

describe('the rules for a control plane', () => {
  it('are those of the version it runs when supported, else of the nearest supported minor, said in a sentence', () => {
    expect(controlPlaneTarget('2.7.29')).toEqual({ version: { major: 2, minor: 7, patch: 29 }, warning: null });
    const newer = controlPlaneTarget('v2.15.0');
    expect(newer?.version).toEqual({ major: 2, minor: 14, patch: null });
    expect(newer?.warning).toContain('Using the rules of 2.14.');
    const older = controlPlaneTarget('1.8.1');
    expect(older?.version).toEqual({ major: 2, minor: 0, patch: null });
    expect(older?.warning).toContain('meshgw supports Kuma 2.0 to 2.14');
    expect(controlPlaneTarget('dev')).toBeNull();
    expect(controlPlaneTarget(null)).toBeNull();
  });
});
