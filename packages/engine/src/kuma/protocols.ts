import { inRange } from './versions.js';
import type { KumaVersion, VersionRange } from './versions.js';

/**
 * The protocols Kuma's `ParseProtocol` knows (compared lower-cased), with the versions that know
 * each; any other value is unknown.
 */
const PROTOCOLS: readonly { name: string; versions?: VersionRange }[] = [
  { name: 'tcp' },
  { name: 'http' },
  { name: 'http2' },
  { name: 'grpc' },
  { name: 'kafka' },
  { name: 'tls', versions: { since: '2.8' } },
  { name: 'mysql', versions: { since: '2.10' } },
];

/** Whether `ParseProtocol` of `version` knows `value`. */
export function isKnownProtocol(value: string, version: KumaVersion): boolean {
  const lower = value.toLowerCase();
  return PROTOCOLS.some((p) => p.name === lower && inRange(version, p.versions));
}

/** The protocols Kuma lists to the user when it refuses one (`SupportedProtocols`), in every version. */
export const ALLOWED_PROTOCOLS_HINT = 'Allowed values: grpc, http, http2, kafka, tcp';
