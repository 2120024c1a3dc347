import { tagsMatch } from './selection.js';
import { sameItems } from '../base/same-items.js';
import type { AttachedRoute } from './types.js';
import type { GatewayModel, GatewayRouteModel, PolicyRouteModel } from '../resources/types.js';

const HTTP_PROTOCOLS: ReadonlySet<string> = new Set(['HTTP', 'HTTPS']);
const TCP_PROTOCOLS: ReadonlySet<string> = new Set(['TCP', 'TLS']);

/** What attaching routes to one gateway found. */
export interface RouteAttachment {
  /** Routes per listener index, in the order the resources were found. */
  perListener: AttachedRoute[][];
  /** MeshGatewayRoutes whose selector matched some listener of this gateway (any protocol). */
  selected: Set<GatewayRouteModel>;
  /** MeshGatewayRoutes that matched listeners only of the other protocol family. */
  protocolMismatch: Set<GatewayRouteModel>;
  /** Mesh*Routes that target this gateway. */
  policies: PolicyRouteModel[];
  /** True when a MeshHTTPRoute applies (MeshGatewayRoutes are then ignored on HTTP/HTTPS). */
  httpShadowed: boolean;
  /** True when a MeshTCPRoute applies (MeshGatewayRoutes are then ignored on TCP/TLS). */
  tcpShadowed: boolean;
}

/**
 * Attaches routes to a gateway's listeners given each listener's final tags. A
 * MeshGatewayRoute attaches when ANY of its selectors is a subset of the tags (`*` only needs
 * the key) and its protocol family fits (http on HTTP/HTTPS, tcp on TCP/TLS); every matching
 * route attaches, there is no ranking. A MeshHTTPRoute/MeshTCPRoute attaches when its
 * `targetRef.name` is the gateway and its `targetRef.tags` are a subset of the tags. Once a
 * Mesh*Route applies to any listener, MeshGatewayRoutes stop taking effect on the listeners of
 * that family.
 */
export function attachRoutes(
  gateway: GatewayModel,
  listenerTags: Record<string, string>[],
  routes: GatewayRouteModel[],
  policies: PolicyRouteModel[],
): RouteAttachment {
  const perListener: AttachedRoute[][] = gateway.listeners.map(() => []);
  const selected = new Set<GatewayRouteModel>();
  const fitting = new Set<GatewayRouteModel>();
  const mine = policies.filter((p) => p.mesh === gateway.mesh && p.gatewayName === gateway.name);
  let httpShadowed = false;
  let tcpShadowed = false;
  gateway.listeners.forEach((listener, i) => {
    const tags = listenerTags[i];
    for (const p of mine) {
      const family = p.kind === 'MeshHTTPRoute' ? HTTP_PROTOCOLS : TCP_PROTOCOLS;
      if (!family.has(listener.protocol) || !tagsMatch(p.tags, tags)) continue;
      if (p.kind === 'MeshHTTPRoute') httpShadowed = true;
      else tcpShadowed = true;
      perListener[i].push({
        kind: p.kind,
        mesh: p.mesh,
        name: p.name,
        location: { file: p.doc.file, span: p.doc.nameNode?.span ?? p.doc.span },
        selectorIndex: null,
        effective: true,
      });
    }
  });
  gateway.listeners.forEach((listener, i) => {
    const tags = listenerTags[i];
    for (const r of routes) {
      if (r.mesh !== gateway.mesh) continue;
      const selector = r.selectors.find((s) => s.match.length > 0 && tagsMatch(s.match, tags));
      if (!selector) continue;
      selected.add(r);
      const family = r.protocol === 'http' ? HTTP_PROTOCOLS : r.protocol === 'tcp' ? TCP_PROTOCOLS : null;
      if (!family || !family.has(listener.protocol)) continue;
      fitting.add(r);
      const shadowed = r.protocol === 'http' ? httpShadowed : tcpShadowed;
      perListener[i].push({
        kind: 'MeshGatewayRoute',
        mesh: r.mesh,
        name: r.name,
        location: { file: r.doc.file, span: r.doc.nameNode?.span ?? r.doc.span },
        selectorIndex: selector.index,
        effective: !shadowed,
      });
    }
  });
  const protocolMismatch = new Set([...selected].filter((r) => !fitting.has(r) && r.protocol !== null));
  return { perListener, selected, protocolMismatch, policies: mine, httpShadowed, tcpShadowed };
}

/**
 * Attaches routes for each group of dataplanes with the same final tags, and joins the results:
 * a route attached on only some groups names the dataplanes it attaches on. With no group (a
 * gateway Kuma refuses), nothing attaches.
 */
export function attachForGroups(
  gateway: GatewayModel,
  groups: { dataplanes: string[]; records: Record<string, string>[] }[],
  routes: (records: Record<string, string>[]) => GatewayRouteModel[],
  policies: PolicyRouteModel[],
): RouteAttachment {
  if (groups.length === 0) return attachRoutes(gateway, gateway.listeners.map(() => ({})), [], []);
  const candidates = groups.map((g) => routes(g.records));
  const last = LAST.get(gateway);
  if (last && last.groups === groups && sameItems(last.policies, policies) && last.candidates.length === candidates.length && last.candidates.every((c, i) => sameItems(c, candidates[i]))) {
    return last.attachment;
  }
  const attachment = joinGroups(gateway, groups, candidates, policies);
  LAST.set(gateway, { groups, candidates, policies, attachment });
  return attachment;
}

// What each gateway model was last attached with. Models and their tag groups are reused while
// their documents are unchanged (see `gatewayTags`), so an edit attaches again only the gateways
// whose model, dataplanes, candidate routes or policies changed. The result is shared and must
// not be changed by callers.
const LAST = new WeakMap<
  GatewayModel,
  { groups: object; candidates: GatewayRouteModel[][]; policies: PolicyRouteModel[]; attachment: RouteAttachment }
>();

function joinGroups(
  gateway: GatewayModel,
  groups: { dataplanes: string[]; records: Record<string, string>[] }[],
  candidates: GatewayRouteModel[][],
  policies: PolicyRouteModel[],
): RouteAttachment {
  const results = groups.map((g, i) => attachRoutes(gateway, g.records, candidates[i], policies));
  if (results.length === 1) return results[0];
  const perListener: AttachedRoute[][] = gateway.listeners.map((_, i) => {
    const byRoute = new Map<string, { route: AttachedRoute; on: string[] }>();
    results.forEach((r, gi) => {
      for (const route of r.perListener[i]) {
        const key = `${route.kind}/${route.name}`;
        const seen = byRoute.get(key);
        if (seen) {
          seen.on.push(...groups[gi].dataplanes);
          seen.route = { ...seen.route, effective: seen.route.effective || route.effective };
        } else byRoute.set(key, { route, on: [...groups[gi].dataplanes] });
      }
    });
    const total = groups.reduce((n, g) => n + g.dataplanes.length, 0);
    return [...byRoute.values()].map(({ route, on }) => (on.length === total ? route : { ...route, dataplanes: on.sort() }));
  });
  const union = <T>(sets: Set<T>[]) => new Set(sets.flatMap((s) => [...s]));
  const selected = union(results.map((r) => r.selected));
  const fitting = union(results.map((r) => new Set([...r.selected].filter((x) => !r.protocolMismatch.has(x)))));
  return {
    perListener,
    selected,
    protocolMismatch: new Set([...selected].filter((r) => !fitting.has(r))),
    policies: results[0].policies,
    httpShadowed: results.some((r) => r.httpShadowed),
    tcpShadowed: results.some((r) => r.tcpShadowed),
  };
}
