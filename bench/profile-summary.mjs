import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `node bench/profile-summary.mjs FILE.cpuprofile [TOP]`: the functions with the most self time
 * and the most total (inclusive) time in a `node --cpu-prof` profile, as `file:line` (1-based)
 * relative to the repository, in milliseconds. Compiled files with a source map next to them
 * are shown at their TypeScript source line.
 */

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));

export function summarizeProfile(profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map();
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfMs.set(id, (selfMs.get(id) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
  }
  const where = (n) => {
    const f = n.callFrame;
    const name = f.functionName || '(anonymous)';
    if (!f.url.startsWith('file://')) return `${name} ${f.url || '(native)'}:${f.lineNumber + 1}`;
    const path = fileURLToPath(f.url);
    const original = sourcePosition(path, f.lineNumber, f.columnNumber);
    if (original) return `${name} ${relative(REPO, original.path)}:${original.line}`;
    return `${name} ${relative(REPO, path)}:${f.lineNumber + 1}`;
  };
  const self = new Map();
  const total = new Map();
  for (const [id, ms] of selfMs) {
    const n = byId.get(id);
    self.set(where(n), (self.get(where(n)) ?? 0) + ms);
    // Each frame counts once per sample, however often it recurses.
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const key = where(byId.get(cur));
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  }
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  const wall = (profile.endTime - profile.startTime) / 1000;
  return { wallMs: wall, self: sorted(self), total: sorted(total) };
}

const maps = new Map();

/** The source position of a 0-based line and column of a compiled file, or null without a map. */
function sourcePosition(path, line, column) {
  if (!maps.has(path)) {
    let map = null;
    try {
      if (existsSync(`${path}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(path, map);
  }
  const map = maps.get(path);
  const entry = map?.findEntry(line, column);
  if (!entry || entry.originalSource === undefined) return null;
  const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : resolve(dirname(path), entry.originalSource);
  return { path: source, line: entry.originalLine + 1 };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, top = '25'] = process.argv.slice(2);
  const s = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')), Number(top));
  const line = ([k, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${k}`;
  process.stdout.write(`profile ${file}: ${s.wallMs.toFixed(0)} ms\n\nself time\n${s.self.map(line).join('\n')}\n\ntotal time\n${s.total.map(line).join('\n')}\n`);
}
