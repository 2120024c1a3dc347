import type { CertificateStatus } from '../data/certificate-status.js';
import { seg, type Segment } from '../views/styled.js';

/** `online/total` coloured by health; `total` alone when the online state is unknown (files). */
export function dataplaneCell(online: number | null, total: number): Segment {
  if (online === null) return seg(String(total), total === 0 ? 'warn' : 'plain');
  const tone = total === 0 ? 'warn' : online === 0 ? 'bad' : online < total ? 'warn' : 'ok';
  return seg(`${online}/${total}`, tone);
}

export function statusCell(status: CertificateStatus | null): Segment {
  return status === null ? seg('-', 'muted') : seg(status.label, status.tone, status.tone === 'bad');
}

/** A cell whose value is still loading (its mesh is not read yet). */
export const LOADING = seg('…', 'muted');

/** `cell` of a row, or `…` while the row is pending. */
export function unlessPending<R extends { pending: boolean }>(cell: (row: R) => Segment): (row: R) => Segment {
  return (row) => (row.pending ? LOADING : cell(row));
}
