import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `node bench/profile-summary.mjs FILE.cpuprofile [TOP]`: the functions with the most self time
 * and the most total (inclusive) time in a `node --cpu-prof` profile, as `file:line` (1-based)
 * relative to the repository, in milliseconds.
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
    let file = f.url || '(native)';
    if (file.startsWith('file://')) file = relative(REPO, fileURLToPath(file));
    return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, top = '25'] = process.argv.slice(2);
  const s = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')), Number(top));
  const line = ([k, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${k}`;
  process.stdout.write(`profile ${file}: ${s.wallMs.toFixed(0)} ms\n\nself time\n${s.self.map(line).join('\n')}\n\ntotal time\n${s.total.map(line).join('\n')}\n`);
}
