import {
  createKumaClient,
  nodeConnectionEnvironment,
  resolveConnection,
  type ConnectionSettings,
  type KumaClient,
  type Result,
} from '@meshgw/kuma-client';
import { stringFlag, type FlagSpec, type ParsedArgs } from './args.js';

/** Flags that choose and authenticate a control plane, shared by `inspect` and `tui`. */
export const CONNECTION_FLAGS: FlagSpec[] = [
  { name: 'cp', value: true, valueName: 'URL', description: 'control plane API URL (e.g. http://127.0.0.1:5681)' },
  { name: 'context', value: true, valueName: 'NAME', description: 'kumactl context to use (default: the current one)' },
  { name: 'token', value: true, valueName: 'TOKEN', description: 'user token (overrides the context and MESHGW_TOKEN)' },
  { name: 'ca-cert', value: true, valueName: 'FILE', description: 'trust only this CA when verifying the control plane' },
  { name: 'client-cert', value: true, valueName: 'FILE', description: 'client certificate for mutual TLS' },
  { name: 'client-key', value: true, valueName: 'FILE', description: 'client key for mutual TLS' },
  { name: 'kumactl-config', value: true, valueName: 'FILE', description: 'kumactl config file (default ~/.kumactl/config)' },
  { name: 'insecure-skip-tls-verify', value: false, description: 'do not verify the control plane TLS certificate (unsafe)' },
  { name: 'timeout', value: true, valueName: 'SECONDS', description: 'per-request timeout (default 10)' },
];

/** Whether the command line asks for a live control plane rather than files. */
export function wantsLive(args: ParsedArgs): boolean {
  return args.flags.has('cp') || args.flags.has('context');
}

export interface Connected {
  settings: ConnectionSettings;
  client: KumaClient;
}

/** Resolves flags, environment and the kumactl config into a client. Errors are values. */
export async function connect(args: ParsedArgs): Promise<Result<Connected>> {
  const settings = await resolveConnection(
    {
      cp: stringFlag(args, 'cp'),
      context: stringFlag(args, 'context'),
      token: stringFlag(args, 'token'),
      caCertFile: stringFlag(args, 'ca-cert'),
      clientCertFile: stringFlag(args, 'client-cert'),
      clientKeyFile: stringFlag(args, 'client-key'),
      configFile: stringFlag(args, 'kumactl-config'),
      insecureSkipTlsVerify: args.flags.has('insecure-skip-tls-verify'),
    },
    nodeConnectionEnvironment(),
  );
  if (!settings.ok) return settings;
  const timeout = stringFlag(args, 'timeout');
  const timeoutMs = timeout && /^\d+(\.\d+)?$/.test(timeout) ? Math.round(Number(timeout) * 1000) : undefined;
  const client = createKumaClient(settings.value, { timeoutMs });
  if (!client.ok) return client;
  return { ok: true, value: { settings: settings.value, client: client.value } };
}

/**
 * What `inspect`, `tui` and `diff` say when no control plane is given and there is no kumactl
 * config: the ways to choose one, and the files alternative when there is one (`what` the
 * command does with PATH...; `diff` needs a control plane, so it has none).
 */
export function noControlPlaneMessage(command: string, configFile: string, what?: string): string {
  const choices = what
    ? `--context NAME (a kumactl context), --cp URL (e.g. --cp http://localhost:5681), or PATH... to ${what}`
    : '--context NAME (a kumactl context) or --cp URL (e.g. --cp http://localhost:5681)';
  return `meshgw ${command}: no control plane given and no kumactl config at ${configFile}. Choose one: ${choices}.\n`;
}
