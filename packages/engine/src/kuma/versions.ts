/**
 * Kuma versions. A target is a minor (`2.7`), or a patch where a patch changed a rule
 * (`2.14.2`); Kong Mesh X.Y is Kuma X.Y.
 */
export interface KumaVersion {
  major: number;
  minor: number;
  /** Null when the target names only the minor: then it stands for that minor's newest patch. */
  patch: number | null;
}

/**
 * The versions a rule, field or merge behaviour applies to: from `since` (inclusive) up to
 * `until` (exclusive), each `major.minor[.patch]`; an absent bound is open.
 */
export interface VersionRange {
  since?: string;
  until?: string;
}

const VERSION = /^(\d+)\.(\d+)(?:\.(\d+))?$/;

/** Parses `2.14`, `2.14.2` (a leading `v` is allowed); null for anything else. */
export function parseKumaVersion(text: string): KumaVersion | null {
  const m = VERSION.exec(text.trim().replace(/^v/, ''));
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: m[3] === undefined ? null : Number(m[3]) };
}

/** Orders versions; a minor without a patch sorts after every patch of it (it means the newest). */
export function compareVersions(a: KumaVersion, b: KumaVersion): number {
  return a.major - b.major || a.minor - b.minor || (a.patch ?? Infinity) - (b.patch ?? Infinity) || 0;
}

/**
 * The versions something holds for when one range is not enough: a protobuf enum value that a
 * release removed and a later one brought back holds in each of its ranges.
 */
export type VersionRanges = VersionRange | readonly VersionRange[];

/** Whether `version` lies in `range`, or in one of the ranges (an absent range holds for every version). */
export function inRange(version: KumaVersion, range: VersionRanges | undefined): boolean {
  if (!range) return true;
  if (isRangeList(range)) {
    // A loop, not `some` with a closure: this runs for every field of every document.
    for (const r of range) if (inRange(version, r)) return true;
    return false;
  }
  const since = range.since ? bound(range.since) : null;
  const until = range.until ? bound(range.until) : null;
  if (since && compareVersions(version, since) < 0) return false;
  if (until && compareVersions(version, until) >= 0) return false;
  return true;
}

// Range bounds are the engine's own constants (a few dozen strings), each read once: `inRange`
// runs for every field of every document.
const BOUNDS = new Map<string, KumaVersion | null>();

/** A bound as a version; a bound without a patch means its first patch (`2.6` is `2.6.0`). */
function bound(text: string): KumaVersion | null {
  let v = BOUNDS.get(text);
  if (v === undefined) {
    const parsed = parseKumaVersion(text);
    v = parsed && { ...parsed, patch: parsed.patch ?? 0 };
    BOUNDS.set(text, v);
  }
  return v;
}

/**
 * A range in words, for messages and docs: `from Kuma 2.6`, `before Kuma 2.2`,
 * `from Kuma 2.8, before 2.9`; several ranges joined by `and`. Empty for an absent range.
 */
export function versionRangeText(range: VersionRanges | undefined): string {
  if (!range) return '';
  if (isRangeList(range)) return range.map(versionRangeText).join(' and ');
  if (range.since && range.until) return `from Kuma ${range.since}, before ${range.until}`;
  if (range.since) return `from Kuma ${range.since}`;
  return range.until ? `before Kuma ${range.until}` : '';
}

function isRangeList(range: VersionRanges): range is readonly VersionRange[] {
  return Array.isArray(range);
}

/** The oldest and newest minor meshgw speaks, and the target when none is chosen. */
export const SUPPORTED_KUMA_VERSIONS = { oldest: '2.0', newest: '2.14' } as const;
export const DEFAULT_KUMA_VERSION: KumaVersion = { major: 2, minor: 14, patch: null };

/** `2.14` or `2.14.2`, as the user would write it. */
export function formatKumaVersion(v: KumaVersion): string {
  return v.patch === null ? `${v.major}.${v.minor}` : `${v.major}.${v.minor}.${v.patch}`;
}

/**
 * Reads a target version as a user gives it (a flag, a setting, a project file, a control
 * plane's `GET /`): the version, or a message saying what is wrong with it. A version newer than
 * the newest supported minor is out of range, as is one older than the oldest.
 */
export function readKumaVersion(text: string): { version: KumaVersion } | { error: string } {
  const range = `${SUPPORTED_KUMA_VERSIONS.oldest} to ${SUPPORTED_KUMA_VERSIONS.newest}`;
  const version = parseKumaVersion(text);
  if (!version) return { error: `"${text}" is not a Kuma version: write major.minor (e.g. 2.7) or major.minor.patch; meshgw supports ${range}.` };
  const oldest = parseKumaVersion(SUPPORTED_KUMA_VERSIONS.oldest)!;
  const newest = parseKumaVersion(SUPPORTED_KUMA_VERSIONS.newest)!;
  const minorOf = (v: KumaVersion): KumaVersion => ({ ...v, patch: null });
  if (compareVersions(minorOf(version), oldest) < 0 || compareVersions(minorOf(version), newest) > 0) {
    return { error: `Kuma ${formatKumaVersion(version)} is not supported: meshgw supports Kuma ${range} (Kong Mesh ${range}).` };
  }
  return { version };
}

/**
 * The target version a control plane's `GET /` reports (`version` like `2.7.3`, Kong Mesh's
 * `kumaVersion` or `basedOnKuma`, a `-dev` suffix): major.minor.patch, or null when it names none.
 */
export function versionFromControlPlane(reported: string | null | undefined): KumaVersion | null {
  if (!reported) return null;
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(reported);
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: m[3] === undefined ? null : Number(m[3]) } : null;
}

/**
 * The rules for a control plane that reports `reported` on `GET /` (its Kuma version): that
 * version when meshgw supports it, else the nearest supported minor with a sentence saying so;
 * null when it names no version.
 */
export function controlPlaneTarget(reported: string | null | undefined): { version: KumaVersion; warning: string | null } | null {
  const version = versionFromControlPlane(reported);
  if (!version) return null;
  const read = readKumaVersion(formatKumaVersion(version));
  if ('version' in read) return { version, warning: null };
  const nearest = version.major < 2 ? SUPPORTED_KUMA_VERSIONS.oldest : SUPPORTED_KUMA_VERSIONS.newest;
  return { version: parseKumaVersion(nearest)!, warning: `the control plane runs ${reported}: ${read.error} Using the rules of ${nearest}.` };
}
