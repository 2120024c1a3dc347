import { isLiveFile } from '../analysis/overlay.js';
import type { Location } from '../base/types.js';
import type { BoundDataplane, MergedGateway } from '../merge/types.js';
import type { WorkspaceResult } from '../analysis/workspace.js';
import type { DataplaneModel } from '../resources/types.js';

/** Whether a resource at `location` comes from the control plane rather than a file. */
export function isLive(location: Location | null | undefined): boolean {
  return location !== null && location !== undefined && isLiveFile(location.file);
}

/** `online`, `offline`, or nothing when the control plane did not say. */
function stateText(d: BoundDataplane): string {
  return d.online === null ? '' : d.online ? 'online' : 'offline';
}

/**
 * Where the dataplane layer of a gateway's final tags came from, for the `from` column: `dataplane
 * · live edge-1 (online)` when the control plane's one bound Dataplane gave it, `dataplane · live,
 * 3 dataplanes` for several, plain `dataplane` for Dataplanes of files.
 */
export function dataplaneLayerText(merged: MergedGateway): string {
  const live = merged.dataplanes.filter((d) => isLive(d.location));
  if (live.length === 0 || merged.dataplaneLayerFromSelector) return 'dataplane';
  if (merged.dataplanes.length === 1) {
    const state = stateText(live[0]);
    return `dataplane · live ${live[0].name}${state ? ` (${state})` : ''}`;
  }
  return live.length === merged.dataplanes.length ? `dataplane · live, ${live.length} dataplanes` : 'dataplane';
}

/** A bound dataplane's name for a sentence: `` `edge-1` (10.0.0.11) `` or `` live `edge-1` (10.0.0.11, online) ``. */
export function boundDataplaneText(d: BoundDataplane): string {
  const details = [d.address, isLive(d.location) ? stateText(d) : ''].filter((x): x is string => !!x);
  return `${isLive(d.location) ? 'live ' : ''}\`${d.name}\`${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

/** A Dataplane's name in a table: `edge-1`, or `live edge-1 (online)` for the control plane's. */
export function dataplaneName(result: WorkspaceResult, dp: DataplaneModel): string {
  if (!isLiveFile(dp.doc.file)) return dp.name;
  const status = result.options.dataplaneStatus?.[`${dp.mesh}/${dp.name}`];
  return `live ${dp.name}${status ? ` (${status.online ? 'online' : 'offline'})` : ''}`;
}
