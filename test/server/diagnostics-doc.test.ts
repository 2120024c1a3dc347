import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ADMISSION_RULES, analyzeFiles, codeInfo, DIAGNOSTIC_CODES, diagnosticsMarkdown, WARNING_RULES } from '@meshgw/engine/testing';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, REPO } from './support/lsp-client.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe('docs/diagnostics.md', () => {
  it('is generated from the code registry (update with vitest -u)', async () => {
    await expect(diagnosticsMarkdown()).toMatchFileSnapshot(resolve(REPO, 'docs/diagnostics.md'));
  });

  it('has one section per code, each code once', () => {
    const codes = DIAGNOSTIC_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    const headings = diagnosticsMarkdown().split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(headings).toEqual(codes);
  });

  it('explains the code of every admission and warning rule', () => {
    const ids = [...ADMISSION_RULES, ...WARNING_RULES].map((r) => r.id);
    expect(ids.filter((id) => !codeInfo(id))).toEqual([]);
    for (const id of ADMISSION_RULES.map((r) => r.id)) expect(codeInfo(id)?.origin).toBe('kuma');
  });

  it('explains every code the engine reports on the examples', () => {
    const files = yamlFiles(EXAMPLES).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
    const result = analyzeFiles(files, { now: new Date('2026-12-20T00:00:00Z') });
    const reported = new Set([...result.diagnosticsByFile.values()].flat().map((d) => d.code));
    expect([...reported].filter((code) => !codeInfo(code))).toEqual([]);
  });
});
