import type { CertificateUse, Diagnostic, MergedGateway, ResourceDoc, SecretAccess, WorkspaceResult } from '@meshgw/engine';
import { certificateStatus, worstStatus, type CertificateStatus, type MeshSecrets, type Tone } from './certificate-status.js';
import { plainValue } from './plain-value.js';

/** What the engine result alone does not say about where it came from. */
export interface ModelContext {
  mode: 'files' | 'live';
  /** The meshes a control plane listed, with each Mesh resource as returned; files derive them. */
  meshes?: { name: string; resource: unknown }[];
  /** Per mesh, whether its Secrets could be read. Unnamed meshes: `files` or `pending`. */
  secrets?: Record<string, MeshSecrets>;
  /** Per mesh, how many Secrets the control plane returned. */
  secretCounts?: Record<string, number>;
}

export interface GatewayEntry {
  key: string;
  gateway: MergedGateway;
  /** The resource as a plain value, for the YAML view; null when its document is gone. */
  resource: unknown;
  zone: string | null;
  selectors: string[];
  tags: string[];
  /** The API path of the resource on a control plane; null for files. */
  apiPath: string | null;
  diagnostics: Diagnostic[];
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
  search: string;
}

export interface CertificateUseRow {
  gatewayKey: string;
  gateway: string;
  port: number;
  hostname: string;
  covers: boolean | null;
}

export interface CertificateRow {
  key: string;
  mesh: string;
  /** The secret name, the file path, or `inline`. */
  name: string;
  source: CertificateUse['source']['kind'];
  status: CertificateStatus;
  notAfter: string | null;
  notBefore: string | null;
  keyType: string | null;
  subject: string | null;
  issuer: string | null;
  sans: string[];
  fingerprint: string | null;
  uses: CertificateUseRow[];
  coverage: { text: string; tone: Tone };
  search: string;
}

export interface MeshRow {
  key: string;
  name: string;
  gateways: number;
  online: number | null;
  total: number;
  secrets: { text: string; tone: Tone };
  worst: CertificateStatus | null;
  resource: unknown;
  search: string;
}

/**
 * Everything the views show, derived once per refresh from the engine's result. Plain data
 * (objects, arrays, Maps): it can be built in a worker thread and posted to the app.
 */
export interface ViewModel {
  mode: 'files' | 'live';
  gateways: GatewayRow[];
  certificates: CertificateRow[];
  meshes: MeshRow[];
  entries: Map<string, GatewayEntry>;
  /** Per mesh: whether its Secrets could be read, and how much of them the engine got. */
  secrets: Record<string, MeshSecrets>;
  access: Record<string, SecretAccess>;
  /** Sentences about data that could not be read (admin-only secrets, ...). */
  notes: string[];
}

