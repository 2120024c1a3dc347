import type { AttachedRoute, CertificateUse, FinalTag, MergedGateway, MergedListener, MergedPort } from '../merge/types.js';
import { certificateSummary, sortGateways } from './inspect.js';
import type {
  CertificateChange,
  CertificateState,
  DataplaneTagChanges,
  GatewayDiff,
  ListenerDiff,
  PortDiff,
  RouteChange,
  RouteState,
  TagChange,
  TagState,
  ValueChange,
} from './diff-types.js';

/**
 * What applying files changes in what Kuma does with each gateway. `before` is the merged
 * model of the control plane alone, `after` that of the control plane overlaid by the files
 * (see `overlayFiles`); both analysed at the same `now` and Kuma version. Gateways are matched by
 * mesh and name, ports by number, listeners by port and hostname (Kuma refuses two listeners
 * with one hostname on a port), certificates by how the listener names them, routes by kind,
 * mesh and name, final tags by bound dataplane and key. Every gateway of either side is listed,
 * sorted by mesh and name, `unchanged` ones too; YAML that Kuma reads the same way is no change.
 */
export function diffGateways(before: MergedGateway[], after: MergedGateway[]): GatewayDiff[] {
  const byId = new Map<string, { before: MergedGateway | null; after: MergedGateway | null }>();
  for (const g of sortGateways(before)) {
    const id = `${g.mesh}\u0000${g.name}`;
    if (!byId.has(id)) byId.set(id, { before: g, after: null });
  }
  for (const g of sortGateways(after)) {
    const id = `${g.mesh}\u0000${g.name}`;
    const pair = byId.get(id) ?? { before: null, after: null };
    if (pair.after === null) pair.after = g;
    byId.set(id, pair);
  }
  const out = [...byId.values()].map((p) => gatewayDiff(p.before, p.after));
  return out.sort((a, b) => cmp(a.mesh, b.mesh) || cmp(a.name, b.name));
}

/** The difference of one gateway's two sides; at least one side is given. */
export function gatewayDiff(before: MergedGateway | null, after: MergedGateway | null): GatewayDiff {
  const either = (after ?? before) as MergedGateway;
  const out: GatewayDiff = {
    mesh: either.mesh,
    name: either.name,
    status: before === null ? 'added' : after === null ? 'removed' : 'unchanged',
    file: { before: before?.location.file ?? null, after: after?.location.file ?? null },
    admissionErrors: after && !after.admitted ? after.admissionErrors : [],
    dataplanes: setChange((before?.dataplanes ?? []).map((d) => d.name), (after?.dataplanes ?? []).map((d) => d.name)),
    ports: diffPorts(before?.ports ?? [], after?.ports ?? []),
    listeners: diffListeners(before?.listeners ?? [], after?.listeners ?? []),
  };
  if (after && before?.admitted !== after.admitted && (before !== null || !after.admitted)) out.admitted = { before: before?.admitted ?? null, after: after.admitted };
  const changed = out.admitted !== undefined || out.dataplanes.added.length + out.dataplanes.removed.length + out.ports.length + out.listeners.length > 0;
  if (out.status === 'unchanged' && changed) out.status = 'changed';
  return out;
}

function diffPorts(before: MergedPort[], after: MergedPort[]): PortDiff[] {
  const numbers = [...new Set([...before, ...after].map((p) => p.port))].sort((a, b) => a - b);
  const out: PortDiff[] = [];
  for (const port of numbers) {
    const b = before.find((p) => p.port === port) ?? null;
    const a = after.find((p) => p.port === port) ?? null;
    const d: PortDiff = { port, status: b === null ? 'added' : a === null ? 'removed' : 'changed', hostnames: setChange(b?.hostnames ?? [], a?.hostnames ?? []) };
    const protocol = change(b?.protocol ?? null, a?.protocol ?? null);
    const connectionLimit = change(b?.connectionLimit ?? null, a?.connectionLimit ?? null);
    const crossMesh = change(b?.crossMesh ?? null, a?.crossMesh ?? null);
    if (protocol) d.protocol = protocol;
    if (connectionLimit) d.connectionLimit = connectionLimit;
    if (crossMesh) d.crossMesh = crossMesh;
    const differs = d.protocol || d.connectionLimit || d.crossMesh || d.hostnames.added.length + d.hostnames.removed.length > 0;
    if (d.status !== 'changed' || differs) out.push(d);
  }
  return out;
}

/** Listeners keyed by port and hostname; a repeated key (in a gateway Kuma refuses) by its occurrence. */
function keyedListeners(listeners: MergedListener[]): Map<string, MergedListener> {
  const out = new Map<string, MergedListener>();
  for (const l of listeners) {
    let key = `${l.port}\u0000${l.hostname}`;
    for (let n = 2; out.has(key); n++) key = `${l.port}\u0000${l.hostname}\u0000${n}`;
    out.set(key, l);
  }
  return out;
}

function diffListeners(before: MergedListener[], after: MergedListener[]): ListenerDiff[] {
  const b = keyedListeners(before);
  const a = keyedListeners(after);
  const out: ListenerDiff[] = [];
  for (const key of new Set([...b.keys(), ...a.keys()])) {
    const d = listenerDiff(b.get(key) ?? null, a.get(key) ?? null);
    if (d) out.push(d);
  }
  return out.sort((x, y) => x.port - y.port || cmp(x.hostname, y.hostname) || (x.index.after ?? x.index.before ?? 0) - (y.index.after ?? y.index.before ?? 0));
}

