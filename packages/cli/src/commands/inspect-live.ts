import { analyzeFiles, inspectJson, inspectText } from '@meshgw/engine';
import { loadControlPlaneSnapshot, snapshotInputs } from '@meshgw/kuma-client';
import type { ParsedArgs } from '../args.js';
import { connect, noControlPlaneMessage } from '../connect.js';
import type { CommandContext } from '../context.js';
import { filterGateways, type GatewayFilter } from '../gateway-filter.js';
import { chooseTarget, loadProject, targetLine } from '../project.js';

/**
 * `meshgw inspect --cp URL`: the same merged model as for files, built from a live control
 * plane in one snapshot (requests bounded by the number of meshes): `--cp`, `--context`, else the
 * current kumactl context, as `tui` chooses. Exit 0 on success, 2 when nothing names a control plane (no flag, no kumactl config: a sentence on how
 * to choose), 3 when the control plane could not be read (a sentence on stderr, never the
 * token). Risky connection settings (TLS verification off, a token over plain HTTP) are a
 * warning on stderr.
 */
export async function inspectLive(args: ParsedArgs, format: 'text' | 'json', filter: GatewayFilter, ctx: CommandContext): Promise<number> {
  const connected = await connect(args);
  if (!connected.ok) {
    ctx.stderr(`meshgw inspect: ${connected.error.message}\n`);
    return 3;
  }
  if (connected.value.settings.source.kind === 'default') {
    connected.value.client.close();
    ctx.stderr(noControlPlaneMessage('inspect', connected.value.settings.source.file, 'inspect resource files'));
    return 2;
  }
  for (const warning of connected.value.settings.warnings) ctx.stderr(`meshgw inspect: warning: ${warning}\n`);
  const snapshot = await loadControlPlaneSnapshot(connected.value.client, { includeSecrets: true });
  if (!snapshot.ok) {
    ctx.stderr(`meshgw inspect: ${snapshot.error.message}\n`);
    return 3;
  }
  const cp = snapshot.value.controlPlane;
  const project = await loadProject([]);
  const target = chooseTarget(args, project, cp.kumaVersion);
  if (target.warning) ctx.stderr(`meshgw inspect: warning: ${target.warning}\n`);
  const inputs = snapshotInputs(snapshot.value, { compact: true });
  const result = analyzeFiles(inputs.files, { now: ctx.now(), ...inputs.options, kumaVersion: target.version });
  const gateways = filterGateways(result.gateways, filter);
  for (const note of snapshot.value.notes) ctx.stderr(`meshgw inspect: note: ${note}\n`);
  for (const m of snapshot.value.meshes) {
    if (m.secrets.state === 'forbidden') ctx.stderr(`meshgw inspect: mesh ${m.name}: certificate expiry needs an admin token (secrets are admin-only).\n`);
  }
  if (format === 'json') {
    const json = {
      ...inspectJson(gateways),
      kumaVersion: target.text,
      controlPlane: { url: cp.url, product: cp.product, version: cp.version, mode: cp.mode, zone: cp.zone },
    };
    ctx.stdout(JSON.stringify(json, null, 2) + '\n');
  } else {
    ctx.stdout(`${cp.product} ${cp.version} at ${cp.url}${cp.mode ? ` (${cp.mode}${cp.zone ? `, zone ${cp.zone}` : ''})` : ''}\n${targetLine(target)}\n\n`);
    ctx.stdout(inspectText(gateways) + '\n');
  }
  return 0;
}
