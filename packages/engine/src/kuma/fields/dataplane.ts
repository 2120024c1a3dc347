import { ANY, BOOL, MAP, STRING, UINT32, f, list, obj } from './field-type.js';
import { DP_LISTENER_STATE_ENUM, DP_LISTENER_TYPE_ENUM, GATEWAY_TYPE_ENUM, INBOUND_STATE_ENUM, IP_FAMILY_MODE_ENUM } from '../enums.js';
import type { FieldSpec } from './field-type.js';
import { DATAPLANE_FIELD_VERSIONS as V } from '../dataplane-field-versions.js';

export const INBOUND = obj('kuma.mesh.v1alpha1.Dataplane.Networking.Inbound', [
  f('port', UINT32, 'Port of the inbound listener; with transparent proxying, the port the service listens on.'),
  f('servicePort', UINT32, 'Port of the service requests are forwarded to; defaults to `port`.'),
  f('serviceAddress', STRING, 'Address of the service requests are forwarded to; defaults to the inbound address.'),
  f('address', STRING, 'Address the inbound listener is exposed on; defaults to `networking.address`.'),
  f('tags', MAP, 'Tags of the service behind this inbound, such as `kuma.io/service` (required) and `version`.'),
  f('health', obj('kuma.mesh.v1alpha1.Dataplane.Networking.Inbound.Health', [f('ready', BOOL, 'Whether the inbound is ready to serve traffic.')]), 'Health of the inbound; absent means healthy.'),
  f(
    'serviceProbe',
    obj('kuma.mesh.v1alpha1.Dataplane.Networking.Inbound.ServiceProbe', [
      f('interval', { kind: 'duration' }, 'Time between health checks, such as `10s`.'),
      f('timeout', { kind: 'duration' }, 'Time to wait for a health check answer, such as `2s`.'),
      f('unhealthyThreshold', UINT32, 'Consecutive failed checks before the service is unhealthy.', { protoName: 'unhealthy_threshold' }),
      f('healthyThreshold', UINT32, 'Consecutive successful checks before the service is healthy.', { protoName: 'healthy_threshold' }),
      f('tcp', obj('kuma.mesh.v1alpha1.Dataplane.Networking.Inbound.ServiceProbe.Tcp', []), 'Checks by opening a TCP connection.'),
    ]),
    'Health checking of the service next to the proxy (Universal).',
  ),
  f('state', INBOUND_STATE_ENUM, 'Current state of the inbound: Ready (default), NotReady or Ignored.', { versions: V.inboundState }),
  f('name', STRING, 'Name of this port, usable with MeshService.', { versions: V.inboundName }),
  f('protocol', STRING, 'Protocol of the service (`tcp`, `http`, `grpc`, ...).', { versions: V.inboundProtocol }),
]);

export const OUTBOUND = obj('kuma.mesh.v1alpha1.Dataplane.Networking.Outbound', [
  f('address', STRING, 'Address the consumed service is available on locally; defaults to 127.0.0.1.'),
  f('port', UINT32, 'Port the consumed service is available on locally.'),
  f('tags', MAP, 'Tags of the consumed service; `kuma.io/service` is required.'),
  f('service', STRING, 'The consumed service, before tags replaced it; used when there are no tags.', {
    versions: V.outboundService,
    deprecated: 'Write the service as the `kuma.io/service` tag.',
  }),
  f(
    'backendRef',
    obj('kuma.mesh.v1alpha1.Dataplane.Networking.Outbound.BackendRef', [
      f('kind', STRING, 'Kind of the target; `MeshService`.'),
      f('name', STRING, 'Name of the target.'),
      f('port', UINT32, 'Port of the target; required for MeshService.'),
      f('labels', MAP, 'Labels selecting a single target; the oldest is used when several match.', { versions: V.outboundBackendRefLabels }),
    ]),
    'Targets a MeshService instead of tags (experimental).',
    { versions: V.outboundBackendRef },
  ),
]);

export const TRANSPARENT_PROXYING = obj('kuma.mesh.v1alpha1.Dataplane.Networking.TransparentProxying', [
  f('redirectPortInbound', { kind: 'uint32', max: 65535 }, 'Port all inbound traffic is redirected to.', { protoName: 'redirect_port_inbound' }),
  f('redirectPortOutbound', { kind: 'uint32', max: 65535 }, 'Port all outbound traffic is redirected to.', { protoName: 'redirect_port_outbound' }),
  f('redirectPortInboundV6', { kind: 'uint32', max: 65535 }, 'Port inbound IPv6 traffic is redirected to.', {
    protoName: 'redirect_port_inbound_v6',
    versions: V.redirectPortInboundV6,
  }),
  f('directAccessServices', list(STRING), 'Services reached directly by IP:port; `*` means all (costly).', { protoName: 'direct_access_services' }),
  f('reachableServices', list(STRING), 'Services (by `kuma.io/service`) reachable through transparent proxying; empty means all.', {
    protoName: 'reachable_services',
  }),
  f('ipFamilyMode', IP_FAMILY_MODE_ENUM, 'IP families to redirect: DualStack (default), IPv4 or IPv6.', {
    protoName: 'ip_family_mode',
    versions: V.ipFamilyMode,
  }),
  f(
    'reachableBackends',
    obj('kuma.mesh.v1alpha1.Dataplane.Networking.TransparentProxying.ReachableBackends', [
      f(
        'refs',
        list(
          obj('kuma.mesh.v1alpha1.Dataplane.Networking.TransparentProxying.ReachableBackendRef', [
            f('kind', STRING, 'Kind of the backend: MeshService, MeshExternalService or MeshMultiZoneService.'),
            f('name', STRING, 'Name of the backend.'),
            f('namespace', STRING, 'Namespace of the backend.'),
            f('port', UINT32, 'Port of the backend.'),
            f('labels', MAP, 'Labels selecting backends.'),
          ]),
        ),
        'Backends reachable through transparent proxying.',
      ),
    ]),
    'MeshService, MeshExternalService and MeshMultiZoneService backends reachable through transparent proxying; empty means all.',
    { protoName: 'reachable_backends', versions: V.reachableBackends },
  ),
]);

