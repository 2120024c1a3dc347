import { enumField, messageField } from './decode.js';
import type { ResourceDoc } from './types.js';
import { GATEWAY_TYPE_ENUM, enumNumbers } from '../kuma/enums.js';

/** The kinds an outbound `backendRef` or a reachable backend may name, sorted as Kuma prints them. */
export const BACKEND_KINDS: readonly string[] = ['MeshExternalService', 'MeshMultiZoneService', 'MeshService'];
export const BACKEND_KINDS_MESSAGE = `invalid value. Available values are: ${BACKEND_KINDS.join(',')}`;

/** `Dataplane.Networking.Gateway.GatewayType`. */
export const GATEWAY_TYPE = enumNumbers(GATEWAY_TYPE_ENUM);

/** The three kinds of Dataplane Kuma validates each in its own way. */
export type DataplaneType = 'builtin' | 'delegated' | 'sidecar';

/**
 * What Kuma validates a Dataplane as: a builtin gateway (`networking.gateway.type: BUILTIN` or
 * 1), a delegated gateway (`networking.gateway` with type `DELEGATED`, 0 or none), or a sidecar
 * (no gateway, or a gateway type of another number). Null when there is no `networking` (or the
 * document is not a Dataplane): Kuma then checks nothing else.
 */
export function dataplaneType(doc: ResourceDoc): DataplaneType | null {
  if (doc.kind !== 'Dataplane') return null;
  const networking = messageField(doc.spec, 'networking').value;
  if (!networking) return null;
  const gateway = messageField(networking, 'gateway').value;
  if (!gateway) return 'sidecar';
  const type = enumField(gateway, GATEWAY_TYPE, 'type').value;
  return type === GATEWAY_TYPE.BUILTIN ? 'builtin' : type === GATEWAY_TYPE.DELEGATED ? 'delegated' : 'sidecar';
}

/** Whether a Dataplane declares a builtin gateway (`networking.gateway.type: BUILTIN` or 1). */
export function isBuiltinGateway(doc: ResourceDoc): boolean {
  if (doc.kind !== 'Dataplane') return false;
  const gateway = messageField(messageField(doc.spec, 'networking').value, 'gateway').value;
  return gateway !== null && enumField(gateway, GATEWAY_TYPE, 'type').value === GATEWAY_TYPE.BUILTIN;
}
