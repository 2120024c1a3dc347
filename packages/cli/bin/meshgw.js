#!/usr/bin/env node
// The `meshgw` command. `npm run build` compiles it to ../dist/main.js and bundles it into
// ../dist/meshgw.bundle.js (scripts/bundle-cli.mjs), which starts several times faster. The bundle
// runs only while it is newer than the last compile of every project it holds, so a `tsc -b`
// without the bundling step never runs stale code; and only with React's production build, the
// one it holds, which the command uses unless NODE_ENV says otherwise.
import { statSync } from 'node:fs';

process.env.NODE_ENV ??= 'production';
const PROJECTS = ['..', '../../engine', '../../kuma-client', '../../../server', '../../../tui'];

function bundleIsCurrent() {
  if (process.env.NODE_ENV !== 'production') return false;
  try {
    const built = statSync(new URL('../dist/meshgw.bundle.js', import.meta.url)).mtimeMs;
    return PROJECTS.every((p) => statSync(new URL(`${p}/tsconfig.tsbuildinfo`, import.meta.url)).mtimeMs <= built);
  } catch {
    return false;
  }
}

import(bundleIsCurrent() ? '../dist/meshgw.bundle.js' : '../dist/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('meshgw: not built yet; run `npm run build` in the repository first.\n');
    process.exit(2);
  }
  throw error;
});
