import type { VersionRange } from './versions.js';

/**
 * Dataplane fields that only some Kuma versions have. Elsewhere the decoder drops them as
 * unknown fields, so no check sees them: the field schema (`fields/dataplane.ts`) gives each its
 * range from here, and `resources/decoded-by.ts` drops it from what the rules read.
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
  /** `networking.inbound[].state`. */
  inboundState: { since: '2.5' },
  /** `networking.transparentProxying.ipFamilyMode`. */
  ipFamilyMode: { since: '2.7' },
  /** `networking.transparentProxying.redirectPortInboundV6`, before the IP family mode replaced it. */
  redirectPortInboundV6: { until: '2.9' },
  /** `networking.transparentProxying.reachableBackends`. */
  reachableBackends: { since: '2.9' },
  /** `networking.inbound[].protocol`. */
  inboundProtocol: { since: '2.14' },
  /** `networking.listeners`, zone proxy listeners embedded in a Dataplane. */
  listeners: { since: '2.14' },
  /** `metrics.conf.tls` of a Prometheus backend. */
  prometheusTls: { since: '2.4' },
} as const satisfies Record<string, VersionRange>;
