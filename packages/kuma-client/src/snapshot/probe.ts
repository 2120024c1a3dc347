import type { KumaClient } from '../client.js';
import { clientError } from '../errors.js';
import { fail, ok } from '../result.js';
import type { ControlPlaneConfig, ControlPlaneIndex, Result } from '../types.js';
import type { ControlPlaneInfo } from './snapshot.js';

/** What `/`, `/config` and `/_resources` tell: who answers, in which role, and which kinds it serves. */
export interface Probe {
  index: ControlPlaneIndex;
  /** Null when `/config` is forbidden or absent. */
  config: ControlPlaneConfig | null;
  gatewaySupport: ControlPlaneInfo['gatewaySupport'];
  /** The kinds `/_resources` lists; empty before 2.6. */
  knownTypes: Set<string>;
  /** Sentences about what was tolerated (old versions, forbidden `/config`). */
  notes: string[];
}

/**
 * Sends `/`, `/config` and `/_resources` in parallel. Fails on any failure of `/`, on a failure
 * of `/config` other than 403 or 404, on a failure of `/_resources` other than 404 (before 2.6),
 * and when `/_resources` does not list MeshGateway.
 */
export async function probeControlPlane(client: KumaClient, signal: AbortSignal | undefined): Promise<Result<Probe>> {
  const notes: string[] = [];
  const [index, config, types] = await Promise.all([
    client.getIndex({ signal }),
    client.getConfig({ signal }),
    client.getResourceTypes({ signal }),
  ]);
  if (!index.ok) return index;
  if (!config.ok) {
    if (config.error.kind !== 'forbidden' && config.error.kind !== 'not-found') return config;
    notes.push(`The control plane mode and zone are unknown: GET /config answered ${config.error.status ?? 'with an error'}.`);
  }
  let gatewaySupport: ControlPlaneInfo['gatewaySupport'] = 'unknown';
  const knownTypes = new Set<string>();
  if (types.ok) {
    for (const type of types.value) knownTypes.add(type.name);
    if (!knownTypes.has('MeshGateway')) {
      return fail(
        clientError(
          'no-gateway-support',
          `The control plane at ${client.url} (${index.value.product} ${index.value.version}) has no builtin MeshGateway: /_resources does not list it. Kuma 2.14 is the last release with MeshGateway.`,
          { path: '/_resources' },
        ),
      );
    }
    gatewaySupport = 'yes';
  } else if (types.error.kind === 'not-found') {
    notes.push('This control plane predates /_resources (Kuma 2.6); resource support was not checked up front.');
  } else {
    return types;
  }
  return ok({ index: index.value, config: config.ok ? config.value : null, gatewaySupport, knownTypes, notes });
}
