import { finalTagRecord, finalTags, guaranteedBySelector, overlayTags } from './final-tags.js';
import { sameItems } from '../base/same-items.js';
import type { TagSource } from './final-tags.js';
import type { FinalTag, VaryingTag } from './types.js';
import type { DataplaneModel, GatewayModel } from '../resources/types.js';

/** Dataplanes whose final tags are the same on every listener, with those tags. */
export interface TagGroup {
  /** Dataplane names; empty for the selector's guarantee when no dataplane is bound. */
  dataplanes: string[];
  /** Final tags as records, per listener index. */
  records: Record<string, string>[];
}

/** A gateway's final tags, listener by listener, over the dataplanes Kuma binds to it. */
export interface GatewayTags {
  common: FinalTag[][];
  byDataplane: Record<string, FinalTag[]>[];
  varying: VaryingTag[][];
  groups: TagGroup[];
}

/**
 * Kuma generates each gateway dataplane's configuration on its own: a listener's final tags on a
 * dataplane are that dataplane's gateway tags, overlaid by the gateway's, then the listener's.
 * `common` keeps the tags equal on every bound dataplane; `varying` the others. With no bound
 * dataplane, the first selector's exact-valued tags stand for the dataplane layer.
 */
export function gatewayTags(gateway: GatewayModel, bound: DataplaneModel[]): GatewayTags {
  const last = LAST.get(gateway);
  if (last && sameItems(last.bound, bound)) return last.tags;
  const tags = computeGatewayTags(gateway, bound);
  LAST.set(gateway, { bound, tags });
  return tags;
}

// Models are reused while their documents are unchanged, and the tags depend on nothing else: an
// edit re-merges a whole mesh, but only the gateways whose model or bound dataplanes changed are
// computed again. The result is shared and must not be changed by callers.
const LAST = new WeakMap<GatewayModel, { bound: DataplaneModel[]; tags: GatewayTags }>();

function computeGatewayTags(gateway: GatewayModel, bound: DataplaneModel[]): GatewayTags {
  const gatewayLayer: TagSource = { layer: 'gateway', file: gateway.doc.file, tags: gateway.tags };
  const listenerLayer = (i: number): TagSource => ({ layer: 'listener', file: gateway.doc.file, tags: gateway.listeners[i].tags });
  if (bound.length === 0) {
    const selector: TagSource = { layer: 'selector', file: gateway.doc.file, tags: guaranteedBySelector(gateway.selectors[0]?.match ?? []) };
    const common = gateway.listeners.map((_, i) => finalTags([selector, gatewayLayer, listenerLayer(i)]));
    return { common, byDataplane: common.map(() => ({})), varying: common.map(() => []), groups: [{ dataplanes: [], records: common.map(finalTagRecord) }] };
  }
  // The gateway's layers once per listener, each dataplane's once: thousands of dataplanes share
  // the tags they do not override.
  const upper = gateway.listeners.map((_, i) => finalTags([gatewayLayer, listenerLayer(i)]));
  const perDataplane = bound.map((dp) => {
    const own = finalTags([{ layer: 'dataplane', file: dp.doc.file, tags: dp.gatewayTags }]);
    return upper.map((tags) => overlayTags(own, tags));
  });
  // Records by dataplane, then listener.
  const recordsOf = perDataplane.map((lists) => lists.map(finalTagRecord));
  const common: FinalTag[][] = [];
  const byDataplane: Record<string, FinalTag[]>[] = [];
  const varying: VaryingTag[][] = [];
  gateway.listeners.forEach((_, i) => {
    const own = perDataplane.map((tags) => tags[i]);
    const records = recordsOf.map((r) => r[i]);
    common.push(own[0].filter((t) => records.every((r) => r[t.key] === t.value)));
    byDataplane.push(Object.fromEntries(bound.map((dp, d) => [dp.name, own[d]])));
    varying.push(varyingTags(records, new Set(common[i].map((t) => t.key))));
  });
  return { common, byDataplane, varying, groups: groupsOf(bound, recordsOf) };
}

function varyingTags(records: Record<string, string>[], common: Set<string>): VaryingTag[] {
  const values = new Map<string, { values: Set<string>; dataplanes: number }>();
  for (const r of records) {
    for (const key in r) {
      if (common.has(key)) continue;
      const value = r[key];
      const v = values.get(key) ?? { values: new Set<string>(), dataplanes: 0 };
      v.values.add(value);
      v.dataplanes++;
      values.set(key, v);
    }
  }
  return [...values]
    .map(([key, v]) => ({ key, values: [...v.values].sort(), dataplanes: v.dataplanes }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function groupsOf(bound: DataplaneModel[], recordsOf: Record<string, string>[][]): TagGroup[] {
  const groups = new Map<string, TagGroup>();
  bound.forEach((dp, d) => {
    const records = recordsOf[d];
    const key = JSON.stringify(records);
    const g = groups.get(key);
    if (g) g.dataplanes.push(dp.name);
    else groups.set(key, { dataplanes: [dp.name], records });
  });
  return [...groups.values()];
}
