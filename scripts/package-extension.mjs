// `npm run package`: builds extension/meshgw-<version>.vsix (or the file given with `--out FILE`).
// The client and the language server are bundled with esbuild into extension/dist, so the .vsix
// holds no node_modules; vsce packages it without npm and without the network. `--skip-build`
// bundles the compiled server as it is (for tests, which build first).
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildProjects, bundleCommonJs, readJson, ROOT, runNode, typeCheck, workspaceClosure } from './build-tools.mjs';

const EXTENSION = join(ROOT, 'extension');
const manifest = readJson(join(EXTENSION, 'package.json'));
const { values } = parseArgs({ options: { out: { type: 'string' }, 'skip-build': { type: 'boolean' } } });
const out = resolve(values.out ?? join(EXTENSION, `meshgw-${manifest.version}.vsix`));

if (!values['skip-build']) buildProjects(workspaceClosure('server'));
typeCheck(join(EXTENSION, 'tsconfig.json'));

const dist = join(EXTENSION, 'dist');
rmSync(dist, { recursive: true, force: true });
await bundleCommonJs(join(EXTENSION, 'src/extension.ts'), join(dist, 'extension.js'), { external: ['vscode'] });
// The server is the same program as `node server/dist/main.js --stdio`, as one file.
await bundleCommonJs(join(ROOT, 'server/dist/main.js'), join(dist, 'server.js'));

const vsce = join(dirname(createRequire(join(ROOT, 'package.json')).resolve('@vscode/vsce/package.json')), 'vsce');
runNode(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--out', out], EXTENSION);
