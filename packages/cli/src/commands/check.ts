import { analyzeFiles, applySeverityOverrides } from '@meshgw/engine';
import { chooseTarget, loadProject, targetLine } from '../project.js';
import { helpText, KUMA_VERSION_FLAG, parseArgs, stringFlag, UsageError, type FlagSpec, type ParsedArgs } from '../args.js';
import { readInputs } from '../files.js';
import { checkJson } from '../format/check-json.js';
import { sarif } from '../format/sarif.js';
import { stylish } from '../format/stylish.js';
import type { CommandContext } from '../context.js';
import { wantsColour } from '../colour.js';

const FLAGS: FlagSpec[] = [
  { name: 'format', value: true, valueName: 'text|json|sarif', description: 'output format (default text; stylish is the same as text)' },
  KUMA_VERSION_FLAG,
  { name: 'warning-days', value: true, valueName: 'N', description: 'report certificates that expire within N days (default 30)' },
  { name: 'no-unknown-fields', value: false, description: 'do not report fields Kuma ignores' },
  { name: 'max-warnings', value: true, valueName: 'N', description: 'exit 1 when there are more than N warnings (default: no limit)' },
  { name: 'allow-empty', value: false, description: 'exit 0 even when the paths hold no Kuma resource to check' },
  { name: 'no-color', value: false, description: 'no colours, even on a terminal' },
  { name: 'help', value: false, description: 'show this help' },
];

export const CHECK_HELP = helpText(
  'meshgw check [options] PATH...      (- for standard input)',
  'Checks MeshGateway, MeshGatewayRoute, Dataplane and Secret files the way Kuma would admit them\n(the version: --kuma-version, else kumaVersion in the .meshgw.yaml found upward from the paths,\nelse 2.14), plus what Kuma accepts and then drops or fails on. Folders are walked for\n*.yaml and *.yml; - reads standard input (named <stdin> in the output); all inputs form one\nworkspace. .meshgw.yaml may also set certificateWarningDays, reportUnknownFields and severity\n(code: error|warning|info|hint|off). Colours on a terminal or with FORCE_COLOR set, never with\n--no-color or NO_COLOR set. Exit 0: no errors; 1: errors, or more warnings than --max-warnings;\n2: usage or unreadable input; 4: nothing was checked (no Kuma resource in the paths, or every\nfile skipped), unless --allow-empty.',
  FLAGS,
);

/** `--format`: `text` (also `stylish`, its older name), `json` or `sarif`. */
function checkFormat(args: ParsedArgs): 'text' | 'json' | 'sarif' {
  const format = stringFlag(args, 'format') ?? 'text';
  if (format === 'text' || format === 'stylish') return 'text';
  if (format === 'json' || format === 'sarif') return format;
  throw new UsageError(`--format must be text (or stylish), json or sarif, not "${format}"`);
}

export async function checkCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.flags.has('help')) {
    ctx.stdout(CHECK_HELP);
    return 0;
  }
  const format = checkFormat(args);
  const days = stringFlag(args, 'warning-days');
  if (days !== undefined && !/^\d+$/.test(days)) throw new UsageError('--warning-days takes a whole number of days');
  const maxWarnings = stringFlag(args, 'max-warnings');
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) throw new UsageError('--max-warnings takes a whole number');
  if (args.positionals.length === 0) throw new UsageError('name at least one file or folder to check, or - for standard input');
  const project = await loadProject(args.positionals);
  const target = chooseTarget(args, project);
  const input = await readInputs(args.positionals, { readStdin: () => ctx.readStdin() });
  for (const e of input.errors) ctx.stderr(`meshgw: ${e}\n`);
  if (input.errors.length > 0) return 2;
  const result = analyzeFiles(input.files, {
    now: ctx.now(),
    certificateWarningDays: days !== undefined ? Number(days) : (project.settings.certificateWarningDays ?? 30),
    reportUnknownFields: !args.flags.has('no-unknown-fields') && project.settings.reportUnknownFields !== false,
    kumaVersion: target.version,
  });
  const severity = project.settings.severity ?? {};
  const report = checkJson(
    result.files.map((f) => ({
      file: f.file,
      parsed: f.parsed,
      diagnostics: applySeverityOverrides(result.diagnosticsByFile.get(f.file) ?? [], severity),
      resources: f.resources.length,
    })),
    target.text,
  );
  if (format === 'json') ctx.stdout(JSON.stringify(report, null, 2) + '\n');
  else if (format === 'sarif') ctx.stdout(JSON.stringify(sarif(report, { version: ctx.version, helpBase: ctx.docUri('diagnostics.md') }), null, 2) + '\n');
  else ctx.stdout(stylish(report, { colour: wantsColour({ env: ctx.env, isTTY: ctx.isTTY, noColorFlag: args.flags.has('no-color') }), target: targetLine(target) }));
  if (report.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && report.summary.warnings > Number(maxWarnings)) {
    ctx.stderr(`meshgw: ${report.summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  if (report.summary.resources === 0 && !args.flags.has('allow-empty')) {
    ctx.stderr(`meshgw: nothing was checked: ${input.files.length} file${input.files.length === 1 ? '' : 's'} read, no Kuma resource in them (pass --allow-empty to accept this)\n`);
    return 4;
  }
  return 0;
}
