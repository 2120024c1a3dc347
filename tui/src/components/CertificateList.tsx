import { Table, type Column } from './Table.js';
import { statusCell } from './cells.js';
import type { CertificateRow } from '../data/certificate-rows.js';
import { seg } from '../views/styled.js';

export interface CertificateListProps {
  rows: CertificateRow[];
  cursor: number;
  top: number;
  height: number;
  width: number;
  /** Some meshes are still loading: their certificates show once they are read. */
  loading: boolean;
}

function usedBy(r: CertificateRow): string {
  const first = r.uses[0];
  if (!first) return '-';
  const more = r.uses.length > 1 ? ` +${r.uses.length - 1}` : '';
  return `${first.gateway}:${first.port} ${first.hostname}${more}`;
}

const COLUMNS: Column<CertificateRow>[] = [
  { title: 'EXPIRY', cell: (r) => statusCell(r.status), max: 26 },
  { title: 'NOT AFTER', cell: (r) => seg(r.notAfter?.slice(0, 10) ?? '-', r.notAfter ? 'plain' : 'muted'), drop: 3 },
  { title: 'MESH', cell: (r) => seg(r.mesh), max: 16, min: 10, flex: 2 },
  { title: 'SECRET', cell: (r) => seg(r.source === 'secret' ? r.name : r.source === 'file' ? `file: ${r.name}` : `(${r.name})`, 'plain', true), max: 32, min: 14, flex: 3, cut: 'middle' },
  { title: 'KEY', cell: (r) => seg(r.keyType ?? '-', r.keyType ? 'plain' : 'muted'), max: 10, drop: 4 },
  { title: 'SUBJECT', cell: (r) => seg(r.subject ?? '-', r.subject ? 'plain' : 'muted'), max: 30, min: 12, flex: 5, drop: 5 },
  { title: 'COVERS HOST', cell: (r) => seg(r.coverage.text, r.coverage.tone), max: 30, min: 11, flex: 1 },
  { title: 'USED BY', cell: (r) => seg(usedBy(r), 'muted'), max: 50, min: 14, flex: 4 },
];

/** Every certificate a listener uses, all meshes: the ones Kuma cannot use first, then soonest expiry. */
export function CertificateList({ rows, cursor, top, height, width, loading }: CertificateListProps) {
  const empty = loading ? 'Loading: certificates show once their mesh is read.' : 'No listener uses a certificate.';
  return <Table columns={COLUMNS} rows={rows} cursor={cursor} top={top} height={height} width={width} empty={empty} />;
}
