// Helpers shared by the packaging scripts: run a tool, build TypeScript projects, bundle with esbuild.
// Nothing here touches the network.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));

/**
 * Runs a command in `cwd` with inherited output (stderr only with `quiet`); exits the script
 * when it fails.
 */
export function run(command, args, cwd = ROOT, options = {}) {
  const result = spawnSync(command, args, { cwd, stdio: options.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
  if (result.error) fail(`${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${[command, ...args].join(' ')} exited with ${result.status ?? result.signal}`);
}

/** Runs a Node script (a tool's JavaScript entry) with the current Node. */
export function runNode(script, args, cwd = ROOT, options = {}) {
  run(process.execPath, [script, ...args], cwd, options);
}

export function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** `tsc -b` on the given project folders (relative to the root); references are built first. */
export function buildProjects(dirs) {
  runNode(require.resolve('typescript/bin/tsc'), ['-b', ...dirs]);
}

/** Type-checks one tsconfig without emitting. */
export function typeCheck(tsconfig) {
  runNode(require.resolve('typescript/bin/tsc'), ['-p', tsconfig, '--noEmit']);
}

/**
 * The workspace folders a workspace package depends on, directly or through other workspace
 * packages, in no particular order; the package's own folder included.
 */
export function workspaceClosure(dir) {
  const byName = new Map();
  for (const ws of readJson(join(ROOT, 'package.json')).workspaces) {
    byName.set(readJson(join(ROOT, ws, 'package.json')).name, ws);
  }
  const out = new Set();
  const visit = (ws) => {
    if (out.has(ws)) return;
    out.add(ws);
    const deps = readJson(join(ROOT, ws, 'package.json')).dependencies ?? {};
    for (const name of Object.keys(deps)) if (byName.has(name)) visit(byName.get(name));
  };
  visit(dir);
  return [...out];
}

/** esbuild's JavaScript API, from the workspace's own install. */
export async function esbuild() {
  return import(require.resolve('esbuild'));
}

/**
 * Bundles an ES module entry into one CommonJS file for Node. `import.meta.url` is mapped to the
 * bundle's own file URL so code that locates itself keeps working.
 */
export async function bundleCommonJs(entry, outfile, options = {}) {
  const { build } = await esbuild();
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    inject: [join(ROOT, 'scripts/cjs-import-meta-url.js')],
    define: { 'import.meta.url': 'importMetaUrl' },
    ...options,
  });
}

/**
 * Bundles an ES module entry into one ES module for Node. CommonJS dependencies that call
 * `require` for Node built-ins get a real `require`.
 */
export async function bundleEsm(entry, outfile, options = {}) {
  const { build } = await esbuild();
  await build({ entryPoints: [entry], outfile, ...NODE_ESM, ...options });
}

/**
 * esbuild options of every bundle meshgw ships: ES modules for Node 20, minified; CommonJS
 * dependencies that call `require` for Node built-ins get a real `require` in every file.
 */
export const NODE_ESM = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __meshgwCreateRequire } from 'node:module'; const require = __meshgwCreateRequire(import.meta.url);" },
};

/**
 * Ink loads its React devtools bridge only when DEV=true, with a dynamic import it guards. Left
 * outside the bundle, that import fails as it does when `react-devtools-core` is not installed.
 */
export const inkDevtoolsStaysOut = {
  name: 'ink-devtools-stays-out',
  setup(build) {
    build.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) => (/[\\/]ink[\\/]/.test(args.importer) ? { path: args.path, external: true } : undefined));
  },
};
