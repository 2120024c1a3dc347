import { afterEach, describe, expect, it } from 'vitest';
import { createKumaClient, type KumaClient } from '@meshgw/kuma-client';
import { startFakeControlPlane, type FakeControlPlane } from '../support/fake-control-plane.js';
import { ADMIN_TOKEN, smallDataSet } from '../support/fake-cp-data.js';

const open: { cp: FakeControlPlane; client: KumaClient }[] = [];
afterEach(async () => {
  for (const { cp, client } of open.splice(0)) {
    client.close();
    await cp.close();
  }
});

async function setup(reuseUnchangedBodies?: boolean): Promise<{ cp: FakeControlPlane; client: KumaClient }> {
  const cp = await startFakeControlPlane({ data: smallDataSet(), adminToken: ADMIN_TOKEN });
  const tls = { caCertificates: null, clientCertificate: null, clientKey: null, insecureSkipVerify: false };
  const created = createKumaClient({ url: cp.url, token: ADMIN_TOKEN, headers: {}, tls }, reuseUnchangedBodies === undefined ? {} : { reuseUnchangedBodies });
  if (!created.ok) throw new Error(created.error.message);
  open.push({ cp, client: created.value });
  return { cp, client: created.value };
}

async function value(client: KumaClient, path: string): Promise<unknown> {
  const r = await client.get(path);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('reuseUnchangedBodies', () => {
  it('gives the value parsed last time for a body equal to the last of that URL, and parses a changed one', async () => {
    const { cp, client } = await setup(true);
    const first = await value(client, '/meshes');
    expect(await value(client, '/meshes')).toBe(first);
    expect(await value(client, '/meshes/default/meshgateways')).not.toBe(first);
    cp.setFault('/meshes', { kind: 'transform', transform: (body) => ({ ...(body as object), total: 99 }) }, { times: 1 });
    const changed = await value(client, '/meshes');
    expect(changed).not.toBe(first);
    expect(changed).toMatchObject({ total: 99 });
    // The body after the change is compared with the changed one, not with the first.
    const after = await value(client, '/meshes');
    expect(after).toEqual(first);
    expect(after).not.toBe(changed);
  });

  it('is off by default: every answer is parsed anew', async () => {
    const { client } = await setup();
    const first = await value(client, '/meshes');
    const second = await value(client, '/meshes');
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });
});
