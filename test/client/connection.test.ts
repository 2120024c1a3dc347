import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createKumaClient,
  describeConnection,
  parseKumactlConfig,
  resolveConnection,
  type ConnectionEnvironment,
  type ConnectionFlags,
  type ConnectionSettings,
} from '@meshgw/kuma-client';
import { fakeControlPlaneFixtures, startFakeControlPlane, type FakeControlPlane } from '../support/fake-control-plane.js';
import { ADMIN_TOKEN, smallDataSet } from '../support/fake-cp-data.js';

const CA = readFileSync(fakeControlPlaneFixtures.caCert, 'utf8');
const CLIENT_CERT = readFileSync(fakeControlPlaneFixtures.clientCert, 'utf8');
const CLIENT_KEY = readFileSync(fakeControlPlaneFixtures.clientKey, 'utf8');
const HOME_CONFIG = '/home/ops/.kumactl/config';

/** kumactl's own output shape (camelCase), modelled on its `config control-planes add` golden file. */
const CAMEL = `contexts:
- controlPlane: test1
  defaults:
    mesh: demo
  name: test1
- controlPlane: example
  name: example
controlPlanes:
  - coordinates:
      apiServer:
        url: https://test1.internal:5681
    name: test1
  - coordinates:
      apiServer:
        headers:
          - key: abc
            value: xyz
          - key: def
            value: pqr
        caCertFile: /etc/kuma/ca.pem
        clientCertFile: /etc/kuma/client.pem
        clientKeyFile: /etc/kuma/client.key
        url: https://kuma.example.com:5682/api
        authType: tokens
        authConf:
          token: ${ADMIN_TOKEN}
    name: example
currentContext: example
`;

/** The same kind of file with snake_case keys, which kumactl also accepts. */
const SNAKE = `control_planes:
- name: test1
  coordinates:
    api_server:
      url: https://test1.internal:5681
      skip_verify: true
- name: test2
  coordinates:
    api_server:
      url: http://test2.internal:5681
      auth_type: tokens
      auth_conf:
        token: tok-SNAKE-never-print-me
contexts:
- name: test1
  control_plane: test1
  defaults:
    mesh: demo
- name: test2
  control_plane: test2
  defaults:
    mesh: default
current_context: test1
`;

interface Environment extends ConnectionEnvironment {
  reads: string[];
}

function environment(files: Record<string, string>, env: Record<string, string> = {}): Environment {
  const reads: string[] = [];
  return {
    reads,
    env: { HOME: '/home/ops', ...env },
    homeDir: '/nonexistent',
    readFile: async (path) => {
      reads.push(path);
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return content;
    },
  };
}

const TLS_FILES = { '/etc/kuma/ca.pem': CA, '/etc/kuma/client.pem': CLIENT_CERT, '/etc/kuma/client.key': CLIENT_KEY };

