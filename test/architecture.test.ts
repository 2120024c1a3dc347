import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push(m[1] ?? m[2] ?? m[3]);
  }
  return found;
}

const FORBIDDEN_IN_ENGINE = [/^vscode/, /^ink($|\/)/, /^react($|\/)/, /^(node:)?fs($|\/)/, /^(node:)?net$/, /^(node:)?https?$/, /^(node:)?child_process$/, /^@meshgw\/(server|tui|kuma-client)/];

describe('architecture', () => {
  it('the engine imports no editor, terminal, file system or network module', () => {
    const files = sources(join(root, 'packages/engine/src'));
    expect(files.length).toBeGreaterThan(5);
    const offending = files.flatMap((f) => imports(f).filter((i) => FORBIDDEN_IN_ENGINE.some((re) => re.test(i))).map((i) => `${f}: ${i}`));
    expect(offending).toEqual([]);
  });

  it('the engine reads no clock: `now` is always an argument', () => {
    const files = sources(join(root, 'packages/engine/src'));
    const offending = files.filter((f) => /\bDate\.now\(\)|new Date\(\)/.test(readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });

  it('the control-plane client knows nothing of React, Ink or the editor', () => {
    const files = sources(join(root, 'packages/kuma-client/src'));
    const offending = files.flatMap((f) => imports(f).filter((i) => /^(vscode|ink|react)/.test(i)).map((i) => `${f}: ${i}`));
    expect(offending).toEqual([]);
  });

  it('the language server does not import Ink or React, and the app does not import the LSP', () => {
    const server = sources(join(root, 'server/src')).flatMap((f) => imports(f).filter((i) => /^(ink|react)/.test(i)));
    const tui = sources(join(root, 'tui/src')).flatMap((f) => imports(f).filter((i) => /^vscode/.test(i)));
    expect(server).toEqual([]);
    expect(tui).toEqual([]);
  });

  it('public surfaces use named exports only', () => {
    const files = [...sources(join(root, 'packages')), ...sources(join(root, 'server/src')), ...sources(join(root, 'tui/src'))];
    const offending = files.filter((f) => /export\s+\*\s+from|export\s+default\s/.test(readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });
});
