import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_CAPABILITIES, nextDiagnostics, startLsp, type LspProcess } from '../pack/lsp-process.js';

const ROOT = join(import.meta.dirname, '../..');
const YAMLLS = createRequire(import.meta.url).resolve('yaml-language-server/bin/yaml-language-server');

/**
 * The printed schema as docs/editors.md tells users to wire it: `meshgw schema > file`, then
 * `yaml.schemas` maps the file to a glob. The YAML language server itself reads it.
 */
describe('the schema in yaml-language-server', () => {
  let dir: string;
  let server: LspProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'meshgw-yamlls-'));
    const schemaFile = join(dir, 'meshgw.schema.json');
    writeFileSync(schemaFile, execFileSync(process.execPath, [join(ROOT, 'packages/cli/bin/meshgw.js'), 'schema'], { cwd: ROOT }));
    const yaml = { validate: true, hover: true, completion: true, schemaStore: { enable: false }, schemas: { [pathToFileURL(schemaFile).href]: ['*.gateway.yaml'] } };
    server = startLsp(YAMLLS, ['--stdio'], {
      onRequest: (method, params) =>
        method === 'workspace/configuration' ? (params as { items: { section?: string }[] }).items.map((i) => (i.section === 'yaml' ? yaml : null)) : null,
    });
    await server.connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: CLIENT_CAPABILITIES });
    await server.connection.sendNotification('initialized', {});
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml } });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, text: string) {
    const uri = pathToFileURL(join(dir, name)).href;
    const diagnostics = nextDiagnostics(server.connection, uri);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return { uri, diagnostics: (await diagnostics).diagnostics };
  }

  it('reports nothing on a valid example', async () => {
    const { diagnostics } = await open('edge.gateway.yaml', readFileSync(join(ROOT, 'examples/edge-gateway/gateway.yaml'), 'utf8'));
    expect(diagnostics).toEqual([]);
  });

  it('reports a key Kuma drops, on its line', async () => {
    const text = readFileSync(join(ROOT, 'examples/broken/typo-hostnmae.yaml'), 'utf8');
    const { diagnostics } = await open('typo.gateway.yaml', text);
    const line = text.split('\n').findIndex((l) => l.includes('hostnmae:'));
    expect(diagnostics.some((d) => d.message.includes('hostnmae') && d.range.start.line === line)).toBe(true);
  });

  it('shows the field documentation on hover', async () => {
    const text = readFileSync(join(ROOT, 'examples/edge-gateway/gateway.yaml'), 'utf8');
    const { uri } = await open('hover.gateway.yaml', text);
    const line = text.split('\n').findIndex((l) => l.includes('hostname:'));
    const character = text.split('\n')[line].indexOf('hostname') + 2;
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as {
      contents: { value: string };
    } | null;
    expect(hover?.contents.value).toContain('Hostname this listener answers for');
  });
});
