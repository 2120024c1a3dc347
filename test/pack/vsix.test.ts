import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../server/src/settings.js';
import { CLIENT_CAPABILITIES, nextDiagnostics, startLsp, type LspProcess } from './lsp-process.js';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLE = join(ROOT, 'examples/edge-gateway');
const REGISTERS_MERGED_GATEWAY = /MergedGatewayRequest/.test(readFileSync(join(ROOT, 'server/src/handlers/register.ts'), 'utf8'));

interface Manifest {
  name: string;
  version: string;
  license: string;
  main: string;
  icon: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, unknown> };
    yamlValidation?: unknown;
  };
}

/** `unshare -n` when this machine allows it: the command then runs with no network at all. */
function offline(command: string, args: string[]): [string, string[]] {
  const probe = spawnSync('unshare', ['-n', 'true']);
  return probe.status === 0 ? ['unshare', ['-n', '--', command, ...args]] : [command, args];
}

function unzip(archive: string, into: string): void {
  const unzipped = spawnSync('unzip', ['-q', archive, '-d', into]);
  if (unzipped.status !== 0) execFileSync('python3', ['-m', 'zipfile', '-e', archive, into]);
}

function listZip(archive: string): string[] {
  const script = 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))';
  const listed = spawnSync('python3', ['-c', script, archive], { encoding: 'utf8' });
  if (listed.status === 0) return listed.stdout.trim().split('\n');
  return execFileSync('unzip', ['-Z1', archive], { encoding: 'utf8' }).trim().split('\n');
}

