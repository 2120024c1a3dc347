import { analyzeFiles } from '@meshgw/engine';
import { helpText, parseArgs, stringFlag, UsageError, type FlagSpec } from '../args.js';
import { readInputs } from '../files.js';
import { checkJson } from '../format/check-json.js';
import { sarif } from '../format/sarif.js';
import { stylish } from '../format/stylish.js';
import type { CommandContext } from '../context.js';

const FLAGS: FlagSpec[] = [
  { name: 'format', value: true, valueName: 'stylish|json|sarif', description: 'output format (default stylish)' },
  { name: 'warning-days', value: true, valueName: 'N', description: 'report certificates that expire within N days (default 30)' },
  { name: 'no-unknown-fields', value: false, description: 'do not report fields Kuma ignores' },
  { name: 'no-color', value: false, description: 'no colours, even on a terminal' },
  { name: 'help', value: false, description: 'show this help' },
];

export const CHECK_HELP = helpText(
  'meshgw check [options] PATH...',
  'Checks MeshGateway, MeshGatewayRoute, Dataplane and Secret files the way Kuma v2.14.3 would\nadmit them, plus what Kuma accepts and then drops or fails on. Folders are walked for\n*.yaml and *.yml; all inputs form one workspace. Exit 0: no errors; 1: errors; 2: usage or\nunreadable input.',
  FLAGS,
);

export async function checkCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.flags.has('help')) {
    ctx.stdout(CHECK_HELP);
    return 0;
  }
  const format = stringFlag(args, 'format') ?? 'stylish';
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be stylish, json or sarif, not "${format}"`);
  const days = stringFlag(args, 'warning-days');
  if (days !== undefined && !/^\d+$/.test(days)) throw new UsageError('--warning-days takes a whole number of days');
  if (args.positionals.length === 0) throw new UsageError('name at least one file or folder to check');
  const input = await readInputs(args.positionals);
  for (const e of input.errors) ctx.stderr(`meshgw: ${e}\n`);
  if (input.errors.length > 0) return 2;
  const result = analyzeFiles(input.files, {
    now: ctx.now(),
    certificateWarningDays: days !== undefined ? Number(days) : 30,
    reportUnknownFields: !args.flags.has('no-unknown-fields'),
  });
  const report = checkJson(
    result.files.map((f) => ({ file: f.file, parsed: f.parsed, diagnostics: result.diagnosticsByFile.get(f.file) ?? [] })),
  );
  if (format === 'json') ctx.stdout(JSON.stringify(report, null, 2) + '\n');
  else if (format === 'sarif') ctx.stdout(JSON.stringify(sarif(report, { version: ctx.version, helpBase: 'docs/diagnostics.md' }), null, 2) + '\n');
  else ctx.stdout(stylish(report, { colour: ctx.isTTY && !args.flags.has('no-color') && !process.env.NO_COLOR }));
  return report.summary.errors > 0 ? 1 : 0;
}
