import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionEnvironment } from '@meshgw/kuma-client';
import { loadControlPlaneSnapshot } from '@meshgw/kuma-client';
import { readControlPlaneSetting, type ControlPlaneSetting } from '@meshgw/engine';
import { connectControlPlane, settingPath } from '../../server/src/live/connect.js';
import { createLiveStatus } from '../../server/src/live/live-status.js';
import { controlPlaneStatusText } from '../../server/src/status-text.js';
import { readFileSync } from 'node:fs';
import { fakeControlPlaneFixtures, startFakeControlPlane, type FakeControlPlane } from '../support/fake-control-plane.js';
import { ADMIN_TOKEN, smallDataSet } from '../support/fake-cp-data.js';

// The language server's connection to a control plane, without the server: the setting becomes
// a client as the terminal app's flags do, and the state's changes become messages and words.

function setting(raw: unknown): ControlPlaneSetting {
  const read = readControlPlaneSetting(raw);
  if (!('setting' in read) || read.setting === null) throw new Error('not a setting');
  return read.setting;
}

function environment(files: Record<string, string>): ConnectionEnvironment {
  return {
    readFile: async (path) => {
      if (path in files) return files[path];
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    },
    env: { HOME: '/home/ops' },
    homeDir: '/home/ops',
  };
}

describe('connectControlPlane', () => {
  let cp: FakeControlPlane;
  beforeAll(async () => {
    cp = await startFakeControlPlane({ data: smallDataSet(), adminToken: ADMIN_TOKEN });
  });
  afterAll(async () => {
    await cp.close();
  });

  const kumactl = () => `contexts:
- controlPlane: prod-cp
  name: prod
controlPlanes:
- name: prod-cp
  coordinates:
    apiServer:
      url: ${cp.url}
      authType: tokens
      authConf:
        token: ${ADMIN_TOKEN}
currentContext: prod
`;

  it('reads a kumactl context, its token included, and names it', async () => {
    const connected = await connectControlPlane(setting({ context: 'prod' }), '/work/repo', environment({ '/home/ops/.kumactl/config': kumactl() }));
    if (!connected.ok) throw new Error(connected.message);
    expect(connected.value.name).toBe('prod');
    expect(connected.value.description).toBe(`${cp.url} (kumactl context "prod", token from the kumactl context)`);
    const snapshot = await loadControlPlaneSnapshot(connected.value.client, { includeSecrets: true });
    expect(snapshot.ok && snapshot.value.meshes.map((m) => m.secrets.state)).toEqual(['ok', 'ok']);
  });

  it('takes the current context for "kumactl"', async () => {
    const connected = await connectControlPlane(setting('kumactl'), null, environment({ '/home/ops/.kumactl/config': kumactl() }));
    expect(connected.ok && connected.value.name).toBe('prod');
  });

  it('reads the token file under the base folder, and names the URL by its host', async () => {
    const connected = await connectControlPlane(setting({ url: cp.url, tokenFile: 'secrets/token' }), '/work/repo', environment({ '/work/repo/secrets/token': `${ADMIN_TOKEN}\n` }));
    if (!connected.ok) throw new Error(connected.message);
    expect(connected.value.name).toBe(`127.0.0.1:${cp.port}`);
    expect(connected.value.description).toBe(`${cp.url} (from --cp, token from --token)`);
    const snapshot = await loadControlPlaneSnapshot(connected.value.client, { includeSecrets: true });
    expect(snapshot.ok && snapshot.value.meshes[0].secrets.state).toBe('ok');
  });

  it('never connects without the token it was told to use', async () => {
    const missing = await connectControlPlane(setting({ url: cp.url, tokenFile: '~/token' }), null, environment({}));
    expect(missing).toEqual({ ok: false, message: 'Cannot read the token file /home/ops/token (ENOENT).' });
    const empty = await connectControlPlane(setting({ url: cp.url, tokenFile: '/t' }), null, environment({ '/t': '\n' }));
    expect(empty).toEqual({ ok: false, message: 'The token file /t is empty.' });
  });

  it('says which context is missing', async () => {
    const connected = await connectControlPlane(setting({ context: 'staging' }), null, environment({ '/home/ops/.kumactl/config': kumactl() }));
    expect(connected).toEqual({ ok: false, message: 'The kumactl config /home/ops/.kumactl/config has no context "staging"; it has "prod".' });
  });

  it('resolves paths as written in settings', () => {
    expect(settingPath('~/.kuma/token', '/repo', '/home/ops')).toBe('/home/ops/.kuma/token');
    expect(settingPath('token', '/repo', '/home/ops')).toBe('/repo/token');
    expect(settingPath('/etc/token', '/repo', '/home/ops')).toBe('/etc/token');
  });
});

