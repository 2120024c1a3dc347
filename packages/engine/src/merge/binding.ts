import { bestSelector, gatewayIndex, selectAmong, tagRecord } from './selection.js';
import type { Rank } from './selection.js';
import type { DataplaneModel, GatewayModel } from '../resources/types.js';

/** A dataplane a gateway's selector matches but that Kuma gives to another gateway. */
export interface LostDataplane {
  dataplane: DataplaneModel;
  winner: GatewayModel;
  /** The loser's best matching selector. */
  selectorIndex: number;
  /** Why the winner wins, in Kuma's ranking. */
  reason: string;
}

/** Which gateway Kuma gives each builtin dataplane, and what each gateway loses to another. */
export interface Binding {
  bindings: Map<DataplaneModel, GatewayModel | null>;
  bound: Map<GatewayModel, { dp: DataplaneModel; selectorIndex: number }[]>;
  lost: Map<GatewayModel, LostDataplane[]>;
}

/**
 * Kuma's selection for every builtin dataplane among `gateways` (the ones that exist on the
 * control plane): the winner binds the dataplane; every other gateway with a matching selector
 * loses it, with the reason.
 */
export function bindDataplanes(gateways: GatewayModel[], dataplanes: DataplaneModel[]): Binding {
  const out: Binding = { bindings: new Map(), bound: new Map(), lost: new Map() };
  const candidates = gatewayIndex(gateways);
  for (const dp of dataplanes) {
    if (!dp.builtin) continue;
    const tags = tagRecord(dp.gatewayTags);
    const selection = selectAmong(tags, candidates(dp.mesh, tags));
    const winner = selection.winner;
    out.bindings.set(dp, winner ? winner.gateway : null);
    if (!winner) continue;
    push(out.bound, winner.gateway, { dp, selectorIndex: winner.selector.index });
    const winning = bestSelector(winner.gateway.selectors, tags);
    for (const g of selection.matching) {
      if (g === winner.gateway) continue;
      const mine = bestSelector(g.selectors, tags);
      if (!mine || !winning) continue;
      push(out.lost, g, { dataplane: dp, winner: winner.gateway, selectorIndex: mine.selector.index, reason: lossReason(winner.gateway, winning, mine) });
    }
  }
  return out;
}

/** The gateway a refused dataplane would run if Kuma accepted it, or null. */
export function wouldBind(gateways: GatewayModel[], dp: DataplaneModel): GatewayModel | null {
  if (!dp.builtin) return null;
  const tags = tagRecord(dp.gatewayTags);
  return selectAmong(tags, gatewayIndex(gateways)(dp.mesh, tags)).winner?.gateway ?? null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function rankText(index: number, rank: Rank): string {
  return `selector #${index} (${rank.tags} tag${rank.tags === 1 ? '' : 's'}, ${rank.exact} exact)`;
}

/** Kuma's ranking as a sentence: more tags, then more exact values, then newer, then by name. */
function lossReason(
  winner: GatewayModel,
  winning: { selector: { index: number }; rank: Rank },
  mine: { selector: { index: number }; rank: Rank },
): string {
  const theirs = rankText(winning.selector.index, winning.rank);
  const ours = rankText(mine.selector.index, mine.rank);
  if (winning.rank.tags !== mine.rank.tags || winning.rank.exact !== mine.rank.exact) {
    return `its ${theirs} outranks this gateway's ${ours}: Kuma prefers the selector with more tags, then more exact values`;
  }
  if (winner.doc.creationTime) {
    return `both best selectors rank equally (${mine.rank.tags} tags, ${mine.rank.exact} exact) and "${winner.name}" was created later`;
  }
  return `both best selectors rank equally (${mine.rank.tags} tags, ${mine.rank.exact} exact), so Kuma keeps the first by name, "${winner.name}"`;
}
