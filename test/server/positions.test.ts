import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, positionOf, startClient, type LspClient } from './support/lsp-client.js';

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

const FOLDER = resolve(EXAMPLES, 'edge-gateway');
let client: LspClient;
let n = 0;

async function diagnostics(text: string): Promise<{ code: string; range: Range }[]> {
  const uri = client.open(resolve(FOLDER, `positions-${n++}.yaml`), text, 1);
  const report = await client.request<{ items: { code: string; range: Range }[] }>('textDocument/diagnostic', { textDocument: { uri } });
  return report.items;
}

function rangeOf(text: string, needle: string, length = needle.length, occurrence = 0): Range {
  return { start: positionOf(text, needle, 0, occurrence), end: positionOf(text, needle, length, occurrence) };
}

const GATEWAY = [
  'type: MeshGateway',
  'mesh: default',
  'name: positions',
  'selectors:',
  '  - match:',
  '      kuma.io/service: edge-gateway',
  'conf:',
  '  listeners:',
  '    - port: 8080',
  '      protocol: HTTP',
  '      hostname: foo.example.com',
  '      tags:',
  '        kuma.io/service: renamed',
];

beforeAll(async () => {
  client = startClient();
  await client.initialize({ folders: [FOLDER] });
});

afterAll(async () => {
  await client.close();
});

describe('positions', () => {
  it('are right with CRLF line endings', async () => {
    const text = `${GATEWAY.join('\r\n')}\r\n`;
    const items = await diagnostics(text);
    expect(items.find((d) => d.code === 'gateway-listener-tags')?.range).toEqual(rangeOf(text, 'kuma.io/service: renamed', 'kuma.io/service'.length));
    const uri = client.open(resolve(FOLDER, 'crlf-hover.yaml'), text, 1);
    const hover = await client.request<{ range: Range }>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'hostname: foo', 3) });
    expect(hover.range).toEqual(rangeOf(text, 'hostname: foo', 'hostname'.length));
  });

  it('count a tab as one character', async () => {
    const text = `${GATEWAY.slice(0, -2).join('\n')}\n      tags: {\tvhost: a,\tkuma.io/service: renamed}\n`;
    const items = await diagnostics(text);
    expect(items.find((d) => d.code === 'gateway-listener-tags')?.range).toEqual(rangeOf(text, 'kuma.io/service: renamed', 'kuma.io/service'.length));
    const tabs = readFileSync(resolve(EXAMPLES, 'broken/yaml-tabs.yaml'), 'utf8');
    const tabItems = await diagnostics(tabs);
    expect(tabItems.find((d) => d.code === 'yaml-tab')?.range.start).toEqual(positionOf(tabs, '\t\t\t\tvhost'));
  });

  it('count UTF-16 units for characters outside ASCII', async () => {
    const text = `${GATEWAY.slice(0, -2).join('\n')}\n      tags: {"café": "naïve 🚀", kuma.io/service: renamed}\n`;
    const items = await diagnostics(text);
    const range = rangeOf(text, 'kuma.io/service: renamed', 'kuma.io/service'.length);
    expect(items.filter((d) => d.code === 'gateway-listener-tags').map((d) => d.range)).toContainEqual(range);
    // "🚀" is two UTF-16 units: the key starts at character 33, not 32.
    expect(range.start.character).toBe(33);
  });

  it('count a byte order mark as the first character of line 0', async () => {
    const text = `\uFEFF{type: MeshGateway, mesh: default, name: bom, selectors: [{match: {kuma.io/service: edge-gateway}}], tags: {kuma.io/service: renamed}, conf: {listeners: [{port: 80, protocol: HTTP}]}}\n`;
    const items = await diagnostics(text);
    expect(items.find((d) => d.code === 'gateway-tags')?.range).toEqual(rangeOf(text, 'kuma.io/service: renamed', 'kuma.io/service'.length));
    const block = `\uFEFF${GATEWAY.join('\n')}\n`;
    const blockItems = await diagnostics(block);
    expect(blockItems.find((d) => d.code === 'gateway-listener-tags')?.range).toEqual(rangeOf(block, 'kuma.io/service: renamed', 'kuma.io/service'.length));
    const uri = client.open(resolve(FOLDER, 'bom-completion.yaml'), `\uFEFF${GATEWAY.slice(0, 9).join('\n')}\n      prot\n`, 1);
    const list = await client.request<{ items: { label: string; textEdit: { range: Range } }[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 9, character: 10 },
    });
    expect(list.items.find((i) => i.label === 'protocol')?.textEdit.range).toEqual({ start: { line: 9, character: 6 }, end: { line: 9, character: 10 } });
  });
});
