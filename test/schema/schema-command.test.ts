import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { jsonSchema, type SchemaKind } from '@meshgw/engine';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLES = join(ROOT, 'examples');
const BROKEN = join(EXAMPLES, 'broken');
const MESHGW = join(ROOT, 'packages/cli/bin/meshgw.js');
const KINDS = ['MeshGateway', 'MeshGatewayRoute', 'Dataplane'] as const;
type Kind = (typeof KINDS)[number];

/** Annotations for editors (VS Code and yaml-language-server read them; validators ignore them). */
const EDITOR_KEYWORDS = [
  'markdownDescription',
  'markdownEnumDescriptions',
  'enumDescriptions',
  'deprecationMessage',
  'errorMessage',
  'patternErrorMessage',
  'defaultSnippets',
  'doNotSuggest',
  'suggestSortText',
];

const run = promisify(execFile);

async function meshgw(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [MESHGW, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function compile(schema: unknown): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  ajv.addVocabulary(EDITOR_KEYWORDS);
  return ajv.compile(schema as object);
}

interface ResourceDocument {
  file: string;
  index: number;
  kind: Kind;
  value: unknown;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

/** The MeshGateway, MeshGatewayRoute and Dataplane documents of the files, in either form. */
function resourceDocuments(files: string[]): ResourceDocument[] {
  const out: ResourceDocument[] = [];
  for (const file of files) {
    parseAllDocuments(readFileSync(file, 'utf8')).forEach((doc, index) => {
      if (doc.errors.length > 0) return;
      const value = doc.toJS() as Record<string, unknown> | null;
      if (!value || typeof value !== 'object') return;
      const kind = 'apiVersion' in value ? value.kind : value.type;
      if ((KINDS as readonly unknown[]).includes(kind)) out.push({ file: relative(ROOT, file), index, kind: kind as Kind, value });
    });
  }
  return out;
}

/**
 * Shape errors in examples/broken that a schema can see, with one error each must produce:
 * [file, instance path, keyword, missing or extra property / limit].
 */
const SHAPE_ERRORS: [string, string, string, string | number][] = [
  ['dataplane-no-networking.yaml', '', 'required', 'networking'],
  ['enum-lowercase-path-match.yaml', '/conf/http/rules/0/matches/0/path/match', 'enum', ''],
  ['enum-lowercase-protocol.yaml', '/conf/listeners/0/protocol', 'enum', ''],
  ['enum-lowercase-tls-mode.yaml', '/conf/listeners/0/tls/mode', 'enum', ''],
  ['gateway-no-conf.yaml', '', 'required', 'conf'],
  ['gateway-no-listeners.yaml', '/conf/listeners', 'minItems', 1],
  ['gateway-no-selectors.yaml', '/selectors', 'minItems', 1],
  ['gateway-port-out-of-range.yaml', '/conf/listeners/2/port', 'maximum', 65535],
  ['gateway-protocol-missing.yaml', '/conf/listeners/0', 'required', 'protocol'],
  ['gateway-selector-empty-match.yaml', '/selectors/0/match', 'required', 'kuma.io/service'],
  ['gateway-selector-missing-service.yaml', '/selectors/0/match', 'required', 'kuma.io/service'],
  ['kubernetes-gateway-missing-mesh.yaml', '', 'required', 'mesh'],
  ['meta-mesh-missing.yaml', '', 'required', 'mesh'],
  ['meta-name-missing.yaml', '', 'required', 'name'],
  ['route-backend-destination.yaml', '/conf/http/rules/0/backends/0', 'required', 'destination'],
  ['route-conf-empty.yaml', '/conf', 'required', 'http'],
  ['route-filter-mirror-backend.yaml', '/conf/http/rules/0/filters/0/mirror', 'required', 'backend'],
  ['route-filter-mirror-percentage.yaml', '/conf/http/rules/1/filters/0/mirror/percentage', 'maximum', 100],
  ['route-filter-redirect-port.yaml', '/conf/http/rules/0/filters/0/redirect/port', 'maximum', 65535],
  ['route-filter-redirect-status-code.yaml', '/conf/http/rules/0/filters/0/redirect', 'required', 'statusCode'],
  ['route-filter-request-header-entries.yaml', '/conf/http/rules/0/filters/0/requestHeader/set/0', 'required', 'name'],
  ['route-http-no-rules.yaml', '/conf/http', 'required', 'rules'],
  ['route-match-headers.yaml', '/conf/http/rules/0/matches/0/headers/2', 'required', 'name'],
  ['route-match-query-parameters.yaml', '/conf/http/rules/0/matches/0/queryParameters/0', 'required', 'value'],
  ['route-no-conf.yaml', '', 'required', 'conf'],
  ['route-no-selectors.yaml', '', 'required', 'selectors'],
  ['route-rule-no-matches.yaml', '/conf/http/rules/0', 'required', 'matches'],
  ['route-selector-empty-match.yaml', '/selectors/0/match', 'required', 'kuma.io/service'],
  ['route-selector-missing-service.yaml', '/selectors/0/match', 'required', 'kuma.io/service'],
  ['tag-value-not-a-string.yaml', '/conf/listeners/0/tags/version', 'type', ''],
  ['typo-hostnmae.yaml', '/conf/listeners/0', 'additionalProperties', 'hostnmae'],
  ['typo-protocl.yaml', '/conf/listeners/0', 'additionalProperties', 'protocl'],
  ['typo-route-destinaton.yaml', '/conf/http/rules/0/backends/0', 'additionalProperties', 'destinaton'],
  ['typo-selector.yaml', '', 'additionalProperties', 'selector'],
];

function describeError(e: ErrorObject): [string, string, string | number] {
  const p = e.params as { missingProperty?: string; additionalProperty?: string; limit?: number };
  return [e.instancePath, e.keyword, p.missingProperty ?? p.additionalProperty ?? p.limit ?? ''];
}

const printed = new Map<SchemaKind, unknown>();
const validators = new Map<SchemaKind, ValidateFunction>();

beforeAll(async () => {
  for (const kind of [...KINDS, 'all'] as SchemaKind[]) {
    const out = await meshgw('schema', '--kind', kind);
    expect(out.code, out.stderr).toBe(0);
    printed.set(kind, JSON.parse(out.stdout));
    validators.set(kind, compile(printed.get(kind)));
  }
});

describe('meshgw schema', () => {
  it('prints the engine schema for every kind, all kinds by default', async () => {
    for (const kind of [...KINDS, 'all'] as SchemaKind[]) expect(printed.get(kind)).toEqual(jsonSchema(kind));
    const plain = await meshgw('schema');
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout)).toEqual(printed.get('all'));
  });

  it('prints draft-07, the version yaml-language-server reads', () => {
    for (const schema of printed.values()) expect((schema as { $schema: string }).$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('takes the kind in any case', async () => {
    const out = await meshgw('schema', '--kind', 'meshgatewayroute');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(printed.get('MeshGatewayRoute'));
  });

  it('rejects an unknown kind or a stray argument with exit code 2', async () => {
    const kind = await meshgw('schema', '--kind', 'Secret');
    expect(kind.code).toBe(2);
    expect(kind.stdout).toBe('');
    expect(kind.stderr).toContain('--kind must be one of MeshGateway, MeshGatewayRoute, Dataplane, all');
    const stray = await meshgw('schema', 'examples');
    expect(stray.code).toBe(2);
  });

  it('is listed in the help', async () => {
    const out = await meshgw('--help');
    expect(out.stdout).toMatch(/^ {2}schema\s+print a JSON Schema/m);
    const help = await meshgw('schema', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: meshgw schema [--kind KIND]');
  });
});

describe('the printed schema on the examples', () => {
  const valid = resourceDocuments(yamlFiles(EXAMPLES).filter((f) => !f.startsWith(BROKEN + '/') && !f.includes('/certs/')));

  it('finds documents of every kind in both forms', () => {
    expect(valid.length).toBeGreaterThan(10);
    for (const kind of KINDS) expect(valid.some((d) => d.kind === kind)).toBe(true);
    expect(valid.some((d) => 'apiVersion' in (d.value as object))).toBe(true);
    expect(valid.some((d) => 'type' in (d.value as object) && !('apiVersion' in (d.value as object)))).toBe(true);
  });

  it('accepts every valid example, with the schema of all kinds and of its own kind', () => {
    const all = validators.get('all')!;
    const failures: string[] = [];
    for (const d of valid) {
      for (const [name, validate] of [['all', all], [d.kind, validators.get(d.kind)!]] as const) {
        if (!validate(d.value)) failures.push(`${d.file}#${d.index} (${name}): ${JSON.stringify(validate.errors?.map(describeError))}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('accepts every document of the examples outside broken/ with the schema of all kinds, whatever its kind', () => {
    const all = validators.get('all')!;
    const failures: string[] = [];
    const kinds = new Set<unknown>();
    for (const file of yamlFiles(EXAMPLES).filter((f) => !f.startsWith(BROKEN + '/') && !f.includes('/certs/'))) {
      parseAllDocuments(readFileSync(file, 'utf8')).forEach((doc, index) => {
        const value = doc.toJS() as Record<string, unknown> | null;
        if (!value || typeof value !== 'object') return;
        kinds.add('apiVersion' in value ? value.kind : value.type);
        if (!all(value)) failures.push(`${relative(ROOT, file)}#${index}: ${JSON.stringify(all.errors?.map(describeError))}`);
      });
    }
    expect(kinds).toContain('MeshGatewayInstance');
    expect(failures).toEqual([]);
  });

  it('accepts the documents of examples/broken of kinds it does not describe', () => {
    const all = validators.get('all')!;
    const failures: string[] = [];
    for (const file of yamlFiles(BROKEN)) {
      for (const [index, doc] of parseAllDocuments(readFileSync(file, 'utf8')).entries()) {
        if (doc.errors.length > 0) continue;
        const value = doc.toJS() as Record<string, unknown> | null;
        if (!value || typeof value !== 'object') continue;
        if ((KINDS as readonly unknown[]).includes('apiVersion' in value ? value.kind : value.type)) continue;
        if (!all(value)) failures.push(`${relative(ROOT, file)}#${index}: ${JSON.stringify(all.errors?.map(describeError))}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('rejects a valid document of another kind with the schema of one kind', () => {
    for (const kind of KINDS) {
      const validate = validators.get(kind)!;
      const other = valid.find((d) => d.kind !== kind)!;
      expect(validate(other.value), `${kind} schema on ${other.file}`).toBe(false);
    }
  });

  it.each(SHAPE_ERRORS)('rejects examples/broken/%s at "%s" (%s %s)', (file, path, keyword, param) => {
    const full = join(BROKEN, file);
    expect(existsSync(full), `${file} is gone from examples/broken; update SHAPE_ERRORS`).toBe(true);
    const docs = resourceDocuments([full]);
    expect(docs.length).toBeGreaterThan(0);
    const validate = validators.get('all')!;
    const errors = docs.flatMap((d) => (validate(d.value) ? [] : (validate.errors ?? []).map(describeError)));
    expect(errors).toContainEqual([path, keyword, param]);
  });
});
