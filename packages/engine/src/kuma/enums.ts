import { protoEnum } from './fields/field-type.js';
import type { EnumType, TypedEnum } from './fields/field-type.js';

/**
 * Kuma's protobuf enums, each once: names, numbers and a sentence each. The field schema, the
 * decoder (`enumNumbers`), completion and hover all read these.
 */

/**
 * Kuma 2.2 took `UDP`, `TLS` and `PASSTHROUGH` out of the protos (2.0 and 2.1 declared them and
 * refused them in the validator); 2.3 brought back `TLS` and `PASSTHROUGH`, now supported.
 */
const TLS_PROTOCOL_DECLARED = [{ until: '2.2' }, { since: '2.3' }] as const;
/** The versions whose gateway serves TLS listeners. */
export const TLS_PROTOCOL_SUPPORTED = { since: '2.3' } as const;

export const PROTOCOL_ENUM = protoEnum('kuma.mesh.v1alpha1.MeshGateway.Listener.Protocol', [
  ['NONE', 0, 'Not a valid protocol: Kuma rejects a listener without a protocol.', { writable: false }],
  ['TCP', 1, 'Plain TCP proxying to the backends of MeshGatewayRoute `conf.tcp` or MeshTCPRoute.'],
  ['UDP', 2, 'Not a valid protocol: Kuma 2.0 and 2.1 refuse it, later versions cannot read the name.', { writable: false, versions: { until: '2.2' } }],
  ['TLS', 3, 'TLS matched by SNI, terminated or passed through (`tls.mode`), then proxied as TCP.', {
    versions: TLS_PROTOCOL_DECLARED,
    writable: TLS_PROTOCOL_SUPPORTED,
  }],
  ['HTTP', 4, 'Plain-text HTTP/1.1 and HTTP/2 routed by Host header and HTTP routes.'],
  ['HTTPS', 5, 'HTTP over TLS terminated at the gateway; needs `tls` with mode TERMINATE and certificates.'],
]);

export const TLS_MODE_ENUM = protoEnum('kuma.mesh.v1alpha1.MeshGateway.TLS.Mode', [
  ['NONE', 0, 'Not a valid mode: a present `tls` needs TERMINATE or PASSTHROUGH.', { writable: false }],
  ['TERMINATE', 1, 'The gateway terminates TLS with the listener\'s certificates (1 or 2 of them).'],
  ['PASSTHROUGH', 2, 'The gateway forwards the TLS stream untouched, matching only the SNI; not allowed on HTTPS listeners.', {
    versions: TLS_PROTOCOL_DECLARED,
  }],
]);

export const PATH_MATCH_ENUM = protoEnum('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Match.Path.MatchType', [
  ['EXACT', 0, 'The request path equals the value (default).'],
  ['PREFIX', 1, 'The path starts with the value as whole segments: `/a` matches `/a` and `/a/b`, not `/ab`.'],
  ['REGEX', 2, 'The path matches the value as an RE2 regular expression.'],
]);

export const HEADER_MATCH_ENUM = protoEnum('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Match.Header.MatchType', [
  ['EXACT', 0, 'The header equals the value (default).'],
  ['REGEX', 1, 'The header matches the value as an RE2 regular expression.'],
  ['ABSENT', 2, 'The header is not present; `value` must not be set.', { versions: { since: '2.1' } }],
  ['PRESENT', 3, 'The header is present with any value; `value` must not be set.', { versions: { since: '2.1' } }],
]);

export const QUERY_MATCH_ENUM = protoEnum('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Match.Query.MatchType', [
  ['EXACT', 0, 'The parameter equals the value (default).'],
  ['REGEX', 1, 'The parameter matches the value as an RE2 regular expression.'],
]);

export const HTTP_METHOD_ENUM = protoEnum('kuma.mesh.v1alpha1.HttpMethod', [
  ['NONE', 0, 'No method condition (the same as leaving `method` out).'],
  ['CONNECT', 1, 'HTTP CONNECT.'],
  ['DELETE', 2, 'HTTP DELETE.'],
  ['GET', 3, 'HTTP GET.'],
  ['HEAD', 4, 'HTTP HEAD.'],
  ['OPTIONS', 5, 'HTTP OPTIONS.'],
  ['PATCH', 6, 'HTTP PATCH.'],
  ['POST', 7, 'HTTP POST.'],
  ['PUT', 8, 'HTTP PUT.'],
  ['TRACE', 9, 'HTTP TRACE.'],
]);

export const GATEWAY_TYPE_ENUM = protoEnum('kuma.mesh.v1alpha1.Dataplane.Networking.Gateway.GatewayType', [
  ['DELEGATED', 0, 'An independently deployed proxy (Kong, Contour, ...) in front of this data plane proxy (default).'],
  ['BUILTIN', 1, 'This data plane proxy is itself the gateway, configured by a MeshGateway.'],
]);

export const INBOUND_STATE_ENUM = protoEnum('kuma.mesh.v1alpha1.Dataplane.Networking.Inbound.State', [
  ['Ready', 0, 'The inbound is ready to serve traffic.'],
  ['NotReady', 1, 'The inbound is not ready to serve traffic.'],
  ['Ignored', 2, 'The inbound is not created and cannot be targeted by policies.'],
]);

export const IP_FAMILY_MODE_ENUM = protoEnum('kuma.mesh.v1alpha1.Dataplane.Networking.TransparentProxying.IpFamilyMode', [
  ['UnSpecified', 0, 'Kept for backward compatibility; do not use.'],
  ['DualStack', 1, 'Redirect both IPv4 and IPv6 traffic (default).'],
  ['IPv4', 2, 'Redirect IPv4 traffic only.'],
  ['IPv6', 3, 'Redirect IPv6 traffic only.'],
]);

export const DP_LISTENER_TYPE_ENUM = protoEnum('kuma.mesh.v1alpha1.Dataplane.Networking.Listener.Type', [
  ['Unspecified', 0, 'Not a valid type: set ZoneIngress or ZoneEgress.'],
  ['ZoneIngress', 1, 'Accepts cross-zone traffic for services in this zone.'],
  ['ZoneEgress', 2, 'Forwards outbound traffic to external services.'],
]);

export const DP_LISTENER_STATE_ENUM = protoEnum('kuma.mesh.v1alpha1.Dataplane.Networking.Listener.State', [
  ['Ready', 0, 'The listener is ready to serve traffic.'],
  ['NotReady', 1, 'The listener is not ready to serve traffic.'],
]);

/** A protobuf enum as the decoder reads it: each name to its number. */
export function enumNumbers<N extends string>(type: TypedEnum<N>): Readonly<Record<N, number>> {
  const out = {} as Record<N, number>;
  for (const v of type.values) if (v.number !== null) out[v.name] = v.number;
  return out;
}

/** The names of an enum, in declaration order. */
export function enumNames(type: EnumType): string[] {
  return type.values.map((v) => v.name);
}

/** A listener protocol as written by a user; `NONE` is the enum's unset value, never valid. */
export type ListenerProtocol = 'HTTP' | 'HTTPS' | 'TCP' | 'TLS' | 'UDP' | 'NONE';

export type TlsMode = 'TERMINATE' | 'PASSTHROUGH' | 'NONE';

/** The name of an enum number as Kuma's decoder keeps it: the declared name, or the number's text. */
export function enumName(type: EnumType, value: number): string {
  return type.values.find((v) => v.number === value)?.name ?? String(value);
}
