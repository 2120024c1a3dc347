import { sameItems } from '../base/same-items.js';
import { formatKumaVersion, type KumaVersion } from '../kuma/versions.js';
import { secretKey, type CertificateContext } from './certificate-use.js';
import type { LostDataplane } from './binding.js';
import type { GatewayTags } from './dataplane-tags.js';
import type { RouteAttachment } from './routes.js';
import type { MergedGateway } from './types.js';
import type { DataplaneModel, GatewayModel } from '../resources/types.js';
import type { Location } from '../base/types.js';

/** Everything of the merge input one gateway's merge reads, besides the gateway itself. */
export interface GatewayMergeReads {
  kumaVersion: KumaVersion;
  refusal: { path: string | null; message: string }[] | null;
  mine: { dp: DataplaneModel; selectorIndex: number }[];
  lost: LostDataplane[];
  tags: GatewayTags;
  attachment: RouteAttachment;
  certificates: CertificateContext;
  dataplaneStatus: Record<string, { online: boolean; zone: string | null }>;
  duplicates: Location[];
  /** Refused dataplanes, routes or policies in the mesh: their findings are not remembered. */
  refusedNearby: boolean;
}

/**
 * A gateway's last merge with what it read, so that merging a mesh again (after an edit of one
 * of its documents) computes again only the gateways whose reads changed. The values compared
 * are model objects (reused while their documents are unchanged), results of the memos behind
 * final tags and route attachment, certificate facts (cached per text and day) and plain values.
 * The merged gateway is shared and must not be changed by callers.
 */
export function rememberedMerge(gateway: GatewayModel, reads: GatewayMergeReads, merge: () => MergedGateway): MergedGateway {
  const key = readKey(gateway, reads);
  const last = LAST.get(gateway);
  if (key !== null && last && sameItems(last.key, key)) return last.merged;
  const merged = merge();
  if (key !== null) LAST.set(gateway, { key, merged });
  else LAST.delete(gateway);
  return merged;
}

const LAST = new WeakMap<GatewayModel, { key: unknown[]; merged: MergedGateway }>();

/** The reads as a flat list of values compared by identity; null when they cannot be compared. */
function readKey(gateway: GatewayModel, reads: GatewayMergeReads): unknown[] | null {
  if (reads.refusedNearby) return null;
  const key: unknown[] = [gateway.doc, formatKumaVersion(reads.kumaVersion), reads.tags, reads.attachment, reads.refusal?.length ?? -1];
  for (const r of reads.refusal ?? []) key.push(r.path, r.message);
  key.push(reads.mine.length);
  for (const { dp, selectorIndex } of reads.mine) {
    const status = reads.dataplaneStatus[`${dp.mesh}/${dp.name}`];
    key.push(dp, selectorIndex, status?.online, status?.zone);
  }
  key.push(reads.lost.length);
  for (const l of reads.lost) key.push(l.dataplane, l.winner, l.reason, l.selectorIndex);
  key.push(reads.duplicates.length);
  for (const d of reads.duplicates) key.push(d.file, d.span);
  const ctx = reads.certificates;
  key.push(ctx.secretAccess(gateway.mesh));
  for (const listener of gateway.listeners) {
    for (const ref of listener.tls?.certificates ?? []) {
      const source = ref.source;
      // Inline bundles are read from the document itself (the gateway's `doc` above), but their
      // facts depend on the day: not remembered.
      if (source.kind === 'inline' || source.kind === 'inlineString') return null;
      if (source.kind !== 'secret') continue;
      const k = secretKey(gateway.mesh, source.name);
      const secret = ctx.secrets.get(k);
      key.push(secret, ctx.refusedSecrets.get(k), ctx.globalSecrets.get(source.name), secret?.data != null ? ctx.read(secret.data) : null);
    }
  }
  return key;
}
