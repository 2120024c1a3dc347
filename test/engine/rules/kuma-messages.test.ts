import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMISSION_RULES } from '@meshgw/engine/testing';

/**
 * The catalogue of Kuma's admission messages (test/fixtures/rules/kuma-messages.json): each
 * message is produced, with a matching path, by every fixture listed as `fail`, and no fixture
 * listed as `pass` has a diagnostic of the same rule.
 */

const FIXTURES = join(import.meta.dirname, '../../fixtures/rules');

interface Entry {
  section: string;
  code: string;
  path: string;
  message: string;
  fail: string[];
  pass: string[];
}

interface Found {
  code: string;
  path: string | null;
  message: string;
}

const catalogue = JSON.parse(readFileSync(join(FIXTURES, 'kuma-messages.json'), 'utf8')) as { messages: Entry[] };
const admissionCodes = new Set(ADMISSION_RULES.map((r) => r.id));

function expected(name: string): Found[] {
  const file = join(FIXTURES, name, 'expected.json');
  expect(existsSync(file), `fixture ${name}`).toBe(true);
  return JSON.parse(readFileSync(file, 'utf8')) as Found[];
}

/** A path template as a pattern: `[i]` any index, `["K"]` any key, `.F` any field, `...` anything. */
function pathPattern(template: string): RegExp {
  const escaped = template
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\\\[[a-z]\\\]/g, '\\[\\d+\\]')
    .replace(/\\\["K"\\\]/g, '\\[".*"\\]')
    .replace(/\\\.F/g, '\\.\\w+')
    .replace(/\\\.\\\.\\\./g, '.*');
  return new RegExp(`^(spec\\.)?${escaped}$`);
}

describe('Kuma admission messages', () => {
  it('lists every admission rule', () => {
    const listed = new Set(catalogue.messages.map((e) => e.code));
    for (const code of admissionCodes) expect(listed.has(code), code).toBe(true);
  });

  for (const entry of catalogue.messages) {
    it(`${entry.code}: ${entry.path}: ${entry.message}`, () => {
      expect(entry.fail.length).toBeGreaterThan(0);
      expect(entry.pass.length).toBeGreaterThan(0);
      const pattern = pathPattern(entry.path);
      for (const name of entry.fail) {
        const hit = expected(name).some((d) => d.code === entry.code && d.message === entry.message && pattern.test(d.path ?? ''));
        expect(hit, `${name} reports it`).toBe(true);
      }
      for (const name of entry.pass) {
        expect(expected(name).filter((d) => d.code === entry.code), `${name} passes`).toEqual([]);
      }
    });
  }
});
