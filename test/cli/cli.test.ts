import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

let dir: string;
const GOOD = `type: MeshGateway
mesh: default
name: edge
selectors:
  - match:
      kuma.io/service: edge
conf:
  listeners:
    - port: 8080
      protocol: HTTP
      hostname: foo.example.com
    - port: 8080
      protocol: HTTP
      hostname: bar.example.com
`;
// Kuma: conf.listeners[0].port: port must be in the range [1, 65535]
const BAD_PORT = GOOD.replace('port: 8080', 'port: 0');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'meshgw-cli-'));
  mkdirSync(join(dir, 'good'));
  writeFileSync(join(dir, 'good', 'gw.yaml'), GOOD);
  writeFileSync(join(dir, 'good', 'notes.txt'), 'not yaml, not walked');
  writeFileSync(join(dir, 'bad.yaml'), BAD_PORT);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('meshgw check', () => {
  it('exits 0 on a clean folder and says so', () => {
    const r = runCli(['check', join(dir, 'good')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No problems found.');
  });

  it('exits 1 with Kuma\'s path and message at the node, in the JSON contract', () => {
    const r = runCli(['check', '--format', 'json', join(dir, 'bad.yaml')]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.version).toBe(1);
    expect(out.summary).toEqual({ errors: 1, warnings: 0, infos: 0, resources: 1 });
    const d = out.files[0].diagnostics[0];
    expect(d).toMatchObject({
      severity: 'error',
      admission: true,
      path: 'conf.listeners[0].port',
      message: 'port must be in the range [1, 65535]',
      resource: { type: 'MeshGateway', mesh: 'default', name: 'edge' },
      range: { start: { line: 8, character: 12 }, end: { line: 8, character: 13 } },
    });
    expect(out.files[0].file).toBe(join(dir, 'bad.yaml'));
  });

  it('prints file:line:col severity message [code] in the stylish form', () => {
    const r = runCli(['check', join(dir, 'bad.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad\.yaml:9:13 error conf\.listeners\[0\]\.port: port must be in the range \[1, 65535\] \[[a-z-]+\]/);
  });

  it('writes SARIF 2.1.0 with 1-based regions', () => {
    const r = runCli(['check', '--format', 'sarif', join(dir, 'bad.yaml')]);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const result = sarif.runs[0].results[0];
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 9, startColumn: 13 });
    expect(sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain(result.ruleId);
  });

  it.each([
    [['check'], /name at least one file or folder/],
    [['check', '--format', 'xml', 'x'], /--format must be text \(or stylish\), json or sarif/],
    [['check', '--nope'], /unknown flag --nope/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 2 on usage errors: %j', (args, message) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('exits 2 with a clear message for unreadable input, without a stack trace', () => {
    const r = runCli(['check', join(dir, 'missing.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.yaml: no such file or folder');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('describes every flag in --help', () => {
    const r = runCli(['check', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--format', '--warning-days', '--no-unknown-fields', '--no-color']) expect(r.stdout).toContain(flag);
  });
});

describe('meshgw inspect', () => {
  it('prints the merged port with both hostnames, most specific order', () => {
    const r = runCli(['inspect', join(dir, 'good')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('port 8080 HTTP: bar.example.com, foo.example.com');
  });

  it('prints the JSON model with ports, listeners, final tags and their sources', () => {
    const r = runCli(['inspect', '--format', 'json', join(dir, 'good')]);
    const out = JSON.parse(r.stdout);
    const g = out.gateways[0];
    expect(g.ports).toEqual([{ port: 8080, protocol: 'HTTP', hostnames: ['bar.example.com', 'foo.example.com'], listeners: [0, 1], connectionLimit: 0, crossMesh: false }]);
    expect(g.listeners[0].finalTags).toEqual({ 'kuma.io/service': 'edge' });
    expect(g.listeners[0].tagSources).toEqual({ 'kuma.io/service': 'selector' });
    expect(g.dataplaneLayerFromSelector).toBe(true);
  });
});
