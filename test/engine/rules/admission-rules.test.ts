import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { admissionDiagnostics, warningDiagnostics, parseFile, parseKumaVersion, recogniseResources } from '@meshgw/engine/testing';
import type { Diagnostic } from '@meshgw/engine';
import type { KumaVersion } from '@meshgw/engine/testing';

/**
 * Golden tests of the admission rules and gateway warnings. Each folder of
 * test/fixtures/rules holds `input.yaml` and `expected.json` (code, Kuma path, message and the
 * text the span covers, for every diagnostic of every resource in the file). Folders ported from
 * Kuma's own validator tests also hold `kuma.json`, Kuma's expected violations, which the
 * admission diagnostics must equal as a set (Kuma's tests do not fix the order). A folder may
 * hold `kuma-version` (e.g. `2.13`): its input is then checked against that Kuma version instead
 * of the newest, for checks that only older versions make.
 * Regenerate with UPDATE_GOLDEN=1 and review the diff.
 */

const FIXTURES = join(import.meta.dirname, '../../fixtures/rules');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Found {
  code: string;
  path: string | null;
  message: string;
  text: string;
}

function check(text: string, target?: KumaVersion): { found: Found[]; diagnostics: Diagnostic[] } {
  const parsed = parseFile('input.yaml', text);
  const diagnostics = recogniseResources(parsed).flatMap((doc) => [...admissionDiagnostics(doc, target), ...warningDiagnostics(doc, target)]);
  const found = diagnostics.map((d) => ({ code: d.code, path: d.path, message: d.message, text: text.slice(d.span.start, d.span.end) }));
  return { found, diagnostics };
}

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('admission rules (golden)', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = join(FIXTURES, name);
      const text = readFileSync(join(dir, 'input.yaml'), 'utf8');
      const versionFile = join(dir, 'kuma-version');
      const target = existsSync(versionFile) ? (parseKumaVersion(readFileSync(versionFile, 'utf8')) ?? undefined) : undefined;
      const { found, diagnostics } = check(text, target);
      const expectedFile = join(dir, 'expected.json');
      if (UPDATE || !existsSync(expectedFile)) {
        writeFileSync(expectedFile, `${JSON.stringify(found, null, 2)}\n`);
      }
      expect(found).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));

      for (const d of diagnostics) {
        // A span is the offending key or value: never empty, never a whole document.
        expect(d.span.end, `${d.path}: empty span`).toBeGreaterThan(d.span.start);
        expect(d.span.end - d.span.start, `${d.path}: span too wide`).toBeLessThan(text.length / 2 + 260);
      }

      const kumaFile = join(dir, 'kuma.json');
      if (existsSync(kumaFile)) {
        const kuma = (JSON.parse(readFileSync(kumaFile, 'utf8')) as { path: string; message: string }[]).map((v) => `${v.path}: ${v.message}`);
        // Kuma's validator tests call the validator directly: without the OpenAPI schema stage.
        const docs = recogniseResources(parseFile('input.yaml', text));
        const ours = docs.flatMap((doc) => admissionDiagnostics(doc, target, { schemaStage: false })).map((d) => `${d.path}: ${d.message}`);
        expect(ours.sort()).toEqual(kuma.sort());
      }
    });
  }
});