/** The state of one certificate a gateway of `mesh` uses. */
export function statusOf(model: Pick<ViewModel, 'mode' | 'secrets' | 'access'>, use: CertificateUse, mesh: string): CertificateStatus {
  return certificateStatus(use, model.secrets[mesh] ?? (model.mode === 'files' ? 'files' : 'pending'), model.access[mesh] ?? 'full');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function accessOf(option: WorkspaceResult['options']['secretAccess'], mesh: string): SecretAccess {
  if (option === undefined) return 'full';
  if (typeof option === 'string') return option;
  return option[mesh] ?? 'full';
}

function labelsOf(resource: unknown): Record<string, unknown> {
  if (resource === null || typeof resource !== 'object') return {};
  const r = resource as Record<string, unknown>;
  const labels = r.labels ?? (r.metadata as Record<string, unknown> | undefined)?.labels;
  return labels !== null && typeof labels === 'object' ? (labels as Record<string, unknown>) : {};
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
  return g.ports.map((p) => `${p.port}/${p.protocol}`).join(' ');
}

function keyTypeText(bits: number | null, type: string): string {
  return bits ? `${type} ${bits}` : type;
}

function certificateKey(mesh: string, use: CertificateUse): { key: string; name: string } {
  switch (use.source.kind) {
    case 'secret':
      return { key: `${mesh}/secret/${use.source.name}`, name: use.source.name };
    case 'file':
      return { key: `${mesh}/file/${use.source.path}`, name: use.source.path };
    default:
      return { key: `${mesh}/${use.source.kind}/${use.location.file}#${use.location.span.start}`, name: use.source.kind === 'empty' ? '(empty)' : 'inline' };
  }
}

function coverage(uses: CertificateUseRow[]): { text: string; tone: Tone } {
  const missed = uses.filter((u) => u.covers === false).map((u) => u.hostname);
  if (missed.length > 0) return { text: `✗ not ${[...new Set(missed)].join(', ')}`, tone: 'bad' };
  if (uses.some((u) => u.covers === true)) return { text: '✓ yes', tone: 'ok' };
  return { text: '-', tone: 'muted' };
}

function compareCertificates(a: CertificateRow, b: CertificateRow): number {
  const da = a.status.daysLeft;
  const db = b.status.daysLeft;
  if (da !== null && db !== null && da !== db) return da - db;
  if (da !== null && db === null) return -1;
  if (da === null && db !== null) return 1;
  return a.status.rank - b.status.rank || cmp(a.mesh, b.mesh) || cmp(a.name, b.name);
}

function secretsText(state: MeshSecrets, count: number | undefined): { text: string; tone: Tone } {
  switch (state) {
    case 'files':
    case 'ok':
      return { text: `${count ?? 0}`, tone: 'plain' };
    case 'forbidden':
      return { text: 'admin-only', tone: 'muted' };
    case 'error':
      return { text: 'unavailable', tone: 'warn' };
    case 'pending':
      return { text: 'loading', tone: 'muted' };
  }
}

/**
 * Derives every row and entry the views need. Pure: the same result and context give the same
 * model. Gateways are sorted by mesh then name, certificates by days left (soonest first, then
 * the ones without a date), meshes by name.
 */
export function buildViewModel(result: WorkspaceResult, context: ModelContext): ViewModel {
  const mode = context.mode;
  const secretsOf = (mesh: string): MeshSecrets => context.secrets?.[mesh] ?? (mode === 'files' ? 'files' : 'pending');
  const meshNamesSeen = new Set<string>([...result.gateways.map((g) => g.mesh), ...(context.meshes ?? []).map((m) => m.name)]);
  const secrets: Record<string, MeshSecrets> = {};
  const access: Record<string, SecretAccess> = {};
  for (const mesh of meshNamesSeen) {
    secrets[mesh] = secretsOf(mesh);
    access[mesh] = accessOf(result.options.secretAccess, mesh);
  }
  const basis = { mode, secrets, access };

  const sorted = [...result.gateways].sort((a, b) => cmp(a.mesh, b.mesh) || cmp(a.name, b.name) || cmp(a.location.file, b.location.file));
  const entries = new Map<string, GatewayEntry>();
  const gateways: GatewayRow[] = [];
  const certificates = new Map<string, CertificateRow>();
  for (const g of sorted) {
    let key = `${g.mesh}/${g.name}@${g.location.file}`;
    for (let n = 2; entries.has(key); n++) key = `${g.mesh}/${g.name}@${g.location.file}#${n}`;
    const doc = docOf(result, g);
    const resource = doc ? plainValue(doc.root) : null;
    const gatewayModel = result.models.gateways.find((m) => m.doc === doc);
    const zones = [...new Set(g.dataplanes.map((d) => d.zone).filter((z): z is string => z !== null))].sort(cmp);
    const labelZone = labelsOf(resource)['kuma.io/zone'];
    const zone = typeof labelZone === 'string' && labelZone !== '' ? labelZone : zones.length > 0 ? zones.join(',') : null;
    entries.set(key, {
      key,
      gateway: g,
      resource,
      zone,
      selectors: (gatewayModel?.selectors ?? []).map((s) => s.match.map((t) => `${t.key}=${t.value}`).join(', ')),
      tags: (gatewayModel?.tags ?? []).map((t) => `${t.key}=${t.value}`),
      apiPath: mode === 'live' ? apiPathOf(g.location.file) : null,
      diagnostics: diagnosticsOf(result, g, doc),
    });
    const statuses: CertificateStatus[] = [];
    for (const l of g.listeners) {
      for (const use of l.certificates) {
        const status = statusOf(basis, use, g.mesh);
        statuses.push(status);
        const id = certificateKey(g.mesh, use);
        let row = certificates.get(id.key);
        if (!row) {
          const leaf = use.bundle?.certificates[0] ?? null;
          row = {
            key: id.key,
            mesh: g.mesh,
            name: id.name,
            source: use.source.kind,
            status,
            notAfter: leaf?.notAfter ?? null,
            notBefore: leaf?.notBefore ?? null,
            keyType: leaf ? keyTypeText(leaf.keyBits, leaf.keyType) : null,
            subject: leaf ? leaf.commonName ?? leaf.subject : null,
            issuer: leaf?.issuer ?? null,
            sans: leaf ? [...leaf.sans] : [],
            fingerprint: leaf?.fingerprint256 ?? null,
            uses: [],
            coverage: { text: '-', tone: 'muted' },
            search: '',
          };
          certificates.set(id.key, row);
        }
        row.uses.push({ gatewayKey: key, gateway: `${g.mesh}/${g.name}`, port: l.port, hostname: l.hostname, covers: use.coversHostname });
      }
    }
    const online = mode === 'live' ? g.dataplanes.filter((d) => d.online === true).length : null;
    gateways.push({
      key,
      mesh: g.mesh,
      name: g.name,
      zone,
      file: g.location.file,
      ports: portsText(g),
      listeners: g.listeners.length,
      online,
      total: g.dataplanes.length,
      worst: worstStatus(statuses),
      search: [g.mesh, g.name, zone ?? '', portsText(g), ...g.ports.flatMap((p) => p.hostnames), mode === 'files' ? g.location.file : ''].join(' ').toLowerCase(),
    });
  }

  const certificateRows = [...certificates.values()];
  for (const row of certificateRows) {
    row.coverage = coverage(row.uses);
    row.search = [row.mesh, row.name, row.subject ?? '', ...row.sans, row.status.label, ...row.uses.map((u) => `${u.gateway} ${u.hostname}`)].join(' ').toLowerCase();
  }
  certificateRows.sort(compareCertificates);

  const meshNames = new Map<string, unknown>();
  for (const m of context.meshes ?? []) meshNames.set(m.name, m.resource);
  if (mode === 'files') {
    for (const f of result.files) for (const doc of f.resources) if (doc.kind === 'Mesh' && doc.name !== null) meshNames.set(doc.name, plainValue(doc.root));
    for (const g of result.gateways) if (!meshNames.has(g.mesh)) meshNames.set(g.mesh, null);
  }
  const status = result.options.dataplaneStatus ?? {};
  const meshes: MeshRow[] = [...meshNames.keys()].sort(cmp).map((name) => {
    const own = gateways.filter((g) => g.mesh === name);
    const proxies = result.models.dataplanes.filter((d) => d.builtin && d.mesh === name);
    const online = mode === 'live' ? proxies.filter((d) => status[`${d.mesh}/${d.name}`]?.online === true).length : null;
    const fileSecrets = result.models.secrets.filter((s) => s.kind === 'Secret' && (s.mesh ?? 'default') === name).length;
    const secrets = secretsText(secretsOf(name), mode === 'files' ? fileSecrets : context.secretCounts?.[name]);
    const worst = worstStatus(own.map((g) => g.worst).filter((s): s is CertificateStatus => s !== null));
    return { key: name, name, gateways: own.length, online, total: proxies.length, secrets, worst, resource: meshNames.get(name) ?? null, search: name.toLowerCase() };
  });

  const notes: string[] = [];
  const forbidden = meshes.filter((m) => secretsOf(m.name) === 'forbidden').map((m) => m.name);
  if (forbidden.length > 0) {
    notes.push(`Certificate expiry needs an admin token: Secrets are admin-only (mesh${forbidden.length > 1 ? 'es' : ''} ${forbidden.join(', ')}).`);
  }
  const failed = meshes.filter((m) => secretsOf(m.name) === 'error').map((m) => m.name);
  if (failed.length > 0) notes.push(`The Secrets of mesh${failed.length > 1 ? 'es' : ''} ${failed.join(', ')} could not be read; certificate states are unknown there.`);

  return { mode, gateways, certificates: certificateRows, meshes, entries, secrets, access, notes };
}

/** Rows whose text contains every word of the filter (case-insensitive). */
export function filterRows<T extends { search: string }>(rows: T[], filter: string): T[] {
  const words = filter.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return rows;
  return rows.filter((r) => words.every((w) => r.search.includes(w)));
}
