import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '@meshgw/engine';
import { bandOfDays, buildViewModel, gatewayDetailLines, lineText, redact, yamlLines, yamlViewLines } from '@meshgw/tui';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOW, testFiles } from './support/data.js';

function model(now = NOW) {
  return buildViewModel(analyzeFiles(testFiles(), { now }), { mode: 'files' });
}

describe('view model', () => {
  it('lists gateways by mesh and name with merged ports, dataplanes and the worst certificate', () => {
    const rows = model().gateways.map((g) => [g.mesh, g.name, g.ports, g.listeners, g.online, g.total, g.worst?.label ?? null]);
    expect(rows).toEqual([
      ['default', 'edge', '8080/HTTP 8443/HTTPS', 5, null, 1, 'expired 1100d ago'],
      ['payments', 'pay', '443/HTTPS', 1, null, 0, '5d left'],
    ]);
  });

  it('sorts certificates Kuma cannot use first, then by days left, with SAN coverage of each listener', () => {
    const rows = model().certificates.map((c) => [c.mesh, c.name, c.status.label, c.status.band, c.notAfter?.slice(0, 10) ?? null, c.coverage.text]);
    expect(rows).toEqual([
      ['default', 'old', 'expired 1100d ago', 'expired', '2024-01-01', '✓ yes'],
      ['default', 'status-missing', 'not found', 'problem', null, '-'],
      ['default', 'promo', '5d left', 'critical', '2027-01-10', '✗ not secure.example.com'],
      ['payments', 'promo', '5d left', 'critical', '2027-01-10', '✓ yes'],
      ['default', 'secure-rsa', '25197d left', 'ok', '2095-12-31', '✓ yes'],
    ]);
  });

  it('puts days left in bands: expired and under 7 red, under 30 yellow', () => {
    expect([bandOfDays(-1, true), bandOfDays(0, false), bandOfDays(6, false), bandOfDays(7, false), bandOfDays(29, false), bandOfDays(30, false)]).toEqual([
      'expired',
      'critical',
      'critical',
      'warning',
      'warning',
      'ok',
    ]);
    const later = model(new Date('2026-12-20T00:00:00Z')).certificates.find((c) => c.mesh === 'payments');
    expect([later?.status.label, later?.status.band, later?.status.tone]).toEqual(['21d left', 'warning', 'warn']);
  });

  it('counts meshes, their gateways, dataplanes and Secrets', () => {
    expect(model().meshes.map((m) => [m.name, m.gateways, m.total, m.secrets.text, m.worst?.label])).toEqual([
      ['default', 1, 1, '3', 'expired 1100d ago'],
      ['payments', 1, 0, '1', '5d left'],
    ]);
  });

  it('shows each listener with its final tags and the layer each comes from', () => {
    const m = model();
    const entry = m.entries.get(m.gateways[0].key)!;
    const text = gatewayDetailLines(entry, m, 120).map(lineText);
    const from = text.indexOf('    listener [1] bar.example.com  HTTP');
    expect(text.slice(from, from + 7)).toEqual([
      '    listener [1] bar.example.com  HTTP',
      '      tag   environment      staging  listener  (overrides gateway production)',
      '      tag   kuma.io/service  edge     dataplane',
      '      tag   team             edge     gateway  (overrides dataplane platform)',
      '      tag   vhost            bar      listener',
      '      no route attached',
      '  :8443 HTTPS  hostnames old.example.com, secure.example.com, status.example.com  connection limit 500',
    ]);
    expect(text).toContain('  :8080 HTTP  hostnames bar.example.com, foo.example.com  no connection limit');
    expect(text).toContain('      cert  promo  5d left  2027-01-10  ECDSA 256  ✗ does not cover secure.example.com');
    expect(text).toContain('      cert  status-missing  not found');
    expect(text).toContain('      route MeshGatewayRoute edge-foo');
    expect(text).toContain('  ○ unknown  edge-1  10.0.0.10  zone -');
  });

  it('never puts key material in YAML', () => {
    const m = model();
    const lines = yamlViewLines({ kind: 'mesh', name: 'payments' }, m).map(lineText);
    expect(lines.join('\n')).not.toMatch(/PRIVATE KEY|SECRETKEYMATERIAL|BEGIN CERTIFICATE/);
    expect(lines.filter((l) => l.includes('inlineString'))).toEqual(['        inlineString: (hidden)', '        inlineString: (hidden)']);
    const facts = yamlViewLines({ kind: 'certificate', key: m.certificates.find((c) => c.name === 'promo')!.key }, m).map(lineText).join('\n');
    expect(facts).toContain('notAfter: "2027-01-10T00:00:00.000Z"');
    expect(facts).not.toMatch(/PRIVATE KEY|data:/);
    expect(redact({ data: 'x', nested: [{ token: 't' }, '-----BEGIN EC PRIVATE KEY-----'] })).toEqual({ data: '(hidden)', nested: [{ token: '(hidden)' }, '(hidden)'] });
  });

  it('writes YAML that quotes what would read differently', () => {
    expect(yamlLines({ a: '*.example.com', b: '8080', c: 'true', d: 'plain text', e: [], f: { g: [1, { h: null }] } })).toEqual([
      'a: "*.example.com"',
      'b: "8080"',
      'c: "true"',
      'd: plain text',
      'e: []',
      'f:',
      '  g:',
      '  - 1',
      '  - h: null',
    ]);
  });

  it('keeps of each final tag what the detail shows, equal tags shared, so that the posted model stays small', () => {
    const dir = join(import.meta.dirname, '..', 'fixtures', 'mesh', 'per-dataplane-tags');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));
    const result = analyzeFiles(files, { now: NOW });
    const entry = [...buildViewModel(result, { mode: 'files' }).entries.values()][0];
    const merged = result.gateways.find((g) => g.name === entry.gateway.name)!;
    const shown = (t: { key: string; value: string; from: string; overridden: unknown }) => [t.key, t.value, t.from, t.overridden];
    entry.gateway.listeners.forEach((l, i) => {
      expect(l.finalTags.map(shown)).toEqual(merged.listeners[i].finalTags.map(shown));
      for (const [dp, tags] of Object.entries(merged.listeners[i].finalTagsByDataplane)) expect(l.finalTagsByDataplane[dp].map(shown)).toEqual(tags.map(shown));
    });
    const [a, b] = Object.values(entry.gateway.listeners[0].finalTagsByDataplane);
    const service = (tags: { key: string }[]) => tags.find((t) => t.key === 'kuma.io/service');
    expect(service(a)).toBeDefined();
    expect(service(a)).toBe(service(b));
  });
});
