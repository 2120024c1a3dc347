import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

/**
 * The target Kuma version: `--kuma-version`, then `kumaVersion` in the `.meshgw.yaml` found
 * upward from the paths, then 2.14. What each version says of a file comes from what a running
 * kuma-cp of that version answered (test/fixtures/kuma/admission).
 */

const TLS_EXAMPLE = 'examples/tcp-tls-gateway';
const TLS_GATEWAY = `${TLS_EXAMPLE}/gateway.yaml`;

interface Recorded {
  type: string;
  status: number;
  body: { causes?: { field: string; message: string }[]; invalid_parameters?: { field: string; reason: string }[] };
}

/** What a recorded kuma-cp answered for the MeshGateway of a file. */
function recordedGateway(version: string, file: string): Recorded {
  const recording = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/kuma/admission', `${version}.json`), 'utf8')) as {
    cases: { file: string; documents: Recorded[] }[];
  };
  const doc = recording.cases.find((c) => c.file === file)?.documents.find((d) => d.type === 'MeshGateway');
  if (!doc) throw new Error(`no MeshGateway of ${file} recorded for ${version}`);
  return doc;
}

function errorsOf(stdout: string): string[] {
  const report = JSON.parse(stdout) as { files: { diagnostics: { severity: string; admission: boolean; path: string; message: string }[] }[] };
  return report.files.flatMap((f) => f.diagnostics.filter((d) => d.admission && d.severity === 'error').map((d) => `${d.path}: ${d.message}`));
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'meshgw-version-'));
  mkdirSync(join(dir, 'project', 'gateways'), { recursive: true });
  cpSync(join(ROOT, TLS_EXAMPLE), join(dir, 'project', 'gateways'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the target version', () => {
  it('is 2.14 by default, in the JSON and the stylish output', () => {
    const json = runCli(['check', '--format', 'json', TLS_EXAMPLE]);
    expect(JSON.parse(json.stdout).kumaVersion).toBe('2.14');
    const stylish = runCli(['check', TLS_EXAMPLE]);
    expect(stylish.stdout.trimEnd().split('\n').at(-1)).toBe('Kuma 2.14 rules (the default; choose with --kuma-version or kumaVersion in .meshgw.yaml).');
  });

  it('applies each version as its control plane answered: a TLS listener is refused by 2.0 and accepted by 2.14', () => {
    const kuma20 = recordedGateway('2.0.8', TLS_GATEWAY);
    expect(kuma20.status).toBe(400);
    const old = runCli(['check', '--kuma-version', '2.0', '--format', 'json', TLS_EXAMPLE]);
    expect(old.code).toBe(1);
    expect(JSON.parse(old.stdout).kumaVersion).toBe('2.0');
    expect(errorsOf(old.stdout).sort()).toEqual((kuma20.body.causes ?? []).map((c) => `${c.field}: ${c.message}`).sort());

    expect(recordedGateway('2.14.3', TLS_GATEWAY).status).toBe(201);
    const current = runCli(['check', '--kuma-version', '2.14', '--format', 'json', TLS_EXAMPLE]);
    expect(errorsOf(current.stdout)).toEqual([]);
    expect(current.code).toBe(0);
  });

  it('refuses a version out of range or not a version, naming the supported range, exit 2', () => {
    for (const v of ['1.8', '2.15', '3.0', 'latest']) {
      const r = runCli(['check', '--kuma-version', v, TLS_EXAMPLE]);
      expect(r.code, v).toBe(2);
      expect(r.stderr, v).toContain('2.0 to 2.14');
      expect(r.stdout, v).toBe('');
    }
  });

  it('comes from the .meshgw.yaml found upward from the paths, read as written (2.10 is not 2.1)', () => {
    writeFileSync(join(dir, 'project', '.meshgw.yaml'), 'kumaVersion: 2.10\n');
    const r = runCli(['check', '--format', 'json', join(dir, 'project', 'gateways')]);
    expect(JSON.parse(r.stdout).kumaVersion).toBe('2.10');
    const text = runCli(['check', join(dir, 'project', 'gateways', 'gateway.yaml')]);
    expect(text.stdout).toContain(`Kuma 2.10 rules (from ${join(dir, 'project', '.meshgw.yaml')}).`);
    // The flag beats the project file.
    expect(JSON.parse(runCli(['check', '--kuma-version', '2.0', '--format', 'json', join(dir, 'project')]).stdout).kumaVersion).toBe('2.0');
  });

  it('applies the project file\'s other settings: severity off drops a code', () => {
    writeFileSync(join(dir, 'project', 'gateways', 'extra.yaml'), 'type: MeshGateway\nmesh: default\nname: extra\nselectors:\n  - match:\n      kuma.io/service: extra\nconf:\n  listeners:\n    - port: 9090\n      protocol: HTTP\n      hostnmae: x.example.com\n');
    writeFileSync(join(dir, 'project', '.meshgw.yaml'), 'kumaVersion: "2.14"\n');
    const codes = (out: string) => (JSON.parse(out) as { files: { diagnostics: { code: string }[] }[] }).files.flatMap((f) => f.diagnostics.map((d) => d.code));
    expect(codes(runCli(['check', '--format', 'json', join(dir, 'project')]).stdout)).toContain('unknown-field');
    writeFileSync(join(dir, 'project', '.meshgw.yaml'), 'kumaVersion: "2.14"\nseverity:\n  unknown-field: off\n');
    expect(codes(runCli(['check', '--format', 'json', join(dir, 'project')]).stdout)).not.toContain('unknown-field');
    rmSync(join(dir, 'project', 'gateways', 'extra.yaml'));
  });

  it('stops with exit 2 on a project file it cannot use, pointing at the line', () => {
    writeFileSync(join(dir, 'project', '.meshgw.yaml'), 'kumaVersion: 2.10\nkumaVersoin: 2.7\n');
    const r = runCli(['check', join(dir, 'project')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'project', '.meshgw.yaml')}:2:1: Unknown setting "kumaVersoin"`);
    writeFileSync(join(dir, 'project', '.meshgw.yaml'), 'kumaVersion: 1.9\n');
    const old = runCli(['check', join(dir, 'project')]);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('Kuma 1.9 is not supported: meshgw supports Kuma 2.0 to 2.14');
    rmSync(join(dir, 'project', '.meshgw.yaml'));
  });

  it('is named by inspect (text and JSON) and by schema', () => {
    const json = runCli(['inspect', '--format', 'json', '--kuma-version', '2.7', TLS_EXAMPLE]);
    expect(JSON.parse(json.stdout).kumaVersion).toBe('2.7');
    expect(runCli(['inspect', TLS_EXAMPLE]).stdout.split('\n')[0]).toBe('Kuma 2.14 rules (the default; choose with --kuma-version or kumaVersion in .meshgw.yaml).');
    const schema = JSON.parse(runCli(['schema', '--kind', 'MeshGateway', '--kuma-version', '2.3']).stdout) as { description: string };
    expect(schema.description).toContain('(Kuma 2.3)');
    expect(runCli(['lsp', '--kuma-version', '9.9']).code).toBe(2);
  });
});
