import { afterEach, describe, expect, it } from 'vitest';
import { createKumaClient, type ClientError, type ClientErrorKind, type KumaClient, type KumaClientOptions } from '@meshgw/kuma-client';
import { startFakeControlPlane, type FakeControlPlane, type FakeFault } from '../support/fake-control-plane.js';
import { ADMIN_TOKEN, smallDataSet } from '../support/fake-cp-data.js';

const open: { cp: FakeControlPlane; client: KumaClient }[] = [];

afterEach(async () => {
  for (const { cp, client } of open.splice(0)) {
    client.close();
    await cp.close();
  }
});

async function setup(options: KumaClientOptions & { token?: string } = {}): Promise<{ cp: FakeControlPlane; client: KumaClient }> {
  const cp = await startFakeControlPlane({ data: smallDataSet(), adminToken: ADMIN_TOKEN });
  const { token = ADMIN_TOKEN, ...clientOptions } = options;
  const created = createKumaClient(
    { url: cp.url, token, headers: { 'X-Org': 'acme' }, tls: { caCertificates: null, clientCertificate: null, clientKey: null, insecureSkipVerify: false } },
    { timeoutMs: 500, ...clientOptions },
  );
  if (!created.ok) throw new Error(created.error.message);
  const entry = { cp, client: created.value };
  open.push(entry);
  return entry;
}

interface Case {
  name: string;
  /** The fault injected on `/meshes`, or a function that prepares the fake otherwise. */
  fault?: FakeFault;
  prepare?: (cp: FakeControlPlane) => Promise<void>;
  options?: KumaClientOptions & { token?: string };
  call?: (client: KumaClient, signal: AbortSignal) => Promise<{ ok: true } | { ok: false; error: ClientError }>;
  abortAfterMs?: number;
  kind: ClientErrorKind;
  message: RegExp;
  status?: number;
}