export const NETWORKING = obj('kuma.mesh.v1alpha1.Dataplane.Networking', [
  f('address', STRING, 'IP address or hostname other proxies and the control plane reach this proxy at; a builtin gateway listens on it. Required; not 0.0.0.0 or ::.', {
    required: true,
  }),
  f('advertisedAddress', STRING, 'Routable address advertised to other proxies when `address` is not reachable from them; Envoy still binds to `address`.'),
  f(
    'gateway',
    obj('kuma.mesh.v1alpha1.Dataplane.Networking.Gateway', [
      f('tags', MAP, 'Tags of this gateway proxy; `kuma.io/service` is required. MeshGateway selectors match them and every listener\'s tags start from them.'),
      f('type', GATEWAY_TYPE_ENUM, 'DELEGATED (default) for an external gateway, BUILTIN for Kuma\'s builtin gateway configured by a MeshGateway.'),
    ]),
    'Declares this proxy as a gateway; a BUILTIN gateway may not have inbounds, outbounds, listeners or probes.',
  ),
  f('inbound', list(INBOUND), 'Services implemented by this proxy, one Envoy listener each. Not allowed on a builtin gateway.'),
  f('outbound', list(OUTBOUND), 'Services consumed by this proxy, one Envoy listener each. Not allowed on a builtin gateway.'),
  f('transparentProxying', TRANSPARENT_PROXYING, 'Transparent proxying settings; used by default on Kubernetes.', { protoName: 'transparent_proxying' }),
  f('admin', obj('kuma.mesh.v1alpha1.EnvoyAdmin', [f('port', UINT32, 'Port of the Envoy admin API, bound on localhost.')]), 'Envoy admin API settings.'),
  f(
    'listeners',
    list(
      obj('kuma.mesh.v1alpha1.Dataplane.Networking.Listener', [
        f('type', DP_LISTENER_TYPE_ENUM, 'Role of the listener: ZoneIngress or ZoneEgress.'),
        f('address', STRING, 'Address the listener is exposed on.'),
        f('port', UINT32, 'Port the listener is exposed on.'),
        f('name', STRING, 'Name used with `sectionName` in policies; defaults to the port.'),
        f('state', DP_LISTENER_STATE_ENUM, 'Current state: Ready (default) or NotReady.'),
      ]),
    ),
    'Zone proxy listeners embedded in this Dataplane. Not allowed on a builtin gateway.',
    { versions: V.listeners },
  ),
]);

export const DATAPLANE_SPEC: FieldSpec[] = [
  f('networking', NETWORKING, 'Addresses, inbounds, outbounds and gateway settings of the proxy. Required.', { required: true }),
  f(
    'metrics',
    obj('kuma.mesh.v1alpha1.MetricsBackend', [
      f('name', STRING, 'Name of the metrics backend.'),
      f('type', STRING, 'Type of the backend, such as `prometheus`.'),
      f('conf', ANY, 'Backend configuration.'),
    ]),
    'Metrics settings overriding the Mesh defaults for this proxy.',
  ),
  f(
    'probes',
    obj('kuma.mesh.v1alpha1.Dataplane.Probes', [
      f('port', UINT32, 'Port the probe endpoints are exposed on.'),
      f(
        'endpoints',
        list(
          obj('kuma.mesh.v1alpha1.Dataplane.Probes.Endpoint', [
            f('inboundPort', UINT32, 'Application port the endpoint is exposed from.', { protoName: 'inbound_port' }),
            f('inboundPath', STRING, 'Application path the endpoint is exposed from.', { protoName: 'inbound_path' }),
            f('path', STRING, 'Path on the probes port.'),
          ]),
        ),
        'Endpoints exposed without mTLS.',
      ),
    ]),
    'Endpoints exposed without mTLS for health checks (deprecated). Not allowed on a builtin gateway.',
    { deprecated: 'Virtual probes are deprecated: removed for Universal, not needed on Kubernetes.' },
  ),
];
