import { analyzeFiles, inspectJson, inspectText } from '@meshgw/engine';
import { helpText, KUMA_VERSION_FLAG, parseArgs, stringFlag, UsageError, type FlagSpec, type ParsedArgs } from '../args.js';
import { readInputs } from '../files.js';
import type { CommandContext } from '../context.js';
import { CONNECTION_FLAGS } from '../connect.js';
import { inspectLive } from './inspect-live.js';
import { filterGateways, gatewayFilter } from '../gateway-filter.js';
import { chooseTarget, loadProject, targetLine } from '../project.js';

const FLAGS: FlagSpec[] = [
  { name: 'format', value: true, valueName: 'text|json', description: 'output format (default text; stylish is the same as text)' },
  { name: 'mesh', value: true, valueName: 'NAME', description: 'show only the gateways of this mesh' },
  { name: 'gateway', value: true, valueName: 'NAME', description: 'show only the gateways of this name' },
  KUMA_VERSION_FLAG,
  ...CONNECTION_FLAGS,
  { name: 'help', value: false, description: 'show this help' },
];

export const INSPECT_HELP = helpText(
  'meshgw inspect [options]                      (the current kumactl context)\n       meshgw inspect --cp URL | --context NAME [options]\n       meshgw inspect [options] PATH...              (resource files, no control plane)',
  'Prints what Kuma makes of each MeshGateway (by the rules of --kuma-version, kumaVersion in\n.meshgw.yaml, the control plane\'s own version, else 2.14): listeners merged by port, the final\ntags of each listener with the layer each tag comes from and the values it overrides, the\ndataplanes bound to it, attached routes and certificate days left. From files, or from a live\ncontrol plane (--cp, --context, else the current kumactl context). --mesh and --gateway keep\nonly the gateways named.\n\nExit status:\n  0  the gateways shown are admitted\n  1  Kuma refuses a gateway shown (it is marked REJECTED)\n  2  usage error, unreadable input, or no control plane and no PATH given\n  3  the control plane cannot be read (refused, unreachable, unauthorized, unexpected answer)',
  FLAGS,
);

/** `--format`: `text` (also `stylish`, the name `check` uses for its human form) or `json`. */
function inspectFormat(args: ParsedArgs): 'text' | 'json' {
  const format = stringFlag(args, 'format') ?? 'text';
  if (format === 'text' || format === 'stylish') return 'text';
  if (format === 'json') return 'json';
  throw new UsageError(`--format must be text (or stylish) or json, not "${format}"`);
}

export async function inspectCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.flags.has('help')) {
    ctx.stdout(INSPECT_HELP);
    return 0;
  }
  const format = inspectFormat(args);
  const filter = gatewayFilter(args);
  if (args.positionals.length === 0) return inspectLive(args, format, filter, ctx);
  if (args.flags.has('cp') || args.flags.has('context')) throw new UsageError('give either PATH... or a control plane (--cp/--context), not both');
  const project = await loadProject(args.positionals);
  const target = chooseTarget(args, project);
  const input = await readInputs(args.positionals);
  for (const e of input.errors) ctx.stderr(`meshgw: ${e}\n`);
  if (input.errors.length > 0) return 2;
  const result = analyzeFiles(input.files, {
    now: ctx.now(),
    kumaVersion: target.version,
    certificateWarningDays: project.settings.certificateWarningDays,
  });
  const gateways = filterGateways(result.gateways, filter);
  if (format === 'json') ctx.stdout(JSON.stringify({ ...inspectJson(gateways), kumaVersion: target.text }, null, 2) + '\n');
  else ctx.stdout(`${targetLine(target)}\n\n${inspectText(gateways)}\n`);
  return gateways.some((g) => !g.admitted) ? 1 : 0;
}