const CASES: Case[] = [
  {
    name: 'connection refused',
    prepare: (cp) => cp.close(),
    kind: 'unreachable',
    message: /^Cannot connect to the control plane at http:\/\/127\.0\.0\.1:\d+: the connection was refused \(ECONNREFUSED\)\. Is kuma-cp running at that address\?$/,
  },
  { name: 'reset before the answer', fault: { kind: 'reset' }, kind: 'unreachable', message: /: the connection was closed before an answer \(ECONNRESET\)\./ },
  { name: 'reset in the middle of the body', fault: { kind: 'reset-mid-body' }, kind: 'unreachable', message: /broke while reading GET \/meshes\?size=1000/ },
  { name: 'no answer', fault: { kind: 'hang' }, kind: 'timeout', message: /did not answer GET \/meshes\?size=1000 within 500 ms\.$/ },
  { name: '500 with a Kuma error body', fault: { kind: 'status', status: 500 }, kind: 'http', status: 500, message: /^GET \/meshes\?size=1000 failed with HTTP 500: Internal Server Error: Internal Server Error\.$/ },
  {
    name: '502 with an HTML page',
    fault: { kind: 'html', status: 502 },
    kind: 'http',
    status: 502,
    message: /^GET \/meshes\?size=1000 failed with HTTP 502: 502 Bad Gateway 502 Bad Gateway nginx\/1\.25\.3\.$/,
  },
  { name: '200 with invalid JSON', fault: { kind: 'invalid-json' }, kind: 'invalid-json', message: /answered HTTP 200 with a body that is not JSON/ },
  { name: '200 with the wrong shape', fault: { kind: 'wrong-shape' }, kind: 'bad-shape', message: /did not answer with a list/ },
  {
    name: '200 with items that are not resources',
    fault: { kind: 'wrong-shape', body: { total: 1, items: [42], next: null } },
    kind: 'bad-shape',
    message: /an item without a name/,
  },
  {
    name: '401 for a bad token',
    options: { token: 'tok-WRONG-0000-never-print-me' },
    kind: 'unauthorized',
    status: 401,
    message: /rejected the token \(HTTP 401: Invalid authentication data: Unauthenticated\)/,
  },
  { name: '401 injected', fault: { kind: 'status', status: 401 }, kind: 'unauthorized', status: 401, message: /rejected the token/ },
  { name: '403', fault: { kind: 'status', status: 403 }, kind: 'forbidden', status: 403, message: /^Access denied to GET \/meshes\?size=1000 \(HTTP 403: Access Denied: user/ },
  {
    name: '404 on a gateway',
    call: (client, signal) => client.getMeshGatewayDataplanes('default', 'nope', { signal }),
    kind: 'not-found',
    status: 404,
    message: /^GET \/meshes\/default\/meshgateways\/nope\/dataplanes found nothing .* \(HTTP 404: Could not find MeshGateway: Not found\)\.$/,
  },
  {
    name: '404 in plain text on meshgateways',
    prepare: async (cp) => cp.setFault('/meshes/default/meshgateways', { kind: 'status', status: 404, body: '404: Page Not Found', contentType: 'text/plain' }),
    call: (client, signal) => client.listMeshGateways('default', { signal }),
    kind: 'no-gateway-support',
    status: 404,
    message: /has no builtin MeshGateway support/,
  },
  { name: 'next repeating its offset', fault: { kind: 'endless-paging', mode: 'same' }, kind: 'paging', message: /repeats offset 0; paging stopped/ },
  {
    name: 'next moving on forever',
    fault: { kind: 'endless-paging', mode: 'advance' },
    options: { maxPages: 5 },
    kind: 'paging',
    message: /still had more pages after 5 pages of 1000; stopped/,
  },
  { name: 'a body over the limit', fault: { kind: 'huge-body', bytes: 200_000 }, options: { maxBodyBytes: 100_000 }, kind: 'http', message: /is larger than/ },
  { name: 'the caller aborting', fault: { kind: 'hang' }, options: { timeoutMs: 5_000 }, abortAfterMs: 30, kind: 'aborted', message: /^GET \/meshes\?size=1000 was cancelled\.$/ },
];

async function check(testCase: Case): Promise<ClientError> {
  const { cp, client } = await setup(testCase.options);
  if (testCase.fault !== undefined) cp.setFault('/meshes', testCase.fault);
  await testCase.prepare?.(cp);
  const controller = new AbortController();
  if (testCase.abortAfterMs !== undefined) setTimeout(() => controller.abort(), testCase.abortAfterMs);
  const call = testCase.call ?? ((c: KumaClient, signal: AbortSignal) => c.listMeshes({ signal }));
  const result = await call(client, controller.signal);
  if (result.ok) throw new Error(`${testCase.name}: expected an error`);
  const error = result.error;
  expect(error.kind).toBe(testCase.kind);
  expect(error.message).toMatch(testCase.message);
  if (testCase.status !== undefined) expect(error.status).toBe(testCase.status);
  return error;
}

describe('errors are values with a kind and a sentence', () => {
  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
    const error = await check(testCase);
    const text = JSON.stringify(error);
    expect(text).not.toContain(ADMIN_TOKEN);
    expect(text).not.toContain('never-print-me');
    expect(text).not.toMatch(/<[a-z]/i);
    expect(error.message).toMatch(/[.?]$/);
  });

  it('never repeats the token, even when the server echoes it back', async () => {
    const { cp, client } = await setup();
    cp.setFault('/meshes', {
      kind: 'status',
      status: 500,
      body: JSON.stringify({ title: `token ${ADMIN_TOKEN} rejected`, detail: `Authorization: Bearer ${ADMIN_TOKEN}` }),
    });
    const result = await client.listMeshes();
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(ADMIN_TOKEN);
    expect(result.ok ? '' : result.error.message).toContain('[redacted]');
  });

  it('strips HTML and cuts long bodies to a short snippet', async () => {
    const { cp, client } = await setup();
    cp.setFault('/meshes', { kind: 'status', status: 503, contentType: 'text/html', body: `<html><body><h1>Down</h1><p>${'maintenance '.repeat(100)}</p></body></html>` });
    const result = await client.listMeshes();
    const message = result.ok ? '' : result.error.message;
    expect(message).toMatch(/^GET \/meshes\?size=1000 failed with HTTP 503: Down maintenance maintenance/);
    expect(message.length).toBeLessThan(300);
    expect(message).not.toMatch(/[<>]/);
  });

  it('reads pre-2.3 error bodies (details, causes)', async () => {
    const { cp, client } = await setup();
    cp.setFault('/meshes', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({ title: 'Could not retrieve resources', details: 'Invalid page size', causes: [{ field: 'size', message: 'invalid page size of 2000. Maximum page size is 1000' }] }),
    });
    const result = await client.listMeshes();
    expect(result.ok ? null : result.error).toMatchObject({
      kind: 'http',
      status: 400,
      title: 'Could not retrieve resources',
      detail: 'Invalid page size',
      message: 'GET /meshes?size=1000 failed with HTTP 400: Could not retrieve resources: Invalid page size (size: invalid page size of 2000. Maximum page size is 1000).',
    });
  });

  it('says a token is needed when none was sent', async () => {
    const { cp, client } = await setup({ token: '' });
    cp.setFault('/meshes', { kind: 'status', status: 401 });
    const result = await client.listMeshes();
    expect(result.ok ? null : result.error.message).toMatch(/requires a token \(HTTP 401.*Pass --token or set MESHGW_TOKEN\.$/);
  });

  it('answers Secrets 403 as a state, not an error', async () => {
    const { client } = await setup({ token: 'tok-WRONG-never-print-me' });
    expect(await client.listSecrets('default')).toMatchObject({ state: 'error', error: { kind: 'unauthorized' } });
    const anonymous = await setup({ token: '' });
    expect(await anonymous.client.listSecrets('default')).toEqual({ state: 'forbidden', message: expect.stringMatching(/admin token/) });
    expect(await anonymous.client.listGlobalSecrets()).toEqual({ state: 'forbidden', message: expect.stringMatching(/admin token/) });
  });

  it('recovers after a transient fault', async () => {
    const { cp, client } = await setup();
    cp.setFault('/meshes', { kind: 'reset' }, { times: 1 });
    expect((await client.listMeshes()).ok).toBe(false);
    const again = await client.listMeshes();
    expect(again.ok && again.value.map((mesh) => mesh.name)).toEqual(['default', 'payments']);
  });
});

