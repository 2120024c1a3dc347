// The `meshgw` command bundled with esbuild, the engine, server, app and their dependencies
// included, so that a command loads a few files instead of hundreds of modules. Run by `npm run
// build` after `tsc -b`: it writes packages/cli/dist/meshgw.bundle.js, which bin/meshgw.js
// prefers while it is newer than every project's build. `npm run pack` ships the same layout.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { esbuild, inkDevtoolsStaysOut, NODE_ESM, ROOT } from './build-tools.mjs';

/** The prefix of the bundle's files in the workspace build (packages/cli/dist). */
export const CLONE_ENTRY = 'meshgw.bundle';

/**
 * Bundles the compiled CLI into `outdir` as ES modules: `<entry>.js`, the terminal app's worker
 * as `engine-worker.js` (the app loads it from next to its own code), and shared chunks named
 * `<entry>.chunk-<hash>.js`. The commands that load the language server, the app or the schema
 * stay in chunks of their own, loaded when run: `lsp` never parses Ink or React. Every file
 * sits in `outdir` itself, so code that finds files relative to its own (the manifest at
 * `../package.json`, the docs) finds what it finds from the compiled entry there. React runs its
 * production build.
 */
export async function bundleCli({ outdir, entry }) {
  for (const f of readdirSync(outdir)) {
    if (f === `${entry}.js` || f.startsWith(`${entry}.chunk-`) || (f === 'engine-worker.js' && entry === CLONE_ENTRY)) rmSync(join(outdir, f));
  }
  const { build } = await esbuild();
  await build({
    entryPoints: { [entry]: join(ROOT, 'packages/cli/dist/main.js'), 'engine-worker': join(ROOT, 'tui/dist/data/engine-worker.js') },
    outdir,
    ...NODE_ESM,
    splitting: true,
    chunkNames: `${entry}.chunk-[hash]`,
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [inkDevtoolsStaysOut],
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await bundleCli({ outdir: join(ROOT, 'packages/cli/dist'), entry: CLONE_ENTRY });
}
