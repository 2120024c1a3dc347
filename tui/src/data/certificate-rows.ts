import type { CertificateUse, MergedGateway } from '@meshgw/engine';
import type { CertificateStatus, Tone } from './certificate-status.js';
import { cmp } from './compare.js';
import { statusOf, type SecretBasis } from './secret-access.js';

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

/** 0: Kuma cannot use it (expired, not found, unusable, a file); 1: it has a date; 2: not read (admin-only, loading). */
function groupOf(row: CertificateRow): number {
  const band = row.status.band;
  if (band === 'expired' || band === 'problem') return 0;
  return row.status.daysLeft === null ? 2 : 1;
}

function compareCertificates(a: CertificateRow, b: CertificateRow): number {
  const group = groupOf(a) - groupOf(b);
  if (group !== 0) return group;
  const da = a.status.daysLeft;
  const db = b.status.daysLeft;
  if (da !== null && db !== null && da !== db) return da - db;
  if (da !== null && db === null) return -1;
  if (da === null && db !== null) return 1;
  return a.status.rank - b.status.rank || cmp(a.mesh, b.mesh) || cmp(a.name, b.name);
}

/** A row for the first use of a certificate; its uses, coverage and search text are filled later. */
function newCertificateRow(id: { key: string; name: string }, mesh: string, use: CertificateUse, status: CertificateStatus): CertificateRow {
  const leaf = use.bundle?.certificates[0] ?? null;
  return {
    key: id.key,
    mesh,
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
}

/**
 * Adds every certificate use of a gateway's listeners to `rows` (one row per certificate, keyed
 * by source) and returns the state of each use, in listener order.
 */
export function addCertificateUses(rows: Map<string, CertificateRow>, basis: SecretBasis, g: MergedGateway, gatewayKey: string): CertificateStatus[] {
  const statuses: CertificateStatus[] = [];
  for (const l of g.listeners) {
    for (const use of l.certificates) {
      const status = statusOf(basis, use, g.mesh);
      statuses.push(status);
      const id = certificateKey(g.mesh, use);
      let row = rows.get(id.key);
      if (!row) {
        row = newCertificateRow(id, g.mesh, use, status);
        rows.set(id.key, row);
      }
      row.uses.push({ gatewayKey, gateway: `${g.mesh}/${g.name}`, port: l.port, hostname: l.hostname, covers: use.coversHostname });
    }
  }
  return statuses;
}

/**
 * The gathered rows with coverage and search text: the ones Kuma cannot use first (expired, not
 * found, unusable, files), then by days left (soonest first), then the ones not read.
 */
export function certificateRows(rows: Map<string, CertificateRow>): CertificateRow[] {
  const out = [...rows.values()];
  for (const row of out) {
    row.coverage = coverage(row.uses);
    row.search = [row.mesh, row.name, row.subject ?? '', ...row.sans, row.status.label, ...row.uses.map((u) => `${u.gateway} ${u.hostname}`)].join(' ').toLowerCase();
  }
  out.sort(compareCertificates);
  return out;
}
