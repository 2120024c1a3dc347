import type { VersionRange } from './versions.js';

/**
 * Dataplane fields that only some Kuma versions have. Elsewhere the decoder drops them as
 * unknown fields, so no check sees them: a rule reads such a field only when the target
 * version is in its range.
 */
export const DATAPLANE_FIELD_VERSIONS = {
  /** `networking.outbound[].service`, the service before it became a tag. */
  outboundService: { until: '2.4' },
  /** `networking.outbound[].backendRef`. */
  outboundBackendRef: { since: '2.7' },
  /** `networking.outbound[].backendRef.labels`. */
  outboundBackendRefLabels: { since: '2.9' },
  /** `networking.inbound[].name`. */
  inboundName: { since: '2.8' },
  /** `networking.transparentProxying.reachableBackends`. */
  reachableBackends: { since: '2.9' },
  /** `networking.inbound[].protocol`. */
  inboundProtocol: { since: '2.14' },
  /** `networking.listeners`, zone proxy listeners embedded in a Dataplane. */
  listeners: { since: '2.14' },
  /** `metrics.conf.tls` of a Prometheus backend. */
  prometheusTls: { since: '2.4' },
} as const satisfies Record<string, VersionRange>;
