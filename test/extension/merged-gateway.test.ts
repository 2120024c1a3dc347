import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import type { ServerContext } from '../../server/src/context.js';
import { createDocumentStore } from '../../server/src/documents/document-store.js';
import { onMergedGateway } from '../../server/src/handlers/merged-gateway.js';
import { MergedGatewayRequest, type MergedGatewayResult } from '../../server/src/protocol.js';

const ROOT = join(import.meta.dirname, '../..');
const FOLDER = join(ROOT, 'examples/edge-gateway');
const NOW = new Date('2026-01-15T00:00:00Z');

/** The server side of `meshgw: Show merged gateway`, on the edge-gateway example. */
describe('meshgw/mergedGateway', () => {
  let ask: (file: string, needle: string, nth?: number) => Promise<MergedGatewayResult | null>;

  beforeAll(() => {
    const store = createDocumentStore({ now: () => NOW });
    for (const name of readdirSync(FOLDER)) store.setDisk(store.key(pathToFileURL(join(FOLDER, name)).href), readFileSync(join(FOLDER, name), 'utf8'));
    const ctx: ServerContext = {
      store,
      client: {
        snippets: false,
        markdown: true,
        hierarchicalSymbols: true,
        pullDiagnostics: false,
        diagnosticRefresh: false,
        configuration: false,
        watchedFilesRegistration: false,
        workDoneProgress: false,
        workspaceFolders: false,
        liveDocuments: false,
      },
      docsUrl: null,
      live: { staleNote: () => null, sync: () => undefined },
      ready: async () => undefined,
      started: async () => undefined,
      log: () => undefined,
      error: (message) => {
        throw new Error(message);
      },
    };
    const handler = onMergedGateway(ctx);
    ask = (file, needle, nth = 0) => {
      const lines = readFileSync(join(FOLDER, file), 'utf8').split('\n');
      const line = lines.map((l, i) => (l.includes(needle) ? i : -1)).filter((i) => i >= 0)[nth];
      const position = { line, character: lines[line].indexOf(needle) + 1 };
      return handler({ textDocument: { uri: pathToFileURL(join(FOLDER, file)).href }, position }, new CancellationTokenSource().token);
    };
  });

  it('is named once, in the shared protocol file', () => {
    expect(MergedGatewayRequest.method).toBe('meshgw/mergedGateway');
  });

  it('shows the gateway under the cursor as meshgw inspect prints it, files by path', async () => {
    const result = await ask('gateway.yaml', 'hostname: secure.example.com');
    expect(result?.gateways).toEqual([{ mesh: 'default', name: 'edge-gateway' }]);
    const text = result?.text ?? '';
    expect(text.split('\n')[0]).toBe(`MeshGateway edge-gateway (mesh default)  ${join(FOLDER, 'gateway.yaml')}`);
    expect(text).toContain('  port 8080 HTTP: bar.example.com, foo.example.com');
    expect(text).toContain('    listener [2] secure.example.com tls TERMINATE');
    expect(text).toContain('route MeshGatewayRoute');
  });

  it('shows the gateway a dataplane is bound to', async () => {
    const result = await ask('dataplane.yaml', 'address:');
    expect(result?.gateways).toEqual([{ mesh: 'default', name: 'edge-gateway' }]);
  });

  it('shows the gateway a route attaches to', async () => {
    const result = await ask('routes.yaml', 'name:');
    expect(result?.gateways).toEqual([{ mesh: 'default', name: 'edge-gateway' }]);
  });

  it('answers null where no gateway is concerned', async () => {
    expect(await ask('secrets.yaml', 'name:')).toBeNull();
  });
});
