import type { YNode } from '../syntax/tree.js';

/**
 * Which control plane the language server analyses the files against, as a user writes it in
 * `meshgw.controlPlane` or the project file's `controlPlane`: a kumactl context (`context`
 * absent: the current one, which is what the string `kumactl` means), or a URL with a token
 * file, a CA file and the explicit opt-out of TLS verification. Paths are as written; the face
 * that reads the files resolves them.
 */
export interface ControlPlaneSetting {
  /** A kumactl context by name; null for the current context (or a `url`). */
  context: string | null;
  /** The API server's URL; null for a kumactl context. */
  url: string | null;
  /** A file holding the user token (one line); null for none or the context's own. */
  tokenFile: string | null;
  /** Trust only the CAs of this PEM file. */
  caCertFile: string | null;
  /** Skip verification of the server certificate (an explicit, unsafe opt-in). */
  insecureSkipTlsVerify: boolean;
  /** The kumactl config file; null for `~/.kumactl/config`. */
  kumactlConfig: string | null;
  /** Seconds between refreshes; null for the default. */
  refreshSeconds: number | null;
}

const KEYS = ['context', 'url', 'tokenFile', 'caCertFile', 'insecureSkipTlsVerify', 'kumactlConfig', 'refreshSeconds'] as const;

/** The shortest refresh interval accepted, in seconds: a control plane is not to be polled harder. */
export const MIN_REFRESH_SECONDS = 5;

const SHAPES = '`"kumactl"`, `{ "context": "NAME" }` or `{ "url": "https://…", "tokenFile": "FILE" }`';

/**
 * Reads the setting from plain data (JSON settings, or the project file's YAML as values).
 * `null`, `false`, `""` and `"off"` read as no control plane. Anything else malformed is an
 * error sentence (with the key it is about, when one), and no control plane.
 */
export function readControlPlaneSetting(raw: unknown): { setting: ControlPlaneSetting | null } | { error: string; key?: string; unknownKey?: boolean } {
  if (raw === undefined || raw === null || raw === false || raw === '' || raw === 'off') return { setting: null };
  const empty: ControlPlaneSetting = { context: null, url: null, tokenFile: null, caCertFile: null, insecureSkipTlsVerify: false, kumactlConfig: null, refreshSeconds: null };
  if (raw === 'kumactl') return { setting: empty };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { error: `controlPlane takes ${SHAPES}.` };
  const r = raw as Record<string, unknown>;
  const out = { ...empty };
  for (const key of Object.keys(r)) {
    if (!(KEYS as readonly string[]).includes(key)) return { error: `controlPlane: unknown key "${key}"; it knows ${KEYS.join(', ')}.`, key, unknownKey: true };
  }
  for (const key of ['context', 'url', 'tokenFile', 'caCertFile', 'kumactlConfig'] as const) {
    const value = r[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value.trim() === '') return { error: `controlPlane.${key} takes a non-empty string.`, key };
    out[key] = value.trim();
  }
  if (r.insecureSkipTlsVerify !== undefined) {
    if (typeof r.insecureSkipTlsVerify !== 'boolean') return { error: 'controlPlane.insecureSkipTlsVerify takes true or false.', key: 'insecureSkipTlsVerify' };
    out.insecureSkipTlsVerify = r.insecureSkipTlsVerify;
  }
  if (r.refreshSeconds !== undefined && r.refreshSeconds !== null) {
    const n = r.refreshSeconds;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < MIN_REFRESH_SECONDS) return { error: `controlPlane.refreshSeconds takes a number of seconds, ${MIN_REFRESH_SECONDS} or more.`, key: 'refreshSeconds' };
    out.refreshSeconds = n;
  }
  if (out.url !== null && out.context !== null) return { error: 'controlPlane takes a url or a context, not both.' };
  if (out.url !== null && !/^https?:\/\//.test(out.url)) return { error: 'controlPlane.url must start with http:// or https://.', key: 'url' };
  return { setting: out };
}

/** A YAML node as plain values (maps, lists, scalars), for readers of plain settings. */
export function plainValue(node: YNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(plainValue);
    case 'map':
      return Object.fromEntries(node.pairs.map((p) => [String(p.key.value), plainValue(p.value)]));
  }
}

/** Two settings name the same control plane the same way. */
export function sameControlPlaneSetting(a: ControlPlaneSetting | null, b: ControlPlaneSetting | null): boolean {
  if (a === null || b === null) return a === b;
  return KEYS.every((k) => a[k] === b[k]);
}
