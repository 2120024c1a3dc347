import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileInput } from '@meshgw/engine';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const EXAMPLES = join(ROOT, 'examples');

/**
 * The example files as workspaces: each folder of `examples/` is one workspace (its files refer
 * to each other), each file of `examples/broken/` is one on its own. Files are named relative to
 * `examples/`.
 */
export function exampleWorkspaces(): FileInput[][] {
  const out: FileInput[][] = [];
  const folders = readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'certs')
    .map((d) => d.name)
    .sort();
  for (const folder of folders) {
    const files = readdirSync(join(EXAMPLES, folder))
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => ({ file: `${folder}/${f}`, text: readFileSync(join(EXAMPLES, folder, f), 'utf8') }));
    if (folder === 'broken') for (const f of files) out.push([f]);
    else out.push(files);
  }
  return out;
}

/** The PEM bundles of `examples/certs/bundles`, as text. */
export function exampleBundles(): string[] {
  const dir = join(EXAMPLES, 'certs', 'bundles');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pem'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}