/** The difference of one listener's two sides, or null when Kuma does the same with both. */
function listenerDiff(before: MergedListener | null, after: MergedListener | null): ListenerDiff | null {
  const either = (after ?? before) as MergedListener;
  const d: ListenerDiff = {
    port: either.port,
    hostname: either.hostname,
    status: before === null ? 'added' : after === null ? 'removed' : 'changed',
    index: { before: before?.index ?? null, after: after?.index ?? null },
    certificates: diffCertificates(before?.certificates ?? [], after?.certificates ?? []),
    tags: diffTags(before, after),
    routes: diffRoutes(before?.routes ?? [], after?.routes ?? []),
  };
  const protocol = change(before?.protocol ?? null, after?.protocol ?? null);
  const tlsMode = change(before?.tlsMode ?? null, after?.tlsMode ?? null);
  if (protocol) d.protocol = protocol;
  if (tlsMode) d.tlsMode = tlsMode;
  if (d.status !== 'changed') return d;
  const differs = d.protocol || d.tlsMode || d.certificates.length + d.tags.length + d.routes.length > 0;
  return differs ? d : null;
}

/** How a listener names a certificate, for matching and for people. */
function certificateSource(c: CertificateUse): string {
  switch (c.source.kind) {
    case 'secret':
      return `secret ${c.source.name}`;
    case 'file':
      return `file ${c.source.path}`;
    default:
      return `${c.source.kind} #${c.index}`;
  }
}

function certificateState(c: CertificateUse): CertificateState {
  const leaf = c.bundle?.certificates[0] ?? null;
  return {
    state: c.state,
    subject: leaf ? leaf.commonName ?? leaf.subject : null,
    sans: leaf ? [...leaf.sans] : [],
    issuer: leaf?.issuer ?? null,
    keyType: leaf?.keyType ?? null,
    keyBits: leaf?.keyBits ?? null,
    notAfter: leaf?.notAfter ?? null,
    daysLeft: leaf?.daysLeft ?? null,
    coversHostname: c.coversHostname,
    blocking: c.blocking.map((p) => p.message),
    summary: certificateSummary(c),
  };
}

function diffCertificates(before: CertificateUse[], after: CertificateUse[]): CertificateChange[] {
  const keyed = (list: CertificateUse[]) => {
    const out = new Map<string, CertificateUse>();
    for (const c of list) {
      let key = certificateSource(c);
      for (let n = 2; out.has(key); n++) key = `${certificateSource(c)}\u0000${n}`;
      out.set(key, c);
    }
    return out;
  };
  const b = keyed(before);
  const a = keyed(after);
  const out: CertificateChange[] = [];
  for (const key of new Set([...b.keys(), ...a.keys()])) {
    const bc = b.get(key);
    const ac = a.get(key);
    const change = { source: certificateSource((ac ?? bc) as CertificateUse), before: bc ? certificateState(bc) : null, after: ac ? certificateState(ac) : null };
    if (!sameJson(change.before, change.after)) out.push(change);
  }
  return out;
}

/** Each bound dataplane's final tags, or what the selector guarantees (key null) when none is bound. */
function tagGroups(l: MergedListener | null): Map<string | null, FinalTag[]> {
  if (l === null) return new Map();
  const names = Object.keys(l.finalTagsByDataplane);
  if (names.length === 0) return new Map([[null, l.finalTags]]);
  return new Map(names.map((n) => [n, l.finalTagsByDataplane[n]]));
}

function diffTags(before: MergedListener | null, after: MergedListener | null): DataplaneTagChanges[] {
  const b = tagGroups(before);
  const a = tagGroups(after);
  const names = [...new Set([...b.keys(), ...a.keys()])].sort((x, y) => (x === null ? -1 : y === null ? 1 : cmp(x, y)));
  const out: DataplaneTagChanges[] = [];
  for (const dataplane of names) {
    const bt = new Map((b.get(dataplane) ?? []).map((t): [string, TagState] => [t.key, { value: t.value, from: t.from }]));
    const at = new Map((a.get(dataplane) ?? []).map((t): [string, TagState] => [t.key, { value: t.value, from: t.from }]));
    const changes: TagChange[] = [];
    for (const key of [...new Set([...bt.keys(), ...at.keys()])].sort(cmp)) {
      const change = { key, before: bt.get(key) ?? null, after: at.get(key) ?? null };
      if (!sameJson(change.before, change.after)) changes.push(change);
    }
    if (changes.length > 0) out.push({ dataplane, changes });
  }
  return out;
}

function diffRoutes(before: AttachedRoute[], after: AttachedRoute[]): RouteChange[] {
  const state = (r: AttachedRoute): RouteState => ({ effective: r.effective, ...(r.dataplanes ? { dataplanes: [...r.dataplanes] } : {}) });
  const keyed = (list: AttachedRoute[]) => new Map(list.map((r) => [`${r.kind}\u0000${r.mesh}\u0000${r.name}`, r]));
  const b = keyed(before);
  const a = keyed(after);
  const out: RouteChange[] = [];
  for (const key of [...new Set([...b.keys(), ...a.keys()])].sort(cmp)) {
    const br = b.get(key);
    const ar = a.get(key);
    const either = (ar ?? br) as AttachedRoute;
    const change = { kind: either.kind, name: either.name, before: br ? state(br) : null, after: ar ? state(ar) : null };
    if (!sameJson(change.before, change.after)) out.push(change);
  }
  return out;
}

function setChange(before: string[], after: string[]): { added: string[]; removed: string[] } {
  const b = new Set(before);
  const a = new Set(after);
  return { added: [...a].filter((x) => !b.has(x)).sort(cmp), removed: [...b].filter((x) => !a.has(x)).sort(cmp) };
}

/** The change of a plain value, or undefined when it is the same on both sides. */
function change<T extends string | number | boolean>(before: T | null, after: T | null): ValueChange<T> | undefined {
  return before === after ? undefined : { before, after };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