describe('bounded concurrency and timeouts', () => {
  it('never has more requests in flight than asked for', async () => {
    const { cp, client } = await setup({ concurrency: 2 });
    cp.setFault(/.*/, { kind: 'delay', ms: 20 });
    const results = await Promise.all(Array.from({ length: 10 }, () => client.getIndex()));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(cp.maxInFlight()).toBe(2);
  });

  it('lets many calls share one signal without listener warnings', async () => {
    const { client } = await setup();
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning.name);
    };
    process.on('warning', onWarning);
    const controller = new AbortController();
    const results = await Promise.all(Array.from({ length: 40 }, () => client.getIndex({ signal: controller.signal })));
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('times each request out separately, not the queue', async () => {
    const { cp, client } = await setup({ concurrency: 1, timeoutMs: 300 });
    cp.setFault('/', { kind: 'delay', ms: 150 });
    const results = await Promise.all([client.getIndex(), client.getIndex(), client.getIndex()]);
    expect(results.map((result) => result.ok)).toEqual([true, true, true]);
  });

  it('drops queued calls at once when their signal fires', async () => {
    const { cp, client } = await setup({ concurrency: 1, timeoutMs: 5_000 });
    cp.setFault('/', { kind: 'hang' });
    const controller = new AbortController();
    const first = client.getIndex({ signal: controller.signal });
    const queued = client.getConfig({ signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const [a, b] = await Promise.all([first, queued]);
    expect([a.ok ? null : a.error.kind, b.ok ? null : b.error.kind]).toEqual(['aborted', 'aborted']);
    expect(cp.requests.map((request) => request.path)).toEqual(['/']);
  });
});
