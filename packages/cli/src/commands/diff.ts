import { analyzeFiles, applyDiff, applySeverityOverrides, isLiveFile, spanToRange, type FileAnalysis, type FileInput, type GatewayDiff } from '@meshgw/engine';
import { loadControlPlaneSnapshot, snapshotInputs } from '@meshgw/kuma-client';
import { helpText, KUMA_VERSION_FLAG, parseArgs, stringFlag, UsageError, type FlagSpec, type ParsedArgs } from '../args.js';
import { wantsColour } from '../colour.js';
import { CONNECTION_FLAGS, connect, noControlPlaneMessage } from '../connect.js';
import type { CommandContext } from '../context.js';
import { readInputs } from '../files.js';
import { diffJson, diffReportText } from '../format/diff-report.js';
import { chooseTarget, loadProject, pinnedTarget, targetLine, type Project } from '../project.js';

const FLAGS: FlagSpec[] = [
  { name: 'format', value: true, valueName: 'text|json', description: 'output format (default text)' },
  KUMA_VERSION_FLAG,
  { name: 'no-color', value: false, description: 'no colours, even on a terminal' },
  ...CONNECTION_FLAGS,
  { name: 'help', value: false, description: 'show this help' },
];

export const DIFF_HELP = helpText(
  'meshgw diff [options] PATH...                  (the current kumactl context)\n       meshgw diff --cp URL | --context NAME [options] PATH...',
  'Shows what applying the resource files (kumactl apply -f PATH) would change in what Kuma does\nwith each MeshGateway, as kubectl diff does: the control plane\'s resources, overlaid by the\nfiles (a file resource replaces the live one of the same kind, mesh and name), against the\ncontrol plane alone. Per gateway: added or removed, then per port and listener the hostnames,\nprotocol, TLS mode, certificates with expiry, connection limit, final tags of each bound\ndataplane with their layer, bound dataplanes and attached routes; then the diagnostics the\nfiles get only against the control plane. Rules of --kuma-version, kumaVersion in\n.meshgw.yaml, else the control plane\'s own version. Folders are walked for *.yaml and *.yml;\n- reads standard input. Colours on a terminal or with FORCE_COLOR set, never with --no-color\nor NO_COLOR set.\n\nExit status:\n  0  nothing changes\n  1  a gateway changes\n  2  usage error, unreadable or broken input (YAML Kuma cannot read, no Kuma resource in the\n     paths), or no control plane given and no kumactl config\n  3  the control plane cannot be read (refused, unreachable, unauthorized, unexpected answer)',
  FLAGS,
);

/** Diagnostic codes that mean Kuma cannot read a file at all: applying it fails. */
const UNREADABLE = new Set(['yaml-syntax', 'yaml-tab', 'not-text', 'file-too-large']);

function diffFormat(args: ParsedArgs): 'text' | 'json' {
  const format = stringFlag(args, 'format') ?? 'text';
  if (format === 'text' || format === 'stylish') return 'text';
  if (format === 'json') return 'json';
  throw new UsageError(`--format must be text or json, not "${format}"`);
}

/**
 * The input problems that stop `diff` before it asks the control plane (exit 2): files Kuma
 * cannot read, or no Kuma resource at all. Returns the sentences to print, empty when none.
 */
function inputProblems(files: FileInput[], ctx: CommandContext, project: Project, args: ParsedArgs): string[] {
  const pinned = pinnedTarget(args, project);
  const result = analyzeFiles(files, { now: ctx.now(), kumaVersion: pinned?.version });
  const out: string[] = [];
  for (const f of result.files) {
    for (const d of result.diagnosticsByFile.get(f.file) ?? []) {
      if (d.severity !== 'error' || !UNREADABLE.has(d.code)) continue;
      const { start } = spanToRange(f.parsed.lineStarts, d.span, f.parsed.text.length);
      out.push(`${f.file}:${start.line + 1}:${start.character + 1}: ${d.message} [${d.code}]`);
    }
  }
  if (out.length > 0) out.push('Kuma cannot read these files, so applying them fails; fix them first (meshgw check shows every problem).');
  else if (result.files.every((f) => f.resources.length === 0)) {
    out.push(`nothing to compare: ${files.length} file${files.length === 1 ? '' : 's'} read, no Kuma resource in them.`);
  }
  return out;
}

/**
 * `meshgw diff PATH...`: what applying the files would change, against the control plane of
 * `--cp`, `--context`, else the current kumactl context. Exit 0 no change, 1 a change, 2 usage or
 * input errors (checked before any request), 3 the control plane cannot be read.
 */
