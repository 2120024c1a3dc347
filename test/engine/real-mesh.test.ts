import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyzeFiles, inspectJson, inspectText } from '@meshgw/engine';
import { describe, expect, it } from 'vitest';

// Small workspaces in test/fixtures/mesh, each showing one way a real mesh differs from one
// resource at a time. Expectations follow Kuma: each gateway Dataplane is configured on its own;
// a resource Kuma refuses never exists; applying copies in file order leaves the last one Kuma
// accepts; a Dataplane runs exactly one gateway (most tags, then most exact values, then newer,
// then first by name).

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'mesh');
const NOW = new Date('2026-06-01T00:00:00Z');

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? files(p) : name.endsWith('.yaml') ? [p] : [];
    });
}

function analyze(name: string) {
  const dir = join(ROOT, name);
  const result = analyzeFiles(files(dir).map((f) => ({ file: relative(dir, f), text: readFileSync(f, 'utf8') })), { now: NOW });
  const diagnostics = [...result.diagnosticsByFile.values()].flat();
  return { result, diagnostics, json: inspectJson(result.gateways), text: inspectText(result.gateways) };
}

describe('a real mesh', () => {
  it('final tags are per dataplane: shared tags, varying tags, and routes on some dataplanes', () => {
    const { json, text } = analyze('per-dataplane-tags');
    const [listener] = json.gateways[0].listeners;
    expect(listener.finalTags).toEqual({ 'kuma.io/service': 'edge-gateway' });
    expect(listener.finalTagsByDataplane).toEqual({
      'edge-gateway-1': { 'kuma.io/service': 'edge-gateway', location: 'us' },
      'edge-gateway-2': { 'kuma.io/service': 'edge-gateway', location: 'eu' },
    });
    expect(listener.varyingTags).toEqual([{ key: 'location', values: ['eu', 'us'], dataplanes: 2 }]);
    expect(listener.routes).toEqual([{ kind: 'MeshGatewayRoute', name: 'eu-only', effective: true, dataplanes: ['edge-gateway-2'] }]);
    expect(text).toMatch(/location\s+eu, us \(varies: 2 dataplanes\)/);
  });

  it('a route Kuma refuses does not attach, and the gateway says what it would have done', () => {
    const { json, diagnostics } = analyze('rejected-route');
    expect(json.gateways[0].listeners[0].routes).toEqual([]);
    const said = diagnostics.filter((d) => d.code === 'reference-rejected');
    expect(said).toHaveLength(1);
    expect(said[0].file).toBe('gateway.yaml');
    expect(said[0].message).toBe(
      'MeshGatewayRoute "vhost-only-route" would attach to listener #0 (port 8080), but Kuma rejects it: selectors[0].match: mandatory tag "kuma.io/service" is missing',
    );
    expect(diagnostics.filter((d) => d.code === 'route-unattached')).toEqual([]);
  });

  it('a gateway Kuma refuses is shown as rejected, binds nothing, and never prints a port or protocol Kuma would not have', () => {
    const { json, text } = analyze('rejected-gateway');
    const [g] = json.gateways;
    expect(g.admitted).toBe(false);
    expect(g.admissionErrors).toHaveLength(1);
    expect(g.admissionErrors[0].message).toMatch(/"HT"/);
    expect(g.dataplanes).toEqual([]);
    expect(g.listeners.map((l) => l.written)).toEqual([
      { port: '70000', protocol: 'HTTP' },
      { port: '8080', protocol: 'HT' },
    ]);
    expect(text).toMatch(/REJECTED by Kuma/);
    expect(text).toMatch(/port 8080 HT \(as written; Kuma refuses it\)/);
    expect(text).not.toMatch(/ NONE\b|port 0\b/);
  });

  it('copies of one resource warn on every copy, and the copy applying leaves is the one merged', () => {
    const { json, diagnostics } = analyze('duplicates');
    expect(json.gateways).toHaveLength(1);
    expect(json.gateways[0].file).toBe('staging/gateway.yaml');
    expect(json.gateways[0].ports.map((p) => p.port)).toEqual([8080]);
    expect(json.gateways[0].duplicates).toEqual(['prod/gateway.yaml']);
    expect(json.gateways[0].dataplanes.map((d) => d.name)).toEqual(['edge-gateway-1']);
    const dup = diagnostics.filter((d) => d.code === 'duplicate-resource');
    expect(dup.map((d) => d.file).sort()).toEqual(['prod/dataplane.yaml', 'prod/gateway.yaml', 'staging/dataplane.yaml', 'staging/gateway.yaml']);
    expect(dup.every((d) => d.related?.length === 1)).toBe(true);
    expect(dup.find((d) => d.file === 'prod/gateway.yaml')?.message).toMatch(/the copy in staging\/gateway\.yaml replaces it/);
  });

  it('a dataplane two gateways select runs the better-ranked one, and the other says why', () => {
    const { json, diagnostics } = analyze('contested');
    const edge = json.gateways.find((g) => g.name === 'edge-gateway')!;
    const specific = json.gateways.find((g) => g.name === 'specific-gateway')!;
    expect(specific.dataplanes.map((d) => d.name)).toEqual(['edge-gateway-1']);
    expect(edge.dataplanes).toEqual([]);
    expect(edge.lostDataplanes).toEqual([{ name: 'edge-gateway-1', winner: 'specific-gateway', reason: expect.stringMatching(/more tags/) }]);
    const contested = diagnostics.filter((d) => d.code === 'dataplane-contested');
    expect(contested).toHaveLength(1);
    expect(contested[0].file).toBe('edge-gateway.yaml');
    expect(contested[0].message).toMatch(/^Dataplane "edge-gateway-1" matches selector #0 of this gateway, but Kuma gives it to MeshGateway "specific-gateway"/);
  });

  it('documents that look like Kuma resources of an unknown kind are reported with the closest kind', () => {
    const { diagnostics } = analyze('unknown-kinds');
    const unknown = diagnostics.filter((d) => d.code === 'unknown-kind');
    expect(unknown.map((d) => d.message.match(/^"([^"]+)"/)?.[1])).toEqual(['MeshGatway', 'meshgateway', 'MeshGateWay']);
    expect(unknown.every((d) => d.message.includes('Did you mean "MeshGateway"?'))).toBe(true);
  });

  it('a Secret Kuma refuses does not provide a certificate', () => {
    const { json, diagnostics } = analyze('rejected-secret');
    expect(json.gateways[0].listeners[0].certificates[0].state).toBe('not-found');
    const said = diagnostics.filter((d) => d.code === 'reference-rejected');
    expect(said).toHaveLength(1);
    expect(said[0].message).toMatch(/^Secret "Example-Cert" would provide this certificate, but Kuma rejects it: name: /);
  });

  it('a Dataplane Kuma refuses does not run the gateway', () => {
    const { json, diagnostics } = analyze('rejected-dataplane');
    expect(json.gateways[0].dataplanes).toEqual([]);
    expect(diagnostics.find((d) => d.code === 'reference-rejected')?.message).toBe(
      'Dataplane "edge-gateway-1" would run this gateway, but Kuma rejects it: networking.inbound: inbound cannot be defined for builtin gateways',
    );
  });
});
