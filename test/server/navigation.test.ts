import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, positionOf, startClient, uriOf, type LspClient } from './support/lsp-client.js';

interface Position {
  line: number;
  character: number;
}
interface Location {
  uri: string;
  range: { start: Position; end: Position };
}
interface InlayHint {
  position: Position;
  label: string;
  paddingLeft?: boolean;
}

const FOLDER = resolve(EXAMPLES, 'edge-gateway');
const GATEWAY = resolve(FOLDER, 'gateway.yaml');
const ROUTES = resolve(FOLDER, 'routes.yaml');
const SECRETS = resolve(FOLDER, 'secrets.yaml');
/** The example certificates expire at 2095-12-31T23:59:59Z: 23 whole days after this instant. */
const NOW = '2095-12-08T00:00:00Z';

let client: LspClient;
const texts = new Map<string, string>();

function text(path: string): string {
  const t = texts.get(path) ?? readFileSync(path, 'utf8');
  texts.set(path, t);
  return t;
}

/** A location as `file:line: text of its first line from its start`, trimmed. */
function shown(l: Location): string {
  const path = fileURLToPath(l.uri);
  const line = text(path).split('\n')[l.range.start.line];
  return `${basename(path)}:${l.range.start.line + 1}: ${line.slice(l.range.start.character).trim()}`;
}

function at(path: string, needle: string, delta = 0, occurrence = 0) {
  return { textDocument: { uri: uriOf(path) }, position: positionOf(text(path), needle, delta, occurrence) };
}

beforeAll(async () => {
  client = startClient({ env: { MESHGW_NOW: NOW } });
  await client.initialize({ folders: [FOLDER] });
  for (const path of [GATEWAY, ROUTES, SECRETS]) client.open(path);
});

afterAll(async () => {
  await client.close();
});

describe('capabilities', () => {
  it('announces definition, references and inlay hints', async () => {
    const other = startClient();
    try {
      const init = await other.initialize({});
      expect(init.capabilities).toMatchObject({ definitionProvider: true, referencesProvider: true, inlayHintProvider: { resolveProvider: false } });
    } finally {
      await other.close();
    }
  });
});

describe('go to definition', () => {
  it("goes from a listener certificate's secret to the Secret's name", async () => {
    const found = await client.request<Location[]>('textDocument/definition', at(GATEWAY, 'secret: secure-example-com-ecdsa', 12));
    expect(found.map(shown)).toEqual(['secrets.yaml:12: secure-example-com-ecdsa']);
    expect(found[0].range.end.character - found[0].range.start.character).toBe('secure-example-com-ecdsa'.length);
  });

  it('goes from a MeshGatewayRoute selector to the gateway and the listener whose vhost it matches', async () => {
    const found = await client.request<Location[]>('textDocument/definition', at(ROUTES, 'vhost: bar.example.com', 8));
    expect(found.map(shown)).toEqual(['gateway.yaml:5: edge-gateway', 'gateway.yaml:20: port: 8080']);
  });

  it('goes from a MeshGateway selector to the Dataplane it binds', async () => {
    const found = await client.request<Location[]>('textDocument/definition', at(GATEWAY, 'kuma.io/service: edge-gateway', 20));
    expect(found.map(shown)).toEqual(['dataplane.yaml:6: edge-gateway-1']);
  });

  it('answers an empty list off a reference', async () => {
    expect(await client.request<Location[]>('textDocument/definition', at(GATEWAY, 'hostname: foo.example.com', 12))).toEqual([]);
  });
});

describe('find references', () => {
  it("lists a gateway's attached routes and bound dataplane, with its declaration when asked", async () => {
    const params = at(GATEWAY, 'name: edge-gateway', 8);
    const found = await client.request<Location[]>('textDocument/references', { ...params, context: { includeDeclaration: true } });
    expect(found.map(shown)[0]).toBe('gateway.yaml:5: edge-gateway');
    expect(found.map(shown).slice(1).sort()).toEqual([
      'dataplane.yaml:6: edge-gateway-1',
      'route-well-known.yaml:5: edge-gateway-well-known',
      'routes.yaml:103: edge-gateway-login-redirect',
      'routes.yaml:41: edge-gateway-bar',
      'routes.yaml:4: edge-gateway-foo',
      'routes.yaml:60: edge-gateway-secure',
    ]);
    const without = await client.request<Location[]>('textDocument/references', { ...params, context: { includeDeclaration: false } });
    expect(without.map(shown).sort()).toEqual(found.map(shown).slice(1).sort());
  });

  it('lists the listener certificate that uses a Secret', async () => {
    const found = await client.request<Location[]>('textDocument/references', { ...at(SECRETS, 'name: secure-example-com-rsa', 8), context: { includeDeclaration: false } });
    expect(found.map(shown)).toEqual(['gateway.yaml:33: secret: secure-example-com-rsa']);
  });
});

describe('inlay hints', () => {
  it("ends each listener's first line with its merged port and service, and each certificate with its expiry", async () => {
    const lines = text(GATEWAY).split('\n');
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: uriOf(GATEWAY) },
      range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
    });
    expect(hints.map((h) => `${lines[h.position.line].slice(0, h.position.character)} ‹${h.label}›`)).toEqual([
      '    - port: 8080 ‹8080/HTTP · 2 hosts · service=edge-gateway›',
      '    - port: 8080 ‹8080/HTTP · 2 hosts · service=edge-gateway›',
      '    - port: 8443 ‹8443/HTTPS · 1 host · service=edge-gateway›',
      '          - secret: secure-example-com-rsa ‹expires in 23 d›',
      '          - secret: secure-example-com-ecdsa ‹expires in 23 d›',
    ]);
    // Each hint sits at the end of its line.
    for (const h of hints) expect(h.position.character).toBe(lines[h.position.line].length);
    expect(hints.every((h) => h.paddingLeft === true)).toBe(true);
  });

  it('answers only the hints in the requested range', async () => {
    const start = positionOf(text(GATEWAY), '- port: 8443');
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: uriOf(GATEWAY) },
      range: { start, end: { line: start.line + 1, character: 0 } },
    });
    expect(hints.map((h) => h.label)).toEqual(['8443/HTTPS · 1 host · service=edge-gateway']);
  });
});
