import { maySelectAmong } from '@meshgw/engine';
import type { MeshSnapshot, RawResource } from '@meshgw/kuma-client';
import { cmp } from './compare.js';

/** The part of the meshes read that fills a first screen; see `firstScreen`. */
export interface FirstScreen {
  /** The meshes narrowed to what the shown gateways depend on. */
  meshes: MeshSnapshot[];
  /** `mesh/name` of the gateways whose analysed rows are shown. */
  shown: Set<string>;
  /** Meshes of which anything was left out: their rows but the shown ones are still loading. */
  narrowed: string[];
}

const nameOf = (resource: RawResource): string => resource.name;

/** The Secrets a MeshGateway's listeners name (`conf.listeners[].tls.certificates[].secret`); null: it may name any. */
function secretsNamed(gateway: RawResource): Set<string> | null {
  const conf = gateway.conf as { listeners?: unknown } | undefined;
  if (conf === undefined) return new Set();
  if (typeof conf !== 'object' || conf === null) return null;
  if (conf.listeners === undefined) return new Set();
  if (!Array.isArray(conf.listeners)) return null;
  const names = new Set<string>();
  for (const listener of conf.listeners as unknown[]) {
    if (typeof listener !== 'object' || listener === null) return null;
    const tls = (listener as { tls?: unknown }).tls;
    if (tls === undefined) continue;
    if (typeof tls !== 'object' || tls === null) return null;
    const certificates = (tls as { certificates?: unknown }).certificates;
    if (certificates === undefined) continue;
    if (!Array.isArray(certificates)) return null;
    for (const c of certificates as unknown[]) {
      if (typeof c !== 'object' || c === null) return null;
      const secret = (c as { secret?: unknown }).secret;
      if (typeof secret === 'string') names.add(secret);
      else if (secret !== undefined) return null;
    }
  }
  return names;
}

/** The gateway a MeshHTTPRoute or MeshTCPRoute targets by name, or null when it names none plainly. */
function targetName(route: RawResource): string | null {
  const spec = route.spec as { targetRef?: { kind?: unknown; name?: unknown } } | undefined;
  const ref = typeof spec === 'object' && spec !== null ? spec.targetRef : undefined;
  return typeof ref === 'object' && ref !== null && ref.kind === 'MeshGateway' && typeof ref.name === 'string' ? ref.name : null;
}

/**
 * Narrows the meshes read of a large control plane to what its first screen shows: the first
 * `rows` gateways in list order (by mesh, then name) and what their analysis depends on. A
 * Dataplane goes to the best-ranked gateway that selects it, so that is every Dataplane a shown
 * gateway may select (`maySelect`), every gateway that may select one of those, the routes but
 * those that target another gateway by name, and the Secrets the kept gateways' listeners name.
 * The engine's results for the shown gateways are then those of the whole meshes; the other
 * gateways' are not, and are shown as loading. Each narrowing is loose: what cannot be read
 * plainly is kept.
 */
export function firstScreen(meshes: MeshSnapshot[], rows: number): FirstScreen {
  const shown = new Set<string>();
  const narrowed: string[] = [];
  // The shown gateways, taken in list order; the meshes keep their own order.
  const firstOf = new Map<MeshSnapshot, RawResource[]>();
  let left = Math.max(0, rows);
  for (const mesh of [...meshes].sort((a, b) => cmp(a.name, b.name))) {
    const first = [...mesh.gateways].sort((a, b) => cmp(nameOf(a), nameOf(b))).slice(0, left);
    left -= first.length;
    for (const g of first) shown.add(`${mesh.name}/${g.name}`);
    firstOf.set(mesh, first);
  }
  const out = meshes.map((mesh): MeshSnapshot => {
    const first = firstOf.get(mesh) ?? [];
    const selectable = maySelectAmong(mesh.dataplanes, (dp) => dp.tags);
    const selected = first.map((g) => selectable(g.selectors));
    const dataplanes = mesh.dataplanes.filter((dp) => selected.some((s) => s.has(dp)));
    const competing = maySelectAmong(dataplanes, (dp) => dp.tags);
    const shownHere = new Set(first);
    const gateways = mesh.gateways.filter((g) => shownHere.has(g) || competing(g.selectors).size > 0);
    const kept = new Set(gateways.map(nameOf));
    const byTarget = (route: RawResource): boolean => {
      const target = targetName(route);
      return target === null || kept.has(target);
    };
    const httpRoutes = mesh.httpRoutes.filter(byTarget);
    const tcpRoutes = mesh.tcpRoutes.filter(byTarget);
    let secrets = mesh.secrets;
    let secretsLeftOut = false;
    if (secrets.state === 'ok') {
      const named = gateways.map(secretsNamed);
      if (named.every((n): n is Set<string> => n !== null)) {
        const wanted = new Set(named.flatMap((n) => [...n]));
        const keptSecrets = secrets.secrets.filter((s) => wanted.has(s.name));
        secretsLeftOut = keptSecrets.length < secrets.secrets.length;
        secrets = { ...secrets, secrets: keptSecrets };
      }
    }
    const whole =
      first.length === mesh.gateways.length &&
      dataplanes.length === mesh.dataplanes.length &&
      httpRoutes.length === mesh.httpRoutes.length &&
      tcpRoutes.length === mesh.tcpRoutes.length &&
      !secretsLeftOut;
    if (whole) return mesh;
    narrowed.push(mesh.name);
    return { ...mesh, gateways, dataplanes, httpRoutes, tcpRoutes, secrets };
  });
  return { meshes: out, shown, narrowed };
}
