import { portText, type Diagnostic, type GatewayDiff, type MergedGateway, type ResourceDoc, type WorkspaceResult } from '@meshgw/engine';
import type { CertificateStatus } from './certificate-status.js';
import { cmp } from './compare.js';
import { plainValue } from './plain-value.js';
import { shownGateway } from './shown-gateway.js';

export interface GatewayEntry {
  key: string;
  gateway: MergedGateway;
  /** The resource as a plain value, for the YAML view; null when its document is gone. */
  resource: unknown;
  zone: string | null;
  selectors: string[];
  tags: string[];
  /**
   * Tag values written as numbers or booleans (`a: 1`), which the engine reads as empty because
   * Kuma refuses them: by key, for the gateway's tags and for each listener's, so views show them.
   */
  writtenTags: { gateway: Record<string, string>; listeners: Record<string, string>[] };
  /** The API path of the resource on a control plane; null for files. */
  apiPath: string | null;
  diagnostics: Diagnostic[];
  /**
   * What applying the laid-over files changes in this gateway; null when nothing compares it
   * (no files laid over the control plane).
   */
  diff: GatewayDiff | null;
}

export interface GatewayRow {
  key: string;
  mesh: string;
  name: string;
  zone: string | null;
  file: string;
  /** `80/HTTP 443/HTTPS`: the merged ports. */
  ports: string;
  listeners: number;
  /** Online dataplanes; null when the state is unknown (files). */
  online: number | null;
  total: number;
  worst: CertificateStatus | null;
  /** Kuma refuses the gateway itself. */
  rejected: boolean;
  /** Errors and warnings about the gateway (its own and cross-resource ones). */
  errors: number;
  warnings: number;
  /** `added`, `changed` or `unchanged` by the laid-over files; null without them. */
  change: GatewayDiff['status'] | null;
  /** Its mesh is not read yet: only mesh, name and file are known, the rest is loading. */
  pending: boolean;
  search: string;
}

/** A MeshGateway of a mesh not read in full yet: its name and the file it will be analysed as. */
export interface PendingGateway {
  mesh: string;
  name: string;
  file: string;
}

function labelsOf(resource: unknown): Record<string, unknown> {
  if (resource === null || typeof resource !== 'object') return {};
  const r = resource as Record<string, unknown>;
  const labels = r.labels ?? (r.metadata as Record<string, unknown> | undefined)?.labels;
  return labels !== null && typeof labels === 'object' ? (labels as Record<string, unknown>) : {};
}

function fieldsOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The values of a tag map written as numbers or booleans, as text. */
function nonStringTags(map: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(fieldsOf(map))) if (typeof raw === 'number' || typeof raw === 'boolean') out[key] = String(raw);
  return out;
}

/**
 * `key=value` as written: the engine reads only string values, so a number or boolean Kuma
 * refuses (`a: 1`) is shown from the plain value of the map it stands in.
 */
function tagText(tag: { key: string; value: string }, written: unknown): string {
  return `${tag.key}=${tag.value === '' ? nonStringTags(written)[tag.key] ?? '' : tag.value}`;
}

/** `cp:/meshes/<mesh>/<collection>/<name>` back to the API path, segments percent-encoded. */
export function apiPathOf(file: string): string | null {
  const m = /^cp:\/meshes\/([^/]+)\/([^/]+)\/(.+)$/.exec(file);
  if (m === null) return null;
  return `/meshes/${encodeURIComponent(m[1])}/${m[2]}/${encodeURIComponent(m[3])}`;
}

function docOf(result: WorkspaceResult, g: MergedGateway): ResourceDoc | null {
  for (const m of result.models.gateways) {
    const d = m.doc;
    if (d.file === g.location.file && d.span.start <= g.location.span.start && g.location.span.start < d.span.end) return d;
  }
  return null;
}

function diagnosticsOf(result: WorkspaceResult, g: MergedGateway, doc: ResourceDoc | null): Diagnostic[] {
  const out = new Set<Diagnostic>(g.diagnostics);
  for (const d of result.diagnosticsByFile.get(g.location.file) ?? []) {
    const inside = doc !== null && d.span.start >= doc.span.start && d.span.end <= doc.span.end;
    const about = d.resource?.type === 'MeshGateway' && d.resource.name === g.name && (d.resource.mesh ?? g.mesh) === g.mesh;
    if (inside || about) out.add(d);
  }
  const rank = { error: 0, warning: 1, info: 2, hint: 3 } as const;
  return [...out].sort((a, b) => rank[a.severity] - rank[b.severity] || a.span.start - b.span.start);
}

function portsText(g: MergedGateway): string {
  return g.ports
    .map((p) => {
      const shown = portText(g.listeners[p.listeners[0]]);
      return `${shown.port}/${shown.protocol}`;
    })
    .join(' ');
}

/** The list order of gateways: by mesh, then name, then file. */
export function byListOrder(a: { mesh: string; name: string; file: string }, b: { mesh: string; name: string; file: string }): number {
  return cmp(a.mesh, b.mesh) || cmp(a.name, b.name) || cmp(a.file, b.file);
}

