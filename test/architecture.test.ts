import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
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

  it('engine layers import only from the layers below them', () => {
    const offending = engineImports().filter(({ from, to }) => layerOf(to) > layerOf(from)).map(({ from, to }) => `${from} -> ${to}`);
    expect(offending).toEqual([]);
  });

  it('the layer check fails on an upward import', () => {
    expect(layerOf('merge/merge.ts') > layerOf('resources/models.ts')).toBe(true);
    expect(layerOf('index.ts')).toBe(ENGINE_LAYERS.length);
    expect(() => layerOf('somewhere/new.ts')).toThrow(/not a layer/);
  });

  it('the engine has no import cycles between files', () => {
    const edges = new Map<string, string[]>();
    for (const { from, to } of engineImports()) edges.set(from, [...(edges.get(from) ?? []), to]);
    expect(findCycle(edges)).toEqual([]);
  });

  it('the faces import the engine only through its entry points: the index, and `startup` (read before the engine loads)', () => {
    const faces = ['server/src', 'tui/src', 'packages/cli/src', 'packages/kuma-client/src', 'extension/src'];
    const offending = faces.flatMap((d) => sources(join(root, d))).flatMap((f) =>
      imports(f).filter((i) => i !== '@meshgw/engine/startup' && /^@meshgw\/engine\/|packages\/engine/.test(i)).map((i) => `${relative(root, f)}: ${i}`),
    );
    expect(offending).toEqual([]);
  });

  it('what programs read before the engine loads, and the early answer to initialize, import nothing heavy', () => {
    const engine = join(root, 'packages/engine/src');
    const startup = imports(join(engine, 'startup.ts'));
    expect(startup.length).toBeGreaterThan(0);
    for (const module of startup) expect(imports(join(engine, module.replace(/\.js$/, '.ts')))).toEqual([]);
    const server = join(root, 'server/src');
    // What runs before the answer: no engine, protocol library or client (type-only imports vanish).
    for (const file of ['stdio.ts', 'version.ts', 'command-names.ts', 'lifecycle/capabilities.ts', 'lifecycle/early-initialize.ts']) {
      const text = readFileSync(join(server, file), 'utf8').replace(/^import type .*$/gm, '');
      const loaded = [...text.matchAll(/^import .* from '([^']+)'/gm)].map((m) => m[1]);
      expect(loaded.filter((i) => /^@meshgw\/|^vscode-|\/server\.js$|\/handlers\/|\/documents\//.test(i)), file).toEqual([]);
    }
    expect(readFileSync(join(server, 'stdio.ts'), 'utf8')).toContain("import('./server.js')");
  });

  it('keeps engine files under 400 lines and functions under 80, unless a comment says why', () => {
    const long: string[] = [];
    for (const f of sources(join(root, 'packages/engine/src'))) {
      const text = readFileSync(f, 'utf8');
      const lines = text.split('\n').length;
      if (lines > 400 && !/^\/\/ Long file: /m.test(text)) long.push(`${relative(root, f)}: ${lines} lines`);
      long.push(...longFunctions(f, text));
    }
    expect(long).toEqual([]);
  });
});

/** The engine's layers, lowest first: each may import only from itself and the ones before it. */
const ENGINE_LAYERS = ['base', 'syntax', 'kuma', 'resources', 'admission', 'warnings', 'merge', 'analysis', 'ide', 'report'];
const engineSrc = join(root, 'packages/engine/src');

/** The layer of a path relative to the engine's src; the entry points sit above every layer. */
function layerOf(path: string): number {
  if (!path.includes('/')) return ENGINE_LAYERS.length;
  const i = ENGINE_LAYERS.indexOf(path.split('/')[0]);
  if (i < 0) throw new Error(`${path} is not a layer of ARCHITECTURE.md`);
  return i;
}

function engineImports(): { from: string; to: string }[] {
  return sources(engineSrc).flatMap((f) =>
    imports(f)
      .filter((i) => i.startsWith('.'))
      .map((i) => ({ from: relative(engineSrc, f), to: relative(engineSrc, resolve(dirname(f), i)).replace(/\.js$/, '.ts') })),
  );
}

function findCycle(edges: Map<string, string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  let cycle: string[] = [];
  const visit = (node: string, path: string[]): boolean => {
    if (state.get(node) === 'done') return false;
    if (state.get(node) === 'open') {
      cycle = [...path.slice(path.indexOf(node)), node];
      return true;
    }
    state.set(node, 'open');
    for (const next of edges.get(node) ?? []) if (visit(next, [...path, node])) return true;
    state.set(node, 'done');
    return false;
  };
  for (const node of edges.keys()) if (visit(node, [])) break;
  return cycle;
}

/** Functions over 80 lines without a `// Long: reason` comment right above them. */
function longFunctions(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node)) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart()).line;
      const lines = sf.getLineAndCharacterOfPosition(node.getEnd()).line - start + 1;
      const before = text.slice(0, node.getStart()).split('\n').slice(-6).join('\n');
      if (lines > 80 && !/\/\/ Long: /.test(before)) out.push(`${relative(root, file)}:${start + 1}: ${lines} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}
