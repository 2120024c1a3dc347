import { enumField, messageField } from './decode.js';
import type { ResourceDoc } from './types.js';
import { GATEWAY_TYPE_ENUM, enumNumbers } from '../kuma/enums.js';

/** The kinds an outbound `backendRef` or a reachable backend may name, sorted as Kuma prints them. */
export const BACKEND_KINDS: readonly string[] = ['MeshExternalService', 'MeshMultiZoneService', 'MeshService'];
export const BACKEND_KINDS_MESSAGE = `invalid value. Available values are: ${BACKEND_KINDS.join(',')}`;

/** `Dataplane.Networking.Gateway.GatewayType`. */
export const GATEWAY_TYPE = enumNumbers(GATEWAY_TYPE_ENUM);

/**
 * Whether a Dataplane declares a builtin gateway (`networking.gateway.type: BUILTIN` or 1). Only
 * those are checked here; other Dataplanes get no checks from this module beyond the presence
 * of `networking`.
 */
export function isBuiltinGateway(doc: ResourceDoc): boolean {
  if (doc.kind !== 'Dataplane') return false;
  const gateway = messageField(messageField(doc.spec, 'networking').value, 'gateway').value;
  return gateway !== null && enumField(gateway, GATEWAY_TYPE, 'type').value === GATEWAY_TYPE.BUILTIN;
}
