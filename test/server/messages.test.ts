import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startClient, uriOf, type LspClient } from './support/lsp-client.js';

/**
 * Messages as the language server shows them over stdio: an unknown enum value lists only what a
 * user may write for the target version, and YAML syntax errors say what is wrong in words.
 */

interface Shown {
  code: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

let dir: string;
let client: LspClient | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'meshgw-lsp-messages-'));
});
afterEach(async () => {
  await client?.close();
  client = null;
  rmSync(dir, { recursive: true, force: true });
});

async function start(settings?: unknown): Promise<LspClient> {
  const c = startClient({ env: { MESHGW_NOW: '2026-06-01T00:00:00Z' }, settings });
  await c.initialize({ folders: [dir] });
  return c;
}

async function diagnostics(c: LspClient, text: string): Promise<Shown[]> {
  const path = join(dir, 'gateway.yaml');
  c.open(path, text);
  const r = await c.request<{ items: Shown[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(path) } });
  return r.items;
}

const gateway = (listener: string): string =>
  `type: MeshGateway\nmesh: default\nname: gw\nselectors:\n  - match:\n      kuma.io/service: gw\nconf:\n  listeners:\n    - port: 80\n${listener}`;

describe('enum-unknown over stdio', () => {
  it('lists the protocols a user may write, never NONE, for the target version', async () => {
    client = await start();
    let shown = (await diagnostics(client, gateway('      protocol: HTTPX\n'))).filter((d) => d.code === 'enum-unknown');
    expect(shown).toHaveLength(1);
    expect(shown[0].message).toContain('Valid values: TCP, TLS, HTTP, HTTPS (or a number).');
    expect(shown[0].message).not.toMatch(/\bNONE\b/);
    await client.close();

    client = await start({ kumaVersion: '2.1' });
    shown = (await diagnostics(client, gateway('      protocol: HTTPX\n'))).filter((d) => d.code === 'enum-unknown');
    expect(shown.map((d) => d.message.match(/Valid values: [^.]*\./)?.[0])).toEqual(['Valid values: TCP, HTTP, HTTPS (or a number).']);
  });

  it('refuses NONE itself, as Kuma does, which is why it is not offered', async () => {
    client = await start();
    const shown = await diagnostics(client, gateway('      protocol: NONE\n'));
    expect(shown.map((d) => d.message)).toContain('conf.listeners[0].protocol: cannot be empty');
  });
});

describe('YAML syntax errors over stdio', () => {
  it('says how a misindented key is indented and what its siblings use, on its line, with code yaml-syntax', async () => {
    client = await start();
    const shown = (await diagnostics(client, gateway('      protocol: HTTP\n     hostname: a.example.com\n'))).filter((d) => d.code === 'yaml-syntax');
    expect(shown).toEqual([
      {
        ...shown[0],
        code: 'yaml-syntax',
        message: '`hostname` is indented 5 spaces; the other keys of this `listeners` item use 6. Keys of one map must line up.',
        range: { start: { line: 10, character: 5 }, end: { line: 10, character: 28 } },
      },
    ]);
  });

  it('says a key has no colon instead of "Implicit map keys need to be followed by map values"', async () => {
    client = await start();
    const shown = (await diagnostics(client, 'type: MeshGateway\nmesh: default\nname gw\n')).filter((d) => d.code === 'yaml-syntax');
    expect(shown.map((d) => d.message)).toEqual(['`name gw` has no `:`: write `key: value` (a space after the colon), or start a list item with `- `.']);
    expect(shown.every((d) => !/Implicit|indicator/.test(d.message))).toBe(true);
  });
});
