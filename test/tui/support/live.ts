/**
 * A fake control plane for the app's tests: the client tests' small data set plus a listener
 * whose certificate expires on 2027-01-10 (5 days after `NOW`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKumaClient, type ConnectionSettings } from '@meshgw/kuma-client';
import type { LiveSource } from '@meshgw/tui';
import { startFakeControlPlane, type FakeControlPlane, type FakeDataSet } from '../../support/fake-control-plane.js';
import { ADMIN_TOKEN, smallDataSet, USER_TOKEN } from '../../support/fake-cp-data.js';

export { ADMIN_TOKEN, USER_TOKEN };

const PROMO = readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'certs', 'bundles', 'promo-example-com.pem'), 'utf8');

export function liveDataSet(): FakeDataSet {
  const data = smallDataSet();
  const pay = data.gateways.find((g) => g.name === 'pay-gw')!;
  const conf = pay.conf as { listeners: Record<string, unknown>[] };
  conf.listeners.push({ hostname: 'promo.example.com', port: 8443, protocol: 'HTTPS', tls: { mode: 'TERMINATE', certificates: [{ secret: 'promo' }] } });
  data.secrets.push({ mesh: 'payments', name: 'promo', pem: PROMO });
  return data;
}

export async function startControlPlane(data: FakeDataSet = liveDataSet()): Promise<FakeControlPlane> {
  return startFakeControlPlane({ data, adminToken: ADMIN_TOKEN, userTokens: [USER_TOKEN] });
}

export interface LiveOptions {
  token?: string;
  insecure?: boolean;
  context?: string;
  connectContext?: LiveSource['connectContext'];
  contexts?: string[];
  /** The client's per-request timeout; 2 s by default. */
  timeoutMs?: number;
}

/** A live source as `meshgw tui --cp URL` builds it. */
export function liveSource(url: string, options: LiveOptions = {}): LiveSource {
  const settings: ConnectionSettings = {
    url,
    token: options.token ?? ADMIN_TOKEN,
    tokenSource: 'flag',
    headers: {},
    tls: { caCertificates: null, clientCertificate: null, clientKey: null, insecureSkipVerify: options.insecure === true },
    source: options.context ? { kind: 'kumactl', file: '/home/test/.kumactl/config', context: options.context, controlPlane: options.context } : { kind: 'flag' },
    defaultMesh: null,
    warnings: [],
  };
  const client = createKumaClient(settings, { timeoutMs: options.timeoutMs ?? 2_000 });
  if (!client.ok) throw new Error(client.error.message);
  return { kind: 'live', client: client.value, settings, connectContext: options.connectContext, contexts: options.contexts };
}
