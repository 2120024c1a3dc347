import { analyzeFiles, inspectJson, inspectText } from '@meshgw/engine';
import { helpText, parseArgs, stringFlag, UsageError, type FlagSpec } from '../args.js';
import { readInputs } from '../files.js';
import type { CommandContext } from '../context.js';
import { CONNECTION_FLAGS, wantsLive } from '../connect.js';
import { inspectLive } from './inspect-live.js';
import { chooseTarget, KUMA_VERSION_FLAG, loadProject, targetLine } from '../project.js';

const FLAGS: FlagSpec[] = [
  { name: 'format', value: true, valueName: 'text|json', description: 'output format (default text)' },
  KUMA_VERSION_FLAG,
  ...CONNECTION_FLAGS,
  { name: 'help', value: false, description: 'show this help' },
];

export const INSPECT_HELP = helpText(
  'meshgw inspect [options] PATH...\n       meshgw inspect --cp URL | --context NAME [options]',
  'Prints what Kuma makes of each MeshGateway (by the rules of --kuma-version, kumaVersion in\n.meshgw.yaml, the control plane\'s own version, else 2.14): listeners merged by port, the final tags of each\nlistener with the layer each tag comes from, the dataplanes bound to it, attached routes and\ncertificate days left. From files, or from a live control plane. Exit 0; 1 when Kuma refuses a\ngateway shown (it is marked REJECTED); 2 on usage or unreadable input; 3 when the control\nplane cannot be read.',
  FLAGS,
);

export async function inspectCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.flags.has('help')) {
    ctx.stdout(INSPECT_HELP);
    return 0;
  }
  const format = stringFlag(args, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  if (wantsLive(args)) {
    if (args.positionals.length > 0) throw new UsageError('give either PATH... or a control plane (--cp/--context), not both');
    return inspectLive(args, format, ctx);
  }
  if (args.positionals.length === 0) throw new UsageError('name at least one file or folder, or a control plane with --cp URL');
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
  if (format === 'json') ctx.stdout(JSON.stringify({ ...inspectJson(result.gateways), kumaVersion: target.text }, null, 2) + '\n');
  else ctx.stdout(`${targetLine(target)}\n\n${inspectText(result.gateways)}\n`);
  return result.gateways.some((g) => !g.admitted) ? 1 : 0;
}