async function resolve(flags: ConnectionFlags, files: Record<string, string>, env: Record<string, string> = {}): Promise<ConnectionSettings> {
  const result = await resolveConnection(flags, environment(files, env));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function resolveError(flags: ConnectionFlags, files: Record<string, string>, env: Record<string, string> = {}): Promise<string> {
  const result = await resolveConnection(flags, environment(files, env));
  if (result.ok) throw new Error('expected a config error');
  expect(result.error.kind).toBe('config');
  return result.error.message;
}

describe('resolveConnection', () => {
  it('uses the current context of a camelCase config: URL with base path, token, headers, CA, client certificate', async () => {
    const settings = await resolve({}, { [HOME_CONFIG]: CAMEL, ...TLS_FILES });
    expect(settings).toEqual({
      url: 'https://kuma.example.com:5682/api',
      token: ADMIN_TOKEN,
      tokenSource: 'kumactl',
      headers: { abc: 'xyz', def: 'pqr' },
      tls: { caCertificates: CA, clientCertificate: CLIENT_CERT, clientKey: CLIENT_KEY, insecureSkipVerify: false },
      source: { kind: 'kumactl', file: HOME_CONFIG, context: 'example', controlPlane: 'example' },
      defaultMesh: null,
      warnings: [],
    });
  });

  it('reads snake_case keys, including skip_verify and auth_conf', async () => {
    const settings = await resolve({}, { [HOME_CONFIG]: SNAKE });
    expect(settings).toMatchObject({
      url: 'https://test1.internal:5681',
      token: null,
      tls: { insecureSkipVerify: true, caCertificates: null },
      source: { kind: 'kumactl', context: 'test1', controlPlane: 'test1' },
      defaultMesh: 'demo',
    });
    expect(settings.warnings).toEqual([expect.stringMatching(/TLS verification is off for test1\.internal:5681/)]);
  });

  it('picks another context with --context', async () => {
    const settings = await resolve({ context: 'test2' }, { [HOME_CONFIG]: SNAKE });
    expect(settings).toMatchObject({ url: 'http://test2.internal:5681', token: 'tok-SNAKE-never-print-me', tokenSource: 'kumactl', defaultMesh: 'default' });
    expect(settings.warnings).toEqual(['The token is sent over plain HTTP to test2.internal:5681.']);
  });

  it('lets MESHGW_TOKEN override the context token, and --token override both', async () => {
    const files = { [HOME_CONFIG]: SNAKE };
    expect(await resolve({ context: 'test2' }, files, { MESHGW_TOKEN: 'from-env-token' })).toMatchObject({ token: 'from-env-token', tokenSource: 'env' });
    expect(await resolve({ context: 'test2', token: 'from-flag-token' }, files, { MESHGW_TOKEN: 'from-env-token' })).toMatchObject({
      token: 'from-flag-token',
      tokenSource: 'flag',
    });
  });

  it('with --cp ignores the kumactl config entirely, its token included', async () => {
    const env = environment({ [HOME_CONFIG]: CAMEL });
    const result = await resolveConnection({ cp: 'http://127.0.0.1:5681', context: 'example' }, env);
    expect(result.ok && result.value).toMatchObject({
      url: 'http://127.0.0.1:5681',
      token: null,
      headers: {},
      source: { kind: 'flag' },
      warnings: ['--context is ignored because --cp is given.'],
    });
    expect(env.reads).toEqual([]);
  });

  it('takes --ca-cert and --insecure-skip-tls-verify over the context', async () => {
    const files = { [HOME_CONFIG]: CAMEL, ...TLS_FILES, '/tmp/other.pem': 'x\n-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n' };
    expect((await resolve({ caCertFile: '/tmp/other.pem' }, files)).tls.caCertificates).toContain('AA==');
    expect((await resolve({ cp: 'https://cp:5682', insecureSkipTlsVerify: true }, files)).tls.insecureSkipVerify).toBe(true);
    expect((await resolve({ cp: 'https://cp:5682' }, files)).tls.insecureSkipVerify).toBe(false);
  });

  it("falls back to kumactl's default without a config file", async () => {
    const settings = await resolve({}, {});
    expect(settings).toMatchObject({ url: 'http://localhost:5681', token: null, source: { kind: 'default', file: HOME_CONFIG } });
  });

  it('uses the home directory when HOME is unset, and --config-file when given', async () => {
    const env = environment({ '/srv/kumactl.yaml': SNAKE });
    env.env = {};
    env.homeDir = '/root';
    expect((await resolveConnection({}, env)).ok).toBe(true);
    expect(env.reads).toEqual(['/root/.kumactl/config']);
    const explicit = await resolve({ configFile: '/srv/kumactl.yaml' }, { '/srv/kumactl.yaml': SNAKE });
    expect(explicit.source).toEqual({ kind: 'kumactl', file: '/srv/kumactl.yaml', context: 'test1', controlPlane: 'test1' });
  });

  it.each([
    ['an unknown context', { context: 'prod' }, { [HOME_CONFIG]: SNAKE }, /has no context "prod"; it has "test1", "test2"\.$/],
    ['no current context', {}, { [HOME_CONFIG]: 'contexts: []\n' }, /has no current context .*active Control Plane is not set.*--cp URL or --context NAME\.$/],
    ['a missing file with --context', { context: 'test1' }, {}, /Cannot read the kumactl config \/home\/ops\/\.kumactl\/config \(ENOENT\)\.$/],
    ['a context naming an unknown control plane', {}, { [HOME_CONFIG]: 'currentContext: a\ncontexts:\n- name: a\n  controlPlane: b\n' }, /names control plane "b", which .* does not define\.$/],
    ['a control plane without a URL', {}, { [HOME_CONFIG]: 'currentContext: a\ncontexts: [{name: a, controlPlane: b}]\ncontrolPlanes: [{name: b, coordinates: {apiServer: {}}}]\n' }, /has no coordinates\.apiServer\.url\.$/],
    ['a URL that is not http', { cp: 'ftp://cp' }, {}, /must start with http:\/\/ or https:\/\//],
    ['an unreadable CA file', { caCertFile: '/missing.pem' }, { [HOME_CONFIG]: SNAKE }, /Cannot read the CA certificate file \/missing\.pem \(ENOENT\)\.$/],
    ['a CA file without certificates', { caCertFile: '/etc/kuma/client.key' }, { [HOME_CONFIG]: SNAKE, ...TLS_FILES }, /holds no PEM CA certificate\.$/],
    ['a client certificate without its key', { clientCertFile: '/etc/kuma/client.pem' }, { [HOME_CONFIG]: SNAKE, ...TLS_FILES }, /needs both a certificate file and a key file/],
  ] as const)('fails with a config error on %s', async (_name, flags, files, message) => {
    expect(await resolveError(flags, files)).toMatch(message);
  });

  it('never repeats file content when the YAML is broken', async () => {
    const message = await resolveError({}, { [HOME_CONFIG]: `currentContext: x\n  token: ${ADMIN_TOKEN}\n bad: [\n` });
    expect(message).toMatch(/^The kumactl config \/home\/ops\/\.kumactl\/config is not valid YAML: /);
    expect(message).not.toContain(ADMIN_TOKEN);
  });

  it('warns about an unsupported authType and sends no token', async () => {
    const config = 'currentContext: a\ncontexts: [{name: a, controlPlane: b}]\ncontrolPlanes: [{name: b, coordinates: {apiServer: {url: "https://cp:5682", authType: oidc, authConf: {token: abc}}}}]\n';
    const settings = await resolve({}, { [HOME_CONFIG]: config });
    expect(settings.token).toBeNull();
    expect(settings.warnings).toEqual(['Authentication type "oidc" is not supported; continuing without its credentials.']);
  });

  it('describes a connection without the token', async () => {
    const settings = await resolve({}, { [HOME_CONFIG]: CAMEL, ...TLS_FILES });
    const line = describeConnection(settings);
    expect(line).toBe('https://kuma.example.com:5682/api (kumactl context "example", token from the kumactl context, custom CA)');
    expect(line).not.toContain(ADMIN_TOKEN);
  });
});

describe('parseKumactlConfig', () => {
  it('reads both spellings into the same config', () => {
    const camel = parseKumactlConfig('currentContext: a\ncontexts: [{name: a, controlPlane: b, defaults: {mesh: m}}]\ncontrolPlanes: [{name: b, coordinates: {apiServer: {url: "http://x", caCertFile: /ca, skipVerify: true}}}]\n', 'c');
    const snake = parseKumactlConfig('current_context: a\ncontexts: [{name: a, control_plane: b, defaults: {mesh: m}}]\ncontrol_planes: [{name: b, coordinates: {api_server: {url: "http://x", ca_cert_file: /ca, skip_verify: true}}}]\n', 'c');
    expect(camel).toEqual(snake);
    expect(camel.ok && camel.value.controlPlanes[0].apiServer).toMatchObject({ url: 'http://x', caCertFile: '/ca', skipVerify: true });
  });

  it('reads an empty file as an empty config', () => {
    expect(parseKumactlConfig('', 'c')).toEqual({ ok: true, value: { currentContext: null, contexts: [], controlPlanes: [] } });
  });
});

describe('a resolved connection against the fake control plane', () => {
  let cp: FakeControlPlane | null = null;
  afterEach(async () => {
    await cp?.close();
    cp = null;
  });

  it('sends the context token, so admin-only Secrets load', async () => {
    cp = await startFakeControlPlane({ data: smallDataSet(), adminToken: ADMIN_TOKEN, basePath: '/api' });
    const config = `currentContext: local\ncontexts: [{name: local, controlPlane: local}]\ncontrolPlanes:\n- name: local\n  coordinates:\n    apiServer:\n      url: ${cp.url}\n      authType: tokens\n      authConf: {token: ${ADMIN_TOKEN}}\n      headers: [{key: X-Org, value: acme}]\n`;
    const settings = await resolve({}, { [HOME_CONFIG]: config });
    const created = createKumaClient(settings);
    if (!created.ok) throw new Error(created.error.message);
    const secrets = await created.value.listSecrets('default');
    expect(secrets.state).toBe('ok');
    expect(cp.requests.map((request) => [request.path, request.identity])).toEqual([['/meshes/default/secrets', 'admin']]);
    created.value.close();
  });
});
