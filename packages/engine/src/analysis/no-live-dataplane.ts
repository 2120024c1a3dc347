import type { MergeResult } from '../merge/merge.js';
import type { GatewayModel } from '../resources/types.js';
import type { Diagnostic } from '../base/diagnostic.js';
import { diagnostic } from '../base/diagnostic.js';
import { pairOf } from '../resources/decode.js';
import { resourceRef } from '../resources/resource-ref.js';
import { isLiveFile } from './overlay.js';

/**
 * Findings that exist only against a control plane's state (the caller gave its dataplanes'
 * status, so the workspace holds what is registered there): a gateway of the user's files whose
 * selectors bind no builtin gateway Dataplane, neither the control plane's nor one of the files. Gateways the control
 * plane itself holds get none: they are not files to fix. A gateway Kuma refuses gets none
 * either: its admission errors say more; nor one whose matching Dataplanes another gateway wins.
 */
export function noLiveDataplane(gateways: readonly GatewayModel[], merge: MergeResult, live: boolean): Diagnostic[] {
  if (!live) return [];
  const out: Diagnostic[] = [];
  for (const g of gateways) {
    if (isLiveFile(g.doc.file)) continue;
    const merged = merge.merged.get(g);
    if (!merged || !merged.admitted) continue;
    // Dataplanes another gateway wins are reported by `dataplane-contested`, with the winner.
    if (merged.dataplanes.length > 0 || merged.lostDataplanes.length > 0) continue;
    const span = pairOf(g.doc.spec, 'selectors')?.key.span ?? g.doc.nameNode?.span ?? g.doc.span;
    out.push(
      diagnostic({
        code: 'gateway-no-live-dataplane',
        severity: 'warning',
        message: `No builtin gateway Dataplane registered on the control plane in mesh "${g.mesh}" matches a selector of this MeshGateway: once applied, no proxy runs it.`,
        file: g.doc.file,
        span,
        resource: resourceRef(g.doc),
      }),
    );
  }
  return out;
}
