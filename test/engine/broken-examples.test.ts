import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFiles } from '@meshgw/engine';
import { describe, expect, it } from 'vitest';

/**
 * Each file of examples/broken states, in `# expect: <path>: <message>` lines, the admission
 * errors Kuma v2.14.3 prints for it (read from Kuma's validators). The engine must report
 * exactly those, as admission errors, and no others, each pointing at a node inside the
 * resource rather than at the whole document.
 */
const DIR = join(import.meta.dirname, '..', '..', 'examples', 'broken');
const NOW = new Date('2026-06-01T00:00:00Z');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
const withExpectations = files
  .map((name) => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const expected = [...text.matchAll(/^# expect: (.*)$/gm)].map((m) => m[1].trim());
    return { name, text, expected };
  })
  .filter((f) => f.expected.length > 0);

describe('examples/broken admission errors match Kuma', () => {
  it('covers many files', () => {
    expect(withExpectations.length).toBeGreaterThan(50);
  });

  it.each(withExpectations.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const result = analyzeFiles([{ file: f.name, text: f.text }], { now: NOW });
    const diagnostics = result.diagnosticsByFile.get(f.name) ?? [];
    const admission = diagnostics.filter((d) => d.admission);
    expect(admission.map((d) => `${d.path}: ${d.message}`).sort()).toEqual([...f.expected].sort());
    for (const d of admission) {
      expect(d.severity).toBe('error');
      const doc = result.files[0].resources.find((r) => d.span.start >= r.span.start && d.span.end <= r.span.end);
      expect(doc, `span of ${d.path} lies inside a resource`).toBeDefined();
      expect(d.span.end - d.span.start).toBeLessThan(doc!.span.end - doc!.span.start);
    }
  });
});

describe('valid examples', () => {
  const root = join(import.meta.dirname, '..', '..', 'examples');
  const valid = ['edge-gateway', 'tcp-tls-gateway', 'cross-mesh-gateway', 'kubernetes'];
  it.each(valid)('%s has no errors or warnings', (folder) => {
    const names = readdirSync(join(root, folder)).filter((f) => f.endsWith('.yaml'));
    const inputs = names.map((n) => ({ file: `${folder}/${n}`, text: readFileSync(join(root, folder, n), 'utf8') }));
    const result = analyzeFiles(inputs, { now: NOW });
    const problems = [...result.diagnosticsByFile.values()].flat().filter((d) => d.severity === 'error' || d.severity === 'warning');
    expect(problems.map((d) => `${d.file}: ${d.code}: ${d.message}`)).toEqual([]);
  });
});
