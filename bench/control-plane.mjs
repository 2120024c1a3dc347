import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The test control plane (`test/support/fake-control-plane.ts`) for plain Node: bundled on the
 * fly with esbuild into `bench/.tmp/`, with `import.meta.url` pinned to the source file so that
 * its fixture paths still resolve.
 *
 * `node bench/control-plane.mjs [MESHES GATEWAYS DATAPLANES SECRETS]` serves the large data set
 * (3 500 5000 1000 by default) until interrupted and prints its URL, for profiling by hand.
 */

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(REPO, 'test', 'support', 'fake-control-plane.ts');

/** Imports the bundled test control plane module (`startFakeControlPlane`, `makeLargeDataSet`). */
export async function loadFakeControlPlane(tmpDir) {
  const { build } = await import('esbuild');
  mkdirSync(tmpDir, { recursive: true });
  const outfile = join(tmpDir, 'fake-control-plane.mjs');
  await build({
    entryPoints: [SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(SOURCE).href) },
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** Starts the test control plane with the large data set of `size`; callers treat Secrets as admin-readable. */
export async function startLargeControlPlane(tmpDir, size) {
  const fake = await loadFakeControlPlane(tmpDir);
  const data = fake.makeLargeDataSet(size);
  return fake.startFakeControlPlane({ data, anonymousIsAdmin: true });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [meshes = 3, gateways = 500, dataplanes = 5000, secrets = 1000] = process.argv.slice(2).map(Number);
  const cp = await startLargeControlPlane(join(REPO, 'bench', '.tmp'), { meshes, gateways, dataplanes, secrets });
  process.stdout.write(`${cp.url}\n`);
  process.on('SIGINT', () => void cp.close().then(() => process.exit(0)));
}
