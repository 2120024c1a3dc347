import { isAbsolute, join, resolve } from 'node:path';
import type { ControlPlaneSetting } from '@meshgw/engine';
import {
  createKumaClient,
  describeConnection,
  nodeConnectionEnvironment,
  resolveConnection,
  type ConnectionEnvironment,
  type KumaClient,
} from '@meshgw/kuma-client';

/** A control plane to fetch from, as the setting names it. */
export interface LiveTarget {
  client: KumaClient;
  /** What the status shows: the kumactl context, else the URL's host. */
  name: string;
  /** URL, source, whether a token is used; never the token (`describeConnection`). */
  description: string;
  /** Sentences about settings that were ignored or look risky. */
  warnings: string[];
}

/** A path as written in a setting: `~/` is the home directory, a relative path is under `base`. */
export function settingPath(path: string, base: string | null, home: string): string {
  if (path === '~' || path.startsWith('~/')) return join(home, path.slice(1));
  return isAbsolute(path) || base === null ? path : resolve(base, path);
}

/**
 * Connects as the terminal app and the command do (`resolveConnection`, the same TLS rules and
 * token order): the setting's `url` is `--cp`, `context` is `--context`, `tokenFile` is read
 * for `--token` (a missing or empty file is an error, never a connection without the token),
 * `caCertFile` is `--ca-cert`. Relative paths are under `base` (the project file's folder, or
 * the first workspace folder). The result is a sentence on failure.
 */
export async function connectControlPlane(
  setting: ControlPlaneSetting,
  base: string | null,
  environment: ConnectionEnvironment = nodeConnectionEnvironment(),
): Promise<{ ok: true; value: LiveTarget } | { ok: false; message: string }> {
  const home = environment.env.HOME !== undefined && environment.env.HOME !== '' ? environment.env.HOME : environment.homeDir;
  const path = (p: string) => settingPath(p, base, home);
  let token: string | undefined;
  if (setting.tokenFile !== null) {
    const file = path(setting.tokenFile);
    try {
      token = (await environment.readFile(file)).trim();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      return { ok: false, message: `Cannot read the token file ${file}${code ? ` (${code})` : ''}.` };
    }
    if (token === '') return { ok: false, message: `The token file ${file} is empty.` };
  }
  const resolved = await resolveConnection(
    {
      cp: setting.url ?? undefined,
      context: setting.context ?? undefined,
      token,
      caCertFile: setting.caCertFile === null ? undefined : path(setting.caCertFile),
      configFile: setting.kumactlConfig === null ? undefined : path(setting.kumactlConfig),
      insecureSkipTlsVerify: setting.insecureSkipTlsVerify,
    },
    environment,
  );
  if (!resolved.ok) return { ok: false, message: resolved.error.message };
  const settings = resolved.value;
  const client = createKumaClient(settings, {});
  if (!client.ok) return { ok: false, message: client.error.message };
  let name: string;
  if (settings.source.kind === 'kumactl') name = settings.source.context;
  else {
    try {
      name = new URL(settings.url).host;
    } catch {
      name = settings.url;
    }
  }
  return { ok: true, value: { client: client.value, name, description: describeConnection(settings), warnings: settings.warnings } };
}