describe('connectControlPlane over HTTPS', () => {
  let cp: FakeControlPlane;
  beforeAll(async () => {
    cp = await startFakeControlPlane({ data: smallDataSet(), adminToken: ADMIN_TOKEN, https: true });
  });
  afterAll(async () => {
    await cp.close();
  });
  const files = { '/t': ADMIN_TOKEN, '/work/repo/ca.pem': readFileSync(fakeControlPlaneFixtures.caCert, 'utf8') };
  const snapshot = async (raw: unknown) => {
    const connected = await connectControlPlane(setting(raw), '/work/repo', environment(files));
    if (!connected.ok) throw new Error(connected.message);
    return { connected: connected.value, loaded: await loadControlPlaneSnapshot(connected.value.client, {}) };
  };

  it('verifies the server certificate: against the CA file it is given', async () => {
    const { loaded } = await snapshot({ url: cp.url, tokenFile: '/t', caCertFile: 'ca.pem' });
    expect(loaded.ok).toBe(true);
  });

  it('refuses a certificate it cannot verify, by default', async () => {
    const { loaded } = await snapshot({ url: cp.url, tokenFile: '/t' });
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.error.kind).toBe('tls');
  });

  it('skips verification only when told, and says so', async () => {
    const { connected, loaded } = await snapshot({ url: cp.url, tokenFile: '/t', insecureSkipTlsVerify: true });
    expect(loaded.ok).toBe(true);
    expect(connected.warnings).toEqual([`TLS verification is off for 127.0.0.1:${cp.port}: anyone in between can read the token and the answers.`]);
    expect(connected.description).toContain('TLS not verified');
  });
});

describe('the live status', () => {
  const T0 = Date.parse('2026-12-20T10:00:00Z');

  it('says a failure once and the return once, however many refreshes between', () => {
    const status = createLiveStatus();
    status.reset('prod');
    expect(status.status(30)).toMatchObject({ state: 'connecting', name: 'prod', fetchedAt: null });
    expect(status.succeeded({ kumaVersion: '2.13.1', meshes: 3 }, T0)).toBeNull();
    expect(status.failed('connect ECONNREFUSED 127.0.0.1:5681.')).toContain('cannot read the control plane prod: connect ECONNREFUSED 127.0.0.1:5681.');
    expect(status.failed('connect ECONNREFUSED 127.0.0.1:5681.')).toBeNull();
    expect(status.failed('timeout')).toBeNull();
    expect(status.status(30)).toMatchObject({ state: 'failed', kumaVersion: '2.13.1', meshes: 3, fetchedAt: '2026-12-20T10:00:00.000Z', error: 'timeout' });
    expect(status.succeeded({ kumaVersion: '2.13.1', meshes: 3 }, T0 + 60_000)).toContain('answers again');
    expect(status.succeeded({ kumaVersion: '2.13.1', meshes: 3 }, T0 + 90_000)).toBeNull();
  });

  it('says when a first connection fails, and that the files alone are used', () => {
    const status = createLiveStatus();
    status.reset('prod');
    expect(status.failed('The token file /t is empty.')).toContain('the files alone');
    expect(status.staleNote(T0, 30)).toBe('*Control plane `prod` not read: The token file /t is empty. This shows the files alone.*');
  });

  it('calls data stale past two refresh intervals, or when the last refresh failed', () => {
    const status = createLiveStatus();
    status.reset('prod');
    status.succeeded({ kumaVersion: '2.13.1', meshes: 3 }, T0);
    expect(status.staleNote(T0 + 60_000, 30)).toBeNull();
    expect(status.staleNote(T0 + 61_000, 30)).toBe('*Live data from `prod` is 61 s old.*');
    status.failed('timeout');
    expect(status.staleNote(T0 + 5_000, 30)).toBe('*Live data from `prod` is 5 s old: the last refresh failed (timeout)*');
  });

  it('is off without a control plane', () => {
    const status = createLiveStatus();
    status.reset(null);
    expect(status.status(30).state).toBe('off');
    expect(status.staleNote(T0, 30)).toBeNull();
  });
});

describe('the status bar text', () => {
  const base = { name: 'prod', kumaVersion: '2.13.1', meshes: 3, fetchedAt: '2026-12-20T10:00:00.000Z', refreshSeconds: 30, error: null };
  const at = (s: number) => Date.parse('2026-12-20T10:00:00Z') + s * 1000;

  it('names the control plane, its Kuma minor, its meshes and the age of the data', () => {
    expect(controlPlaneStatusText({ ...base, state: 'connected' }, at(12))).toBe('meshgw: prod · Kuma 2.13 · 3 meshes · 12 s ago');
    expect(controlPlaneStatusText({ ...base, state: 'connected', meshes: 1 }, at(300))).toBe('meshgw: prod · Kuma 2.13 · 1 mesh · 5 min ago');
  });

  it('says unreachable while it keeps the last data, and connecting before any', () => {
    expect(controlPlaneStatusText({ ...base, state: 'failed', error: 'timeout' }, at(12))).toBe('meshgw: prod · Kuma 2.13 · 3 meshes · unreachable · 12 s ago');
    expect(controlPlaneStatusText({ ...base, state: 'connecting', kumaVersion: null, meshes: null, fetchedAt: null }, at(0))).toBe('meshgw: prod · connecting…');
    expect(controlPlaneStatusText({ ...base, state: 'off', name: null }, at(0))).toBeNull();
  });
});
