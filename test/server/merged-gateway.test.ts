import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, positionOf, startClient, uriOf, type LspClient } from './support/lsp-client.js';

const FOLDER = resolve(EXAMPLES, 'edge-gateway');
let client: LspClient;

async function merged(file: string, needle: string) {
  const path = resolve(FOLDER, file);
  return client.request<{ gateways: { mesh: string; name: string }[]; text: string } | null>('meshgw/mergedGateway', {
    textDocument: { uri: uriOf(path) },
    position: positionOf(readFileSync(path, 'utf8'), needle, 1),
  });
}

beforeAll(async () => {
  client = startClient();
  await client.initialize({ folders: [FOLDER] });
});

afterAll(async () => {
  await client.close();
});

describe('meshgw/mergedGateway', () => {
  it('answers with the inspect text of the gateway under the cursor', async () => {
    const result = await merged('gateway.yaml', 'hostname: foo.example.com');
    expect(result?.gateways).toEqual([{ mesh: 'default', name: 'edge-gateway' }]);
    const lines = result!.text.split('\n');
    expect(lines[0]).toBe(`MeshGateway edge-gateway (mesh default)  ${resolve(FOLDER, 'gateway.yaml')}`);
    expect(lines).toContain('  port 8080 HTTP: bar.example.com, foo.example.com');
    expect(lines).toContain('  port 8443 HTTPS (connection limit 10000): secure.example.com');
  });

  it('finds the gateway of a Dataplane and of a route', async () => {
    expect((await merged('dataplane.yaml', 'team: platform'))?.gateways).toEqual([{ mesh: 'default', name: 'edge-gateway' }]);
    expect((await merged('routes.yaml', 'value: /api'))?.gateways).toEqual([{ mesh: 'default', name: 'edge-gateway' }]);
  });

  it('shows the gateways of the file elsewhere in it, and null in a file without one', async () => {
    expect((await merged('gateway.yaml', '# Edge gateway'))?.gateways).toEqual([{ mesh: 'default', name: 'edge-gateway' }]);
    expect(await merged('secrets.yaml', 'name: secure-example-com-rsa')).toBeNull();
  });
});
