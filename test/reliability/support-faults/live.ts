/**
 * A live source and a clock for the reliability tests of the terminal app: the source is built as
 * `meshgw tui --cp URL --token TOKEN` builds it, with a short request timeout; the clock stands
 * still until a test moves it, so that data ages are exact.
 */
import { createKumaClient, type ConnectionSettings } from '@meshgw/kuma-client';
import type { LiveSource } from '@meshgw/tui';

export interface FaultSourceOptions {
  token?: string | null;
  insecure?: boolean;
  /** The CA certificates (PEM) to trust instead of the system roots. */
  caCertificates?: string;
  /** Per-request timeout; default 1 s, so that a hanging control plane fails fast. */
  timeoutMs?: number;
}

export function faultSource(url: string, options: FaultSourceOptions = {}): LiveSource {
  const token = options.token ?? null;
  const settings: ConnectionSettings = {
    url,
    token,
    tokenSource: token !== null ? 'flag' : null,
    headers: {},
    tls: { caCertificates: options.caCertificates ?? null, clientCertificate: null, clientKey: null, insecureSkipVerify: options.insecure === true },
    source: { kind: 'flag' },
    defaultMesh: null,
    warnings: [],
  };
  const client = createKumaClient(settings, { timeoutMs: options.timeoutMs ?? 1_000 });
  if (!client.ok) throw new Error(client.error.message);
  return { kind: 'live', client: client.value, settings };
}

/** A clock that moves only when told to. `now` is what the app's `now` prop takes. */
export interface StillClock {
  now: () => Date;
  advance(ms: number): void;
}

export function stillClock(start: Date): StillClock {
  let time = start.getTime();
  return {
    now: () => new Date(time),
    advance: (ms) => {
      time += ms;
    },
  };
}
