import { inRange } from '../kuma/versions.js';
import type { KumaVersion, VersionRange } from '../kuma/versions.js';
import type { ListenerModel } from '../resources/types.js';
import type { MergedPort } from './types.js';

/**
 * Orders hostnames the way Kuma emits them, most specific first: every exact name before any
 * wildcard; among wildcards more labels first (`*.a.example.com`, `*.example.com`, `*`); ties
 * in plain string order.
 */
export function compareHostnames(a: string, b: string): number {
  const wa = a.startsWith('*');
  const wb = b.startsWith('*');
  if (wa !== wb) return wa ? 1 : -1;
  if (wa) {
    const la = a.split('.').length;
    const lb = b.split('.').length;
    if (la !== lb) return lb - la;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Before 2.6, Kuma emitted a port's hosts in reverse string order, which puts `*` last. */
export function compareHostnamesBefore26(a: string, b: string): number {
  return a > b ? -1 : a < b ? 1 : 0;
}

/** The versions that emit a port's hosts most specific first (`MakeGatewayListener`, 2.6 #9054). */
export const HOSTS_BY_EXACTNESS: VersionRange = { since: '2.6' };

/** The order in which the target version emits a port's hosts. */
export function hostnameOrder(target: KumaVersion): (a: string, b: string) => number {
  return inRange(target, HOSTS_BY_EXACTNESS) ? compareHostnames : compareHostnamesBefore26;
}

/**
 * Collapses listeners by port as Kuma's generator does: protocol, crossMesh and the connection
 * limit come from the first listener of the port in declaration order; hostnames are the
 * distinct hostnames of all of them, in the order Kuma emits them (most specific first by
 * default). Ports are in ascending order.
 */
export function mergePorts(listeners: ListenerModel[], order: (a: string, b: string) => number = compareHostnames): MergedPort[] {
  const byPort = new Map<number, ListenerModel[]>();
  for (const l of listeners) {
    const group = byPort.get(l.port);
    if (group) group.push(l);
    else byPort.set(l.port, [l]);
  }
  return [...byPort.entries()]
    .sort(([a], [b]) => a - b)
    .map(([port, group]) => {
      const first = group[0];
      return {
        port,
        protocol: first.protocol,
        hostnames: [...new Set(group.map((l) => l.hostname))].sort(order),
        listeners: group.map((l) => l.index),
        connectionLimit: first.connectionLimit,
        crossMesh: first.crossMesh,
      };
    });
}

/** Whether two hostnames match: equal, or one contains the other by a leading `*` label. */
export function hostnamesMatch(a: string, b: string): boolean {
  return a === b || hostnameContains(a, b) || hostnameContains(b, a);
}

/** Whether wildcard `outer` (`*`, `*.example.com`) contains `inner`, by whole labels. */
export function hostnameContains(outer: string, inner: string): boolean {
  if (outer === '*') return true;
  if (!outer.startsWith('*.')) return false;
  const suffix = outer.slice(1);
  return inner.endsWith(suffix) && inner.length > suffix.length;
}
