// `npm run pack`: builds meshgw-<version>.tgz at the repository root (or in the folder given
// with `--out-dir DIR`), the `meshgw` command with the engine, server, app and every dependency
// bundled into one file, so that `npm install -g ./meshgw-<version>.tgz` needs no registry and
// no network. `--skip-build` bundles the compiled output as it is (for tests, which build first).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildProjects, readJson, ROOT, run, runNode, workspaceClosure } from './build-tools.mjs';
import { bundleCli } from './bundle-cli.mjs';

const CLI = 'packages/cli';
const cli = readJson(join(ROOT, CLI, 'package.json'));
const { values } = parseArgs({ options: { 'out-dir': { type: 'string' }, 'skip-build': { type: 'boolean' } } });
const outDir = resolve(values['out-dir'] ?? ROOT);
const SHIPPED_DOCS = ['editors.md', 'diagnostics.md'];

if (!values['skip-build']) buildProjects(workspaceClosure(CLI));

const stage = mkdtempSync(join(tmpdir(), 'meshgw-pack-'));
try {
  mkdirSync(join(stage, 'bin'));
  mkdirSync(join(stage, 'dist'));
  mkdirSync(join(stage, 'docs'));
  // The CLI reads its version from `../package.json` relative to its entry, which holds in the
  // staged layout: dist/main.js next to package.json.
  // The command bundled as the workspace build bundles it (React's production build, the
  // language server and the app in chunks of their own), the app's worker next to it.
  await bundleCli({ outdir: join(stage, 'dist'), entry: 'main' });
  writeFileSync(join(stage, 'bin/meshgw.js'), "#!/usr/bin/env node\nimport '../dist/main.js';\n", { mode: 0o755 });
  const manifest = {
    name: cli.name,
    version: cli.version,
    description: cli.description,
    license: cli.license,
    type: 'module',
    bin: { meshgw: 'bin/meshgw.js' },
    files: ['bin', 'dist', 'docs'],
    engines: { node: '>=20' },
    keywords: ['kuma', 'kong-mesh', 'meshgateway', 'gateway', 'lint', 'language-server'],
    // Where the project lives, when the CLI's manifest says so: SARIF links its rules there.
    ...(cli.repository !== undefined ? { repository: cli.repository } : {}),
    ...(cli.homepage !== undefined ? { homepage: cli.homepage } : {}),
  };
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(join(stage, 'README.md'), readme(cli.version));
  copyFileSync(join(ROOT, 'extension/LICENSE'), join(stage, 'LICENSE'));
  // The documents the help texts name (`lsp --help`, `schema --help`) and that diagnostic codes
  // link to, readable offline in the installed package's docs/ folder.
  for (const doc of SHIPPED_DOCS) copyFileSync(join(ROOT, 'docs', doc), join(stage, 'docs', doc));
  mkdirSync(outDir, { recursive: true });
  runNpm(['pack', '--pack-destination', outDir, '--loglevel', 'warn'], stage, { quiet: true });
  process.stdout.write(`${join(outDir, `${cli.name}-${cli.version}.tgz`)}\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

/** Runs npm: the one running this script when started by `npm run`, else `npm` on the PATH. */
function runNpm(args, cwd, options) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /npm-cli\.js$/.test(npmCli)) runNode(npmCli, args, cwd, options);
  else run('npm', args, cwd, options);
}

function readme(version) {
  return `# meshgw ${version}

What a Kuma MeshGateway really does once the control plane merges it.

\`\`\`sh
npm install -g ./meshgw-${version}.tgz   # no registry needed: everything is bundled
meshgw check gateways/                    # Kuma's admission errors and what Kuma silently drops
meshgw inspect gateways/                  # merged ports, final tags, routes, certificates
meshgw lsp --stdio                        # the language server for any LSP client
meshgw schema > meshgw.schema.json        # a JSON Schema for the YAML language server
meshgw tui                                # the terminal app on your kumactl context
\`\`\`

\`meshgw --help\` and \`meshgw <command> --help\` describe every flag. Node 20 or newer.
Setting up an editor: docs/editors.md in this package's folder (\`npm root -g\`/meshgw); every
diagnostic code: docs/diagnostics.md.
`;
}
