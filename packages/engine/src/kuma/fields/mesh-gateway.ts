import { BOOL, MAP, PORT, STRING, UINT32, f, list, obj } from './field-type.js';
import { PROTOCOL_ENUM, TLS_MODE_ENUM } from '../enums.js';
import { DATASOURCE, SELECTOR } from './common.js';
import type { FieldSpec } from './field-type.js';

export const TLS_CONF = obj('kuma.mesh.v1alpha1.MeshGateway.TLS.Conf', [
  f('mode', TLS_MODE_ENUM, 'How TLS is handled: TERMINATE or PASSTHROUGH. Required whenever `tls` is present on a listener that is not crossMesh.'),
  f(
    'certificates',
    list(DATASOURCE),
    'Datasources holding PEM certificate chains and private keys, server certificate first. TERMINATE needs 1 or 2 (one RSA and one ECDSA); PASSTHROUGH ignores them.',
  ),
  f('options', obj('kuma.mesh.v1alpha1.MeshGateway.TLS.Options', []), 'Reserved for future TLS options; it has no fields yet.'),
]);

export const LISTENER = obj('kuma.mesh.v1alpha1.MeshGateway.Listener', [
  f(
    'hostname',
    STRING,
    'Hostname this listener answers for. Empty or `*` means any host; `*.example.com` matches any subdomain. Listeners on one port must have distinct hostnames.',
  ),
  f('port', PORT, 'Port the gateway listens on, 1 to 65535. Listeners on the same port are merged and must share one protocol.', { required: true }),
  f('protocol', PROTOCOL_ENUM, 'Protocol the listener accepts: TCP, TLS, HTTP or HTTPS. Required; HTTPS needs `tls`.', { required: true }),
  f(
    'tls',
    TLS_CONF,
    'TLS settings. Required for HTTPS (mode TERMINATE), used by TLS listeners, ignored (but still validated) on HTTP and TCP; must be empty with crossMesh.',
  ),
  f(
    'tags',
    MAP,
    'Tags added to this listener\'s tag set (Dataplane tags, then gateway tags, then these), which routes and policies select on. May not use `kuma.io/service`, `kuma.io/protocol`, `kuma.io/zone` or `kuma.io/external-service-name`.',
  ),
  f(
    'crossMesh',
    BOOL,
    'Makes the listener reachable only from other meshes, over mesh mTLS. Default false; not allowed on HTTPS, needs an empty `tls`, and the gateway may then have only one selector.',
  ),
  f(
    'resources',
    obj('kuma.mesh.v1alpha1.MeshGateway.Listener.Resources', [
      f(
        'connectionLimit',
        UINT32,
        'Maximum number of concurrent connections on this listener\'s port; 0 (default) means unlimited. Only the first listener of a port sets it.',
        { protoName: 'connection_limit' },
      ),
    ]),
    'Listener resource settings.',
  ),
]);

export const MESH_GATEWAY_SPEC: FieldSpec[] = [
  f(
    'selectors',
    list(SELECTOR, { min: 1 }),
    'Selects the builtin gateway Dataplanes that run this gateway; each selector needs `kuma.io/service`. A Dataplane takes the gateway with its best-matching selector.',
    { required: true },
  ),
  f(
    'tags',
    MAP,
    'Tags common to all listeners, overlaid on the Dataplane tags. May not use `kuma.io/service`, `kuma.io/protocol`, `kuma.io/zone` or `kuma.io/external-service-name`.',
  ),
  f(
    'conf',
    obj('kuma.mesh.v1alpha1.MeshGateway.Conf', [
      f('listeners', list(LISTENER, { min: 1 }), 'The gateway\'s listeners; at least one. Listeners on the same port are merged into one Envoy listener.', {
        required: true,
      }),
    ]),
    'The gateway configuration: its listeners. Required.',
    { required: true },
  ),
];
