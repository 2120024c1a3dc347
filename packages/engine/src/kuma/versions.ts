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

/** Whether `version` lies in `range` (an absent range holds for every version). */
export function inRange(version: KumaVersion, range: VersionRange | undefined): boolean {
  if (!range) return true;
  const since = range.since ? parseKumaVersion(range.since) : null;
  const until = range.until ? parseKumaVersion(range.until) : null;
  if (since && compareVersions(version, { ...since, patch: since.patch ?? 0 }) < 0) return false;
  if (until && compareVersions(version, { ...until, patch: until.patch ?? 0 }) >= 0) return false;
  return true;
}