describe('npm run package', () => {
  let dir: string;
  let vsix: string;
  let unpacked: string;
  let manifest: Manifest;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'meshgw-vsix-test-'));
    vsix = join(dir, 'meshgw.vsix');
    const [command, args] = offline(process.execPath, [join(ROOT, 'scripts/package-extension.mjs'), '--skip-build', '--out', vsix]);
    execFileSync(command, args, { cwd: ROOT, stdio: 'pipe' });
    unpacked = join(dir, 'unpacked');
    mkdirSync(unpacked);
    unzip(vsix, unpacked);
    manifest = JSON.parse(readFileSync(join(unpacked, 'extension/package.json'), 'utf8')) as Manifest;
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds the bundled client and server and nothing to install', () => {
    const files = listZip(vsix);
    for (const f of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js', 'extension/icon.png', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt']) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => f.includes('node_modules/') || /\.(ts|map)$/.test(f) || f.includes('/src/') || f.endsWith('.vsix'))).toEqual([]);
  });

  it('bundles everything but the vscode module into the client', () => {
    // Node's own modules are there at run time; `vscode` is provided by the extension host.
    const client = readFileSync(join(unpacked, 'extension/dist/extension.js'), 'utf8');
    const required = new Set([...client.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
    expect([...required].filter((r) => !r.startsWith('node:') && !builtinModules.includes(r))).toEqual(['vscode']);
  });

  it('declares activation on YAML, the commands, the settings and a license', () => {
    expect(manifest.activationEvents).toEqual(['onLanguage:yaml']);
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.license).toBe('Apache-2.0');
    expect(manifest.icon).toBe('icon.png');
    expect(manifest.engines.vscode).toBe('^1.91.0');
    expect(manifest.contributes.commands.map((c) => `${c.category}: ${c.title}`).sort()).toEqual(['meshgw: Refresh control plane', 'meshgw: Restart server', 'meshgw: Show merged gateway']);
    expect(manifest.contributes.commands.map((c) => c.command).sort()).toEqual(['meshgw.refreshControlPlane', 'meshgw.restartServer', 'meshgw.showMergedGateway']);
    const settings = Object.keys(manifest.contributes.configuration.properties).sort();
    expect(settings).toEqual([...Object.keys(DEFAULT_SETTINGS).map((k) => `meshgw.${k}`), 'meshgw.trace.server'].sort());
    // No schema for the YAML extension: Kuma keys are completed once, by meshgw.
    expect(manifest.contributes.yamlValidation).toBeUndefined();
  });

  it('matches the engine range of the bundled vscode-languageclient', () => {
    const client = JSON.parse(readFileSync(join(ROOT, 'node_modules/vscode-languageclient/package.json'), 'utf8')) as { engines: { vscode: string } };
    expect(manifest.engines.vscode).toBe(client.engines.vscode);
  });

  describe('its server, started with plain Node over stdio', () => {
    let server: LspProcess;
    const file = join(EXAMPLE, 'gateway.yaml');
    const uri = pathToFileURL(file).href;
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const at = (needle: string, nth = 0) => {
      const line = lines.map((l, i) => (l.includes(needle) ? i : -1)).filter((i) => i >= 0)[nth];
      return { line, character: lines[line].indexOf(needle) + 1 };
    };

    beforeAll(async () => {
      server = startLsp(join(unpacked, 'extension/dist/server.js'), ['--stdio'], { cwd: dir });
    });

    afterAll(async () => {
      await server?.close();
    });

    it('answers initialize', async () => {
      const result = (await server.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(EXAMPLE).href,
        workspaceFolders: [{ uri: pathToFileURL(EXAMPLE).href, name: 'edge-gateway' }],
        capabilities: CLIENT_CAPABILITIES,
        initializationOptions: { settings: { certificateWarningDays: 30 } },
      })) as { capabilities: Record<string, unknown>; serverInfo: { name: string; version: string } };
      expect(result.serverInfo).toEqual({ name: 'meshgw', version: manifest.version });
      expect(result.capabilities.hoverProvider).toBe(true);
      await server.connection.sendNotification('initialized', {});
    });

    it('publishes no diagnostics for a valid gateway', async () => {
      const published = nextDiagnostics(server.connection, uri);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      expect((await published).diagnostics).toEqual([]);
    });

    it('answers a hover on a listener with the merged port and the final tags', async () => {
      const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at('protocol: HTTP') })) as {
        contents: { kind: string; value: string };
      };
      expect(hover.contents.kind).toBe('markdown');
      expect(hover.contents.value).toContain('**Port 8080**');
      expect(hover.contents.value).toContain('bar.example.com');
      expect(hover.contents.value).toContain('Final tags');
      expect(hover.contents.value).toMatch(/\| vhost \| foo\.example\.com \| listener \|/);
    });

    it('reports a broken document where Kuma would', async () => {
      const broken = join(ROOT, 'examples/broken/typo-hostnmae.yaml');
      const brokenUri = pathToFileURL(broken).href;
      const published = nextDiagnostics(server.connection, brokenUri, (p) => p.diagnostics.length > 0);
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: brokenUri, languageId: 'yaml', version: 1, text: readFileSync(broken, 'utf8') },
      });
      const { diagnostics } = await published;
      expect(diagnostics.map((d) => d.code)).toContain('unknown-field');
    });

    it('stays silent on YAML that holds no Kuma resource', async () => {
      const other = pathToFileURL(join(dir, 'compose.yaml')).href;
      const otherText = 'services:\n  web:\n    image: nginx\n    ports: ["8080:80"]\n';
      const published = nextDiagnostics(server.connection, other);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'yaml', version: 1, text: otherText } });
      expect((await published).diagnostics).toEqual([]);
      const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: other }, position: { line: 2, character: 6 } });
      expect(hover).toBeNull();
      const completion = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: other }, position: { line: 3, character: 4 } })) as
        | { items: unknown[] }
        | unknown[]
        | null;
      const items = completion === null ? [] : Array.isArray(completion) ? completion : completion.items;
      expect(items).toEqual([]);
    });

    it.skipIf(!REGISTERS_MERGED_GATEWAY)('answers meshgw/mergedGateway with the inspect text of the gateway under the cursor', async () => {
      const result = (await server.connection.sendRequest('meshgw/mergedGateway', { textDocument: { uri }, position: at('hostname: foo.example.com') })) as {
        gateways: { mesh: string; name: string }[];
        text: string;
      };
      expect(result.gateways).toEqual([{ mesh: 'default', name: 'edge-gateway' }]);
      expect(result.text).toMatch(/^MeshGateway edge-gateway \(mesh default\) {2}\//);
      expect(result.text).toContain('port 8080 HTTP: bar.example.com, foo.example.com');
    });
  });
});