export async function diffCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.flags.has('help')) {
    ctx.stdout(DIFF_HELP);
    return 0;
  }
  const format = diffFormat(args);
  if (args.positionals.length === 0) throw new UsageError('name the files or folders to compare with the control plane (PATH...), or - for standard input');
  const project = await loadProject(args.positionals);
  const input = await readInputs(args.positionals, { readStdin: () => ctx.readStdin() });
  for (const e of input.errors) ctx.stderr(`meshgw diff: ${e}\n`);
  if (input.errors.length > 0) return 2;
  const problems = inputProblems(input.files, ctx, project, args);
  for (const p of problems) ctx.stderr(`meshgw diff: ${p}\n`);
  if (problems.length > 0) return 2;
  return diffLive(args, format, input.files, project, ctx);
}

/**
 * Kuma refuses a mesh-scoped resource whose Mesh does not exist ("mesh of name X is not found"):
 * a sentence per mesh of a changing gateway that is neither on the control plane nor a Mesh
 * resource of the files.
 */
function missingMeshNotes(diffs: GatewayDiff[], liveMeshes: string[], files: FileAnalysis[]): string[] {
  const known = new Set([...liveMeshes, ...files.filter((f) => !isLiveFile(f.file)).flatMap((f) => f.resources.filter((r) => r.kind === 'Mesh').map((r) => r.name ?? ''))]);
  const missing = new Map<string, string[]>();
  for (const d of diffs) if (d.status !== 'unchanged' && !known.has(d.mesh)) missing.set(d.mesh, [...(missing.get(d.mesh) ?? []), d.name]);
  return [...missing].map(([mesh, names]) => `mesh ${mesh} is neither on the control plane nor in the files: Kuma refuses MeshGateway ${names.join(', ')} ("mesh of name ${mesh} is not found") until it exists.`);
}

async function diffLive(args: ParsedArgs, format: 'text' | 'json', files: FileInput[], project: Project, ctx: CommandContext): Promise<number> {
  const connected = await connect(args);
  if (!connected.ok) {
    ctx.stderr(`meshgw diff: ${connected.error.message}\n`);
    return 3;
  }
  const { client, settings } = connected.value;
  if (settings.source.kind === 'default') {
    client.close();
    ctx.stderr(noControlPlaneMessage('diff', settings.source.file));
    return 2;
  }
  for (const warning of settings.warnings) ctx.stderr(`meshgw diff: warning: ${warning}\n`);
  const snapshot = await loadControlPlaneSnapshot(client, { includeSecrets: true });
  client.close();
  if (!snapshot.ok) {
    ctx.stderr(`meshgw diff: ${snapshot.error.message}\n`);
    return 3;
  }
  const cp = snapshot.value.controlPlane;
  const target = chooseTarget(args, project, cp.kumaVersion);
  if (target.warning) ctx.stderr(`meshgw diff: warning: ${target.warning}\n`);
  for (const note of snapshot.value.notes) ctx.stderr(`meshgw diff: note: ${note}\n`);
  for (const m of snapshot.value.meshes) {
    if (m.secrets.state === 'forbidden') ctx.stderr(`meshgw diff: mesh ${m.name}: certificates on the control plane need an admin token (secrets are admin-only).\n`);
  }
  const inputs = snapshotInputs(snapshot.value);
  const options = { now: ctx.now(), ...inputs.options, kumaVersion: target.version, certificateWarningDays: project.settings.certificateWarningDays };
  const result = applyDiff(inputs.files, files, options);
  const diagnostics = applySeverityOverrides(result.diagnostics, project.settings.severity ?? {});
  for (const note of missingMeshNotes(result.gateways, snapshot.value.meshes.map((m) => m.name), result.after.files)) ctx.stderr(`meshgw diff: note: ${note}\n`);
  const byName = new Map<string, FileAnalysis>(result.after.files.map((f) => [f.file, f]));
  if (format === 'json') {
    const controlPlane = { url: cp.url, product: cp.product, version: cp.version, mode: cp.mode, zone: cp.zone };
    ctx.stdout(JSON.stringify(diffJson(result.gateways, diagnostics, byName, { kumaVersion: target.text, controlPlane }), null, 2) + '\n');
  } else {
    const colour = wantsColour({ env: ctx.env, isTTY: ctx.isTTY, noColorFlag: args.flags.has('no-color') });
    ctx.stdout(`${cp.product} ${cp.version} at ${cp.url}${cp.mode ? ` (${cp.mode}${cp.zone ? `, zone ${cp.zone}` : ''})` : ''}\n${targetLine(target)}\n\n`);
    ctx.stdout(diffReportText(result.gateways, diagnostics, byName, { colour }));
  }
  return result.gateways.some((d) => d.status !== 'unchanged') ? 1 : 0;
}
