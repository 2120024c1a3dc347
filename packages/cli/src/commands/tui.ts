import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseKumactlConfig, type Result } from '@meshgw/kuma-client';
import type { DataSource, LiveSource, Loader } from '@meshgw/tui';
import type { FileInput } from '@meshgw/engine';
import { helpText, KUMA_VERSION_FLAG, parseArgs, stringFlag, UsageError, type FlagSpec, type ParsedArgs } from '../args.js';
import { CONNECTION_FLAGS, connect, noControlPlaneMessage, wantsLive } from '../connect.js';
import type { CommandContext } from '../context.js';
import { readInputs } from '../files.js';
import { loadProject, pinnedTarget } from '../project.js';

const FLAGS: FlagSpec[] = [
  ...CONNECTION_FLAGS,
  KUMA_VERSION_FLAG,
  { name: 'refresh', value: true, valueName: 'SECONDS', description: 'seconds between list refreshes (default 5, at least 1)' },
  { name: 'secrets-refresh', value: true, valueName: 'SECONDS', description: 'seconds between Secrets refreshes (default 60, at least 5)' },
  { name: 'help', value: false, description: 'show this help' },
];

export const TUI_HELP = helpText(
  'meshgw tui [options]                      (the current kumactl context)\n       meshgw tui --cp URL | --context NAME [options]\n       meshgw tui [options] PATH...           (resource files, no control plane)\n       meshgw tui --cp URL | --context NAME [options] PATH...   (files laid over the control plane)',
  'Browses MeshGateways as the control plane merges them, live: gateways with their merged ports,\nthe final tags of each listener and where each tag comes from, bound dataplanes online,\ncertificates sorted by expiry, meshes, and the YAML of each resource (never Secrets).\nWith both a control plane and PATH..., the files are laid over its resources (a file resource\nreplaces the live one of the same kind, mesh and name): the gateway list marks the gateways\nthey change (DIFF) and d shows what applying them would change, as `meshgw diff` does.\nRead-only. Keys: arrows or j/k, enter, esc, / filter, : command (:gateways, :certs, :meshes,\n:ctx NAME), y YAML, d diff, r refresh, ? help, q quit. Needs a terminal; for a printable\nreport use `meshgw inspect`.',
  FLAGS,
);

function seconds(args: ParsedArgs, name: string, fallback: number, minimum: number): number {
  const text = stringFlag(args, name);
  if (text === undefined) return fallback * 1000;
  if (!/^\d+(\.\d+)?$/.test(text) || Number(text) < minimum) throw new UsageError(`--${name} takes a number of seconds, at least ${minimum}`);
  return Math.round(Number(text) * 1000);
}

/** The context names of the kumactl config, for `:ctx`; empty when there is no readable config. */
async function contextNames(args: ParsedArgs, ctx: CommandContext): Promise<string[]> {
  const home = ctx.env.HOME !== undefined && ctx.env.HOME !== '' ? ctx.env.HOME : homedir();
  const file = stringFlag(args, 'kumactl-config') ?? join(home, '.kumactl', 'config');
  try {
    const parsed = parseKumactlConfig(await readFile(file, 'utf8'), file);
    return parsed.ok ? parsed.value.contexts.map((c) => c.name) : [];
  } catch {
    return [];
  }
}

/** Reads the paths again at each refresh; a path that cannot be read fails the refresh (the last data stays). */
function filesLoader(paths: string[]): (signal: AbortSignal) => Promise<FileInput[]> {
  return async () => {
    const input = await readInputs(paths);
    if (input.errors.length > 0) throw new Error(`Cannot read ${input.errors.join('; ')}.`);
    return input.files;
  };
}

async function liveSource(args: ParsedArgs, ctx: CommandContext, pinned: { kumaVersion?: string }, overlay?: LiveSource['overlay']): Promise<Result<LiveSource>> {
  const connected = await connect(args);
  if (!connected.ok) return connected;
  const contexts = await contextNames(args, ctx);
  const source: LiveSource = {
    kind: 'live',
    ...pinned,
    client: connected.value.client,
    settings: connected.value.settings,
    contexts,
    connectContext: (name) => {
      const flags = new Map(args.flags);
      flags.delete('cp');
      flags.set('context', name);
      return liveSource({ positionals: [], flags }, ctx, pinned, overlay);
    },
    ...(overlay ? { overlay } : {}),
  };
  return { ok: true, value: source };
}

/**
 * `meshgw tui`: the terminal app, on files (PATH...) or on a control plane (--cp, --context, or
 * the current kumactl context), or on files laid over a control plane (PATH... with --cp or
 * --context; the current context alone never is, so `tui PATH...` keeps reading files). Returns after the user quits: 0, or 2 for usage errors, unreadable
 * files, no terminal, or no control plane to talk to.
 */
export async function tuiCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.flags.has('help')) {
    ctx.stdout(TUI_HELP);
    return 0;
  }
  const refreshMs = seconds(args, 'refresh', 5, 1);
  const secretsRefreshMs = seconds(args, 'secrets-refresh', 60, 5);
  const pinned = pinnedTarget(args, await loadProject(args.positionals));
  const kumaVersion = pinned ? { kumaVersion: pinned.text } : {};
  let source: DataSource;
  const paths = args.positionals;
  if (paths.length > 0) {
    const first = await readInputs(paths);
    for (const e of first.errors) ctx.stderr(`meshgw tui: ${e}\n`);
    if (first.errors.length > 0) return 2;
  }
  if (paths.length > 0 && !wantsLive(args)) {
    source = { kind: 'files', ...kumaVersion, paths, load: filesLoader(paths) };
  } else {
    // With --cp or --context, PATH... is laid over the control plane: the app shows what applying it changes.
    const overlay = paths.length > 0 ? { paths, load: filesLoader(paths) } : undefined;
    const live = await liveSource(args, ctx, kumaVersion, overlay);
    if (!live.ok) {
      ctx.stderr(`meshgw tui: ${live.error.message}\n`);
      return 2;
    }
    if (live.value.settings.source.kind === 'default') {
      live.value.client.close();
      ctx.stderr(noControlPlaneMessage('tui', live.value.settings.source.file, 'browse resource files'));
      return 2;
    }
    for (const warning of live.value.settings.warnings) ctx.stderr(`meshgw tui: ${warning}\n`);
    source = live.value;
  }
  // On a terminal, the first refresh (fetch and analysis, in the worker) runs while the app (Ink,
  // React) loads; without one, the app only explains that it needs one.
  let loader: Loader | undefined;
  if (process.stdin.isTTY === true && process.stdout.isTTY === true) {
    const { createLoader, startLoader } = await import('@meshgw/tui/loader');
    loader = startLoader(createLoader(source, { secretsIntervalMs: secretsRefreshMs, firstRows: process.stdout.rows }), { signal: new AbortController().signal, now: ctx.now() });
  }
  const { runTui } = await import('@meshgw/tui');
  return runTui({ source, refreshMs, secretsRefreshMs, now: () => ctx.now(), loader });
}
