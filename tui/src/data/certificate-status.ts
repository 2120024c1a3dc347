import type { CertificateUse, PemProblem } from '@meshgw/engine';

/** How a certificate reads on screen. Colour is never the only signal: `label` says it in words. */
export type Tone = 'ok' | 'warn' | 'bad' | 'muted' | 'accent' | 'plain';

/** Days left under which a certificate is critical (red) and a warning (yellow). */
export const CRITICAL_DAYS = 7;
export const WARNING_DAYS = 30;

/**
 * Whether the Secrets of a mesh could be read: `files` (read from files), `ok` (the control
 * plane gave them), `forbidden` (admin-only), `error` (the call failed), `pending` (not asked yet).
 */
export type MeshSecrets = 'files' | 'ok' | 'forbidden' | 'error' | 'pending';

export type CertificateBand = 'expired' | 'problem' | 'critical' | 'warning' | 'unknown' | 'ok';

export interface CertificateStatus {
  band: CertificateBand;
  /** A few words: `12d left`, `expired 3d ago`, `not found`, `admin-only`. */
  label: string;
  tone: Tone;
  /** Lower is worse; used to pick a gateway's worst certificate. */
  rank: number;
  /** Whole days until notAfter (negative once expired); null when not known. */
  daysLeft: number | null;
  /** Why Kuma cannot use the bundle, in Kuma's words; null when it can. */
  problem: string | null;
}

const RANK: Record<CertificateBand, number> = { expired: 0, problem: 1, critical: 2, warning: 3, unknown: 4, ok: 5 };

function status(band: CertificateBand, label: string, daysLeft: number | null = null, problem: string | null = null): CertificateStatus {
  const tone: Tone = band === 'ok' ? 'ok' : band === 'warning' ? 'warn' : band === 'unknown' ? 'muted' : 'bad';
  return { band, label, tone, rank: RANK[band], daysLeft, problem };
}

/** The band of a number of days left: expired, under 7 days, under 30 days, or fine. */
export function bandOfDays(daysLeft: number, expired: boolean): CertificateBand {
  if (expired || daysLeft < 0) return 'expired';
  if (daysLeft < CRITICAL_DAYS) return 'critical';
  if (daysLeft < WARNING_DAYS) return 'warning';
  return 'ok';
}

/**
 * The state of one certificate a listener uses. `secrets` tells why a secret could not be read
 * (admin-only, not fetched yet). Which problems block the bundle is the engine's answer
 * (`use.blocking`: a missing key does not when the client dropped the keys).
 */
export function certificateStatus(use: CertificateUse, secrets: MeshSecrets): CertificateStatus {
  switch (use.state) {
    case 'not-found':
      return status('problem', 'not found', null, `Secret "${use.secret?.name ?? ''}" does not exist in this mesh.`);
    case 'file':
      return status('problem', 'file (unsupported)', null, 'A file datasource cannot be read remotely and the gateway does not support it.');
    case 'empty':
      return status('problem', 'empty', null, 'The datasource names no secret, inline or inlineString value.');
    case 'unreadable':
      if (use.source.kind === 'secret') {
        if (secrets === 'forbidden') return status('unknown', 'admin-only');
        if (secrets === 'pending') return status('unknown', 'loading');
        if (secrets === 'error') return status('unknown', 'unavailable');
      }
      return status('problem', 'unreadable', null, 'The certificate data is not valid base64.');
    case 'ok':
      break;
  }
  const bundle = use.bundle;
  const leaf = bundle?.certificates[0];
  const fatal: PemProblem | undefined = use.blocking[0];
  if (!leaf) return status('problem', 'no certificate', null, fatal?.message ?? 'The data holds no certificate.');
  const band = bandOfDays(leaf.daysLeft, leaf.expired);
  const label = band === 'expired' ? `expired ${Math.max(0, -leaf.daysLeft)}d ago` : `${leaf.daysLeft}d left`;
  if (fatal && band !== 'expired') return status('problem', 'unusable', leaf.daysLeft, fatal.message);
  return status(band, label, leaf.daysLeft, fatal?.message ?? null);
}

/** The worst of several states; null for none. Ties keep the first, then fewer days left. */
export function worstStatus(list: CertificateStatus[]): CertificateStatus | null {
  let worst: CertificateStatus | null = null;
  for (const s of list) {
    if (
      worst === null ||
      s.rank < worst.rank ||
      (s.rank === worst.rank && s.daysLeft !== null && (worst.daysLeft === null || s.daysLeft < worst.daysLeft))
    ) {
      worst = s;
    }
  }
  return worst;
}
