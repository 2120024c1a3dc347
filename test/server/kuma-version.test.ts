import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESHGW } from '../support/run-cli.js';
import { EXAMPLES, positionOf, startClient, uriOf, type LspClient } from './support/lsp-client.js';

/**
 * The language server's target version: `lsp --kuma-version`, then `kumaVersion` in the
 * `.meshgw.yaml` found upward from a workspace folder (its open text while edited), then the
 * `meshgw.kumaVersion` setting, then 2.14. Kuma 2.0 refuses a TLS listener (as a kuma-cp 2.0.8
 * answered for this example, test/fixtures/kuma/admission/2.0.8.json); 2.14 accepts it.
 */

const NOW = '2026-06-01T00:00:00Z';
const REFUSED_BY_20 = 'protocol type is not supported';

let dir: string;
let client: LspClient | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'meshgw-lsp-version-'));
  cpSync(join(EXAMPLES, 'tcp-tls-gateway'), join(dir, 'gateways'), { recursive: true });
});
afterEach(async () => {
  await client?.close();
  client = null;
  rmSync(dir, { recursive: true, force: true });
});

const gatewayPath = () => join(dir, 'gateways', 'gateway.yaml');

async function start(options: { settings?: unknown; args?: string[] }): Promise<LspClient> {
  const c = startClient({ env: { MESHGW_NOW: NOW }, settings: options.settings, ...(options.args ? { args: [MESHGW, 'lsp', '--stdio', ...options.args] } : {}) });
  await c.initialize({ folders: [join(dir, 'gateways')] });
  await c.waitFor<{ message: string }>('window/logMessage', (p) => p.message.startsWith('meshgw: indexed'));
  return c;
}

async function messages(c: LspClient, path: string): Promise<string[]> {
  const r = await c.request<{ items: { message: string }[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(path) } });
  return r.items.map((d) => d.message);
}

/** Kuma's messages as the server shows them: `path: message`. */
const refused = (shown: string[]) => shown.filter((m) => m.endsWith(`: ${REFUSED_BY_20}`));

async function rulesLine(c: LspClient): Promise<string> {
  const text = readFileSync(gatewayPath(), 'utf8');
  const hover = await c.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: uriOf(gatewayPath()) }, position: positionOf(text, 'port: 8883', 6) });
  return hover.contents.value.split('\n').at(-1) ?? '';
}

describe('the language server checks against the target version', () => {
  it('uses 2.14 by default and meshgw.kumaVersion when set', async () => {
    client = await start({});
    expect(await rulesLine(client)).toBe('*Kuma 2.14 rules*');
    expect(refused(await messages(client, gatewayPath()))).toEqual([]);
    await client.close();

    client = await start({ settings: { kumaVersion: '2.0' } });
    expect(await rulesLine(client)).toBe('*Kuma 2.0 rules*');
    expect(refused(await messages(client, gatewayPath()))).toEqual(['conf.listeners[1].protocol: protocol type is not supported', 'conf.listeners[2].protocol: protocol type is not supported', 'conf.listeners[3].protocol: protocol type is not supported']);
  });

  it('lets the project file beat the setting, follows its edits, and shows its problems', async () => {
    const project = join(dir, '.meshgw.yaml');
    writeFileSync(project, 'kumaVersion: "2.14"\n');
    client = await start({ settings: { kumaVersion: '2.0' } });
    expect(await rulesLine(client)).toBe('*Kuma 2.14 rules*');
    expect(refused(await messages(client, gatewayPath()))).toEqual([]);

    const uri = client.open(project, 'kumaVersion: "2.14"\n', 1);
    client.change(uri, 'kumaVersion: 2.0\n', 2);
    await expect.poll(() => rulesLine(client!)).toBe('*Kuma 2.0 rules*');
    expect(refused(await messages(client, gatewayPath()))).toEqual(['conf.listeners[1].protocol: protocol type is not supported', 'conf.listeners[2].protocol: protocol type is not supported', 'conf.listeners[3].protocol: protocol type is not supported']);

    client.change(uri, 'kumaVersion: 2.99\n', 3);
    await expect.poll(() => messages(client!, project)).toEqual(['Kuma 2.99 is not supported: meshgw supports Kuma 2.0 to 2.14 (Kong Mesh 2.0 to 2.14).']);
    // The unusable value is ignored: the setting applies again.
    expect(await rulesLine(client)).toBe('*Kuma 2.0 rules*');
  });

  it('lets lsp --kuma-version beat the project file', async () => {
    writeFileSync(join(dir, '.meshgw.yaml'), 'kumaVersion: "2.0"\n');
    client = await start({ args: ['--kuma-version', '2.14'] });
    expect(await rulesLine(client)).toBe('*Kuma 2.14 rules*');
    expect(refused(await messages(client, gatewayPath()))).toEqual([]);
  });
});
