import type { DataplaneModel, GatewayModel, Selector, Tag } from '../resources/types.js';
import { SERVICE_TAG } from '../kuma/reserved-tags.js';

/** A selector's rank as Kuma ranks it: more tags first, then more exact (non-`*`) values. */
export interface Rank {
  tags: number;
  exact: number;
}

/** Whether every key of `match` is in `tags` with an equal value or the selector value `*`. */
export function tagsMatch(match: Pick<Tag, 'key' | 'value'>[], tags: Record<string, string>): boolean {
  for (const m of match) {
    if (!Object.prototype.hasOwnProperty.call(tags, m.key)) return false;
    if (m.value !== '*' && tags[m.key] !== m.value) return false;
  }
  return true;
}

/** The non-empty `match`es of MeshGateway selectors as the API writes them; null: any shape else. */
function rawMatches(selectors: unknown): Pick<Tag, 'key' | 'value'>[][] | null {
  if (!Array.isArray(selectors)) return null;
  const matches: Pick<Tag, 'key' | 'value'>[][] = [];
  for (const selector of selectors as unknown[]) {
    const match: unknown = typeof selector === 'object' && selector !== null ? (selector as { match?: unknown }).match : undefined;
    if (typeof match !== 'object' || match === null || Array.isArray(match)) return null;
    const entries = Object.entries(match);
    if (entries.some(([, value]) => typeof value !== 'string')) return null;
    if (entries.length > 0) matches.push(entries.map(([key, value]) => ({ key, value: value as string })));
  }
  return matches;
}

/**
 * A test of whether a MeshGateway as the API writes it (`selectors: [{ match: {...} }]`) may
 * select a Dataplane with given gateway tags: some non-empty `match` is within them
 * (`tagsMatch`). Loose on purpose: selectors of any other shape may select anything, so that a
 * caller narrowing resources to those a gateway depends on keeps too many, never too few.
 */
export function maySelect(selectors: unknown): (tags: Record<string, string>) => boolean {
  const matches = rawMatches(selectors);
  if (matches === null) return () => true;
  return (tags) => matches.some((match) => tagsMatch(match, tags));
}

/**
 * `maySelect` over many items at once: returns, for a gateway's `selectors`, the items it may
 * select, found through an index of their tags rather than by testing each.
 */
export function maySelectAmong<T>(items: T[], tagsOf: (item: T) => Record<string, string>): (selectors: unknown) => ReadonlySet<T> {
  const byTag = new Map<string, T[]>();
  for (const item of items) {
    for (const [key, value] of Object.entries(tagsOf(item))) {
      const k = `${key}\u0000${value}`;
      const list = byTag.get(k);
      if (list) list.push(item);
      else byTag.set(k, [item]);
    }
  }
  return (selectors) => {
    const matches = rawMatches(selectors);
    if (matches === null) return new Set(items);
    const found = new Set<T>();
    for (const match of matches) {
      const exact = match.find((m) => m.value !== '*');
      const candidates = exact ? (byTag.get(`${exact.key}\u0000${exact.value}`) ?? []) : items;
      for (const item of candidates) if (!found.has(item) && tagsMatch(match, tagsOf(item))) found.add(item);
    }
    return found;
  };
}

export function rankOf(match: Pick<Tag, 'value'>[]): Rank {
  return { tags: match.length, exact: match.filter((m) => m.value !== '*').length };
}

export function compareRank(a: Rank, b: Rank): number {
  return a.tags !== b.tags ? a.tags - b.tags : a.exact - b.exact;
}

export function tagRecord(tags: Tag[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags) out[t.key] = t.value;
  return out;
}

/** The best-ranked selector of a gateway that matches the tags, or null when none does. */
export function bestSelector(selectors: Selector[], tags: Record<string, string>): { selector: Selector; rank: Rank } | null {
  let best: { selector: Selector; rank: Rank } | null = null;
  for (const s of selectors) {
    if (s.match.length === 0 || !tagsMatch(s.match, tags)) continue;
    const rank = rankOf(s.match);
    if (!best || compareRank(rank, best.rank) > 0) best = { selector: s, rank };
  }
  return best;
}

export interface Binding {
  gateway: GatewayModel;
  selector: Selector;
}

/** The outcome of matching one dataplane against the gateways of its mesh. */
export interface Selection {
  /** The gateway Kuma applies, or null when no selector matches. */
  winner: Binding | null;
  /** Every gateway with a matching selector, the winner included. */
  matching: GatewayModel[];
}

/**
 * The one MeshGateway Kuma applies to a builtin Dataplane: among the gateways of its mesh, the
 * one whose best matching selector ranks highest; equal rank goes to the gateway created later,
 * then to the alphabetically first name (candidates are visited by name and only a strictly
 * better or strictly newer one replaces the current choice). Null when none matches.
 */
export function selectGateway(dataplane: DataplaneModel, gateways: GatewayModel[]): Binding | null {
  return selectAmong(tagRecord(dataplane.gatewayTags), sortByName(gateways.filter((g) => g.mesh === dataplane.mesh))).winner;
}

export function sortByName(gateways: GatewayModel[]): GatewayModel[] {
  return [...gateways].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `selectGateway` over candidates already filtered to the mesh and sorted by name. */
export function selectAmong(tags: Record<string, string>, candidates: GatewayModel[]): Selection {
  let best: { binding: Binding; rank: Rank; created: string | null } | null = null;
  const matching: GatewayModel[] = [];
  for (const gateway of candidates) {
    const match = bestSelector(gateway.selectors, tags);
    if (!match) continue;
    matching.push(gateway);
    const created = gateway.doc.creationTime;
    if (!best) {
      best = { binding: { gateway, selector: match.selector }, rank: match.rank, created };
      continue;
    }
    const c = compareRank(match.rank, best.rank);
    const newer = c === 0 && created !== null && (best.created === null || Date.parse(created) > Date.parse(best.created));
    if (c > 0 || newer) best = { binding: { gateway, selector: match.selector }, rank: match.rank, created };
  }
  return { winner: best ? best.binding : null, matching };
}

/**
 * Candidate gateways for dataplanes, indexed so that a dataplane is matched only against the
 * gateways that could select it: every selector needs `kuma.io/service`, so a gateway is a
 * candidate for a service when one of its selectors names that service or `*`. Gateways with a
 * selector lacking the tag (an admission error) are candidates for every dataplane.
 */
export function gatewayIndex(gateways: GatewayModel[]): (mesh: string, tags: Record<string, string>) => GatewayModel[] {
  const byKey = new Map<string, Set<GatewayModel>>();
  const any = new Map<string, Set<GatewayModel>>();
  const add = (map: Map<string, Set<GatewayModel>>, key: string, g: GatewayModel) => {
    const set = map.get(key) ?? new Set();
    set.add(g);
    map.set(key, set);
  };
  for (const g of gateways) {
    for (const s of g.selectors) {
      const service = s.match.find((m) => m.key === SERVICE_TAG);
      if (!service || service.value === '*') add(any, g.mesh, g);
      else add(byKey, `${g.mesh}\u0000${service.value}`, g);
    }
  }
  const cache = new Map<string, GatewayModel[]>();
  return (mesh, tags) => {
    const key = `${mesh}\u0000${tags[SERVICE_TAG] ?? ''}`;
    let list = cache.get(key);
    if (!list) {
      list = sortByName([...new Set([...(byKey.get(key) ?? []), ...(any.get(mesh) ?? [])])]);
      cache.set(key, list);
    }
    return list;
  };
}
