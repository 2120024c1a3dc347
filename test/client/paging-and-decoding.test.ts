import { describe, expect, it } from 'vitest';
import { isOnline, offsetFromNext, secretCertificates, targetsMeshGateway } from '@meshgw/kuma-client';
import { pemBundle } from '../support/fake-cp-data.js';

describe('offsetFromNext', () => {
  it.each([
    ['http://{{address}}/meshes?offset=2&size=2', '2'],
    ['https://cp.example.com:5682/meshes/default/dataplanes+insights?gateway=builtin&offset=1000&size=1000', '1000'],
    ['/meshes?offset=7', '7'],
    ['http://cp/meshes?size=2', null],
    ['http://cp/meshes?offset=&size=2', null],
    ['not a url at all', null],
  ])('%s -> %s', (next, offset) => {
    expect(offsetFromNext(next)).toBe(offset);
  });
});

describe('isOnline', () => {
  const subscription = (extra: object) => ({ id: '1', controlPlaneInstanceId: 'cp-1', connectTime: '2019-07-01T00:00:00Z', status: { total: {} }, ...extra });
  it.each([
    ['one open subscription', { subscriptions: [subscription({})] }, true],
    ['a closed subscription', { subscriptions: [subscription({ disconnectTime: '2019-07-01T01:00:00Z' })] }, false],
    ['a closed then an open one', { subscriptions: [subscription({ disconnectTime: '2019-07-01T01:00:00Z' }), subscription({ id: '2' })] }, true],
    ['no connectTime', { subscriptions: [{ id: '1' }] }, false],
    ['no subscriptions', { subscriptions: [] }, false],
    ['an empty insight', {}, false],
    ['no insight', undefined, false],
  ])('%s', (_name, insight, online) => {
    expect(isOnline(insight)).toBe(online);
  });
});

describe('secretCertificates', () => {
  it('keeps the certificate blocks and drops the key and the payload', () => {
    const bundle = pemBundle(0);
    const secret = secretCertificates({
      type: 'Secret',
      mesh: 'default',
      name: 'edge-cert',
      creationTime: '0001-01-01T00:00:00Z',
      modificationTime: '2025-03-01T10:00:00Z',
      labels: { 'kuma.io/mesh': 'default' },
      data: Buffer.from(bundle).toString('base64'),
    });
    expect(secret).toEqual({
      mesh: 'default',
      name: 'edge-cert',
      labels: { 'kuma.io/mesh': 'default' },
      modificationTime: '2025-03-01T10:00:00Z',
      certificates: [expect.stringMatching(/^-----BEGIN CERTIFICATE-----/), expect.stringMatching(/^-----BEGIN CERTIFICATE-----/)],
      readable: true,
    });
    expect(JSON.stringify(secret)).not.toMatch(/PRIVATE KEY|data/);
    expect(bundle).toContain(secret?.certificates[0].trim());
  });

  it.each([
    ['no data', { name: 's' }],
    ['data that is not base64', { name: 's', data: '%%% not base64 %%%' }],
    ['data that is not a string', { name: 's', data: 42 }],
  ])('reads %s as unreadable, without certificates', (_name, item) => {
    expect(secretCertificates(item)).toMatchObject({ name: 's', mesh: null, certificates: [], readable: false });
  });

  it('refuses an item without a name', () => {
    expect(secretCertificates({ data: 'dGVzdAo=' })).toBeNull();
  });
});

describe('targetsMeshGateway', () => {
  it.each([
    [{ name: 'r', spec: { targetRef: { kind: 'MeshGateway', name: 'edge' } } }, true],
    [{ name: 'r', spec: { targetRef: { kind: 'Mesh' } } }, false],
    [{ name: 'r', spec: {} }, false],
    [{ name: 'r', targetRef: { kind: 'MeshGateway', name: 'edge' } }, false],
  ])('%j -> %s', (route, expected) => {
    expect(targetsMeshGateway(route)).toBe(expected);
  });
});