/** The gateways in list order (`byListOrder`). */
export function sortedGateways(gateways: MergedGateway[]): MergedGateway[] {
  return gateways
    .map((g) => ({ mesh: g.mesh, name: g.name, file: g.location.file, g }))
    .sort(byListOrder)
    .map((entry) => entry.g);
}

/**
 * `mesh/name@file`, with `#2`, `#3`... when a gateway of that name and file is already keyed. A
 * pending gateway's row has the key its analysed row will have, so a cursor on it stays there.
 */
export function gatewayKey(g: { mesh: string; name: string; location: { file: string } }, taken: ReadonlyMap<string, unknown>): string {
  let key = `${g.mesh}/${g.name}@${g.location.file}`;
  for (let n = 2; taken.has(key); n++) key = `${g.mesh}/${g.name}@${g.location.file}#${n}`;
  return key;
}

/** The row of a gateway whose mesh is still loading; `taken`: the keys given so far. */
export function pendingGatewayRow(p: PendingGateway, taken: ReadonlyMap<string, unknown>): GatewayRow {
  return {
    key: gatewayKey({ mesh: p.mesh, name: p.name, location: { file: p.file } }, taken),
    mesh: p.mesh,
    name: p.name,
    zone: null,
    file: p.file,
    ports: '',
    listeners: 0,
    online: null,
    total: 0,
    worst: null,
    rejected: false,
    errors: 0,
    warnings: 0,
    change: null,
    pending: true,
    search: `${p.mesh} ${p.name}`.toLowerCase(),
  };
}

/**
 * What the gateway detail, YAML and diff views show of one gateway. `diff`: its comparison when
 * files are laid over the control plane (null: none for this gateway, so it does not change);
 * undefined without files.
 */
export function gatewayEntry(result: WorkspaceResult, g: MergedGateway, key: string, mode: 'files' | 'live', diff?: GatewayDiff | null): GatewayEntry {
  const doc = docOf(result, g);
  const resource = doc ? plainValue(doc.root) : null;
  const gatewayModel = result.models.gateways.find((m) => m.doc === doc);
  const zones = [...new Set(g.dataplanes.map((d) => d.zone).filter((z): z is string => z !== null))].sort(cmp);
  const labelZone = labelsOf(resource)['kuma.io/zone'];
  const spec = doc?.pathPrefix === 'spec.' ? fieldsOf(fieldsOf(resource).spec) : fieldsOf(resource);
  const writtenSelectors = Array.isArray(spec.selectors) ? spec.selectors : [];
  const writtenListeners = fieldsOf(spec.conf).listeners;
  const zone = typeof labelZone === 'string' && labelZone !== '' ? labelZone : zones.length > 0 ? zones.join(',') : null;
  return {
    key,
    gateway: shownGateway(g),
    resource,
    zone,
    selectors: (gatewayModel?.selectors ?? []).map((s, i) => s.match.map((t) => tagText(t, fieldsOf(writtenSelectors[i]).match)).join(', ')),
    tags: (gatewayModel?.tags ?? []).map((t) => tagText(t, spec.tags)),
    writtenTags: { gateway: nonStringTags(spec.tags), listeners: (Array.isArray(writtenListeners) ? writtenListeners : []).map((l: unknown) => nonStringTags(fieldsOf(l).tags)) },
    apiPath: mode === 'live' ? apiPathOf(g.location.file) : null,
    diagnostics: diagnosticsOf(result, g, doc),
    diff: diff === undefined ? null : diff ?? unchangedDiff(g),
  };
}

/** The comparison of a gateway the files leave as it is. */
function unchangedDiff(g: MergedGateway): GatewayDiff {
  const file = g.location.file;
  return { mesh: g.mesh, name: g.name, status: 'unchanged', file: { before: file, after: file }, admissionErrors: [], dataplanes: { added: [], removed: [] }, ports: [], listeners: [] };
}

/** The gateway list's row for an entry; `worst` is its worst certificate state. */
export function gatewayRow(entry: GatewayEntry, mode: 'files' | 'live', worst: CertificateStatus | null): GatewayRow {
  const { key, gateway: g, zone } = entry;
  const online = mode === 'live' ? g.dataplanes.filter((d) => d.online === true).length : null;
  return {
    key,
    mesh: g.mesh,
    name: g.name,
    zone,
    file: g.location.file,
    ports: portsText(g),
    listeners: g.listeners.length,
    online,
    total: g.dataplanes.length,
    worst,
    rejected: !g.admitted,
    errors: entry.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: entry.diagnostics.filter((d) => d.severity === 'warning').length,
    change: entry.diff?.status ?? null,
    pending: false,
    search: [g.mesh, g.name, zone ?? '', portsText(g), ...g.ports.flatMap((p) => p.hostnames), mode === 'files' ? g.location.file : '', entry.diff && entry.diff.status !== 'unchanged' ? entry.diff.status : ''].join(' ').toLowerCase(),
  };
}
