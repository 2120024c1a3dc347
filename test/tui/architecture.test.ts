import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'tui', 'src');

/** What each folder of the app may import, besides itself: the folders before it in data -> views -> state -> hooks, components. */
const MAY_IMPORT: Record<string, string[]> = {
  data: [],
  views: ['data'],
  state: ['data', 'views'],
  hooks: ['data', 'state'],
  components: ['data', 'views', 'state'],
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

describe('the terminal app by concern', () => {
  it('imports in one direction: data, views, state, then hooks and components', () => {
    const offending: string[] = [];
    for (const [folder, allowed] of Object.entries(MAY_IMPORT)) {
      for (const file of sources(join(SRC, folder))) {
        for (const spec of imports(file).filter((i) => i.startsWith('.'))) {
          const target = relative(SRC, resolve(dirname(file), spec)).split(/[\\/]/)[0];
          if (target !== folder && !allowed.includes(target)) offending.push(`${relative(SRC, file)}: ${spec}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });

  it('keeps React and Ink out of data/, views/ and state/', () => {
    const files = ['data', 'views', 'state'].flatMap((folder) => sources(join(SRC, folder)));
    const offending = files.flatMap((f) => imports(f).filter((i) => /^(react|ink)($|\/)/.test(i)).map((i) => `${relative(SRC, f)}: ${i}`));
    expect(offending).toEqual([]);
  });
});
