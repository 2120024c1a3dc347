import type { WorkspaceResult } from '@meshgw/engine';
import { worstStatus, type CertificateStatus, type MeshSecrets, type Tone } from './certificate-status.js';
import { cmp } from './compare.js';
import type { GatewayRow } from './gateway-rows.js';
import { plainValue } from './plain-value.js';
import { meshSecretsOf } from './secret-access.js';
import type { ModelContext } from './view-model.js';

export interface MeshRow {
  key: string;
  name: string;
  gateways: number;
  online: number | null;
  total: number;
  secrets: { text: string; tone: Tone };
  worst: CertificateStatus | null;
  resource: unknown;
  /** Not read in full yet: only its gateways are counted, the rest is loading. */
  pending: boolean;
  search: string;
}

function secretsText(state: MeshSecrets, count: number | undefined): { text: string; tone: Tone } {
  switch (state) {
    case 'files':
    case 'ok':
      return { text: `${count ?? 0}`, tone: 'plain' };
    case 'forbidden':
      return { text: 'admin-only', tone: 'muted' };
    case 'error':
      return { text: 'unavailable', tone: 'warn' };
    case 'pending':
      return { text: 'loading', tone: 'muted' };
  }
}

/** Mesh names with their Mesh resource: the ones listed, and for files those defined or named by a gateway. */
function meshResources(result: WorkspaceResult, context: ModelContext): Map<string, unknown> {
  const meshNames = new Map<string, unknown>();
  for (const m of context.meshes ?? []) meshNames.set(m.name, m.resource);
  if (context.mode === 'files') {
    for (const f of result.files) for (const doc of f.resources) if (doc.kind === 'Mesh' && doc.name !== null) meshNames.set(doc.name, plainValue(doc.root));
    for (const g of result.gateways) if (!meshNames.has(g.mesh)) meshNames.set(g.mesh, null);
  }
  return meshNames;
}

/** The mesh list's rows, by name, counting the gateway rows of each mesh; `pending`: meshes still loading. */
export function meshRows(result: WorkspaceResult, context: ModelContext, gateways: GatewayRow[], pending: readonly string[] = []): MeshRow[] {
  const mode = context.mode;
  const meshNames = meshResources(result, context);
  const status = result.options.dataplaneStatus ?? {};
  return [...meshNames.keys()].sort(cmp).map((name) => {
    const own = gateways.filter((g) => g.mesh === name);
    const proxies = result.models.dataplanes.filter((d) => d.builtin && d.mesh === name);
    const online = mode === 'live' ? proxies.filter((d) => status[`${d.mesh}/${d.name}`]?.online === true).length : null;
    const fileSecrets = result.models.secrets.filter((s) => s.kind === 'Secret' && (s.mesh ?? 'default') === name).length;
    const secrets = secretsText(meshSecretsOf(context, name), mode === 'files' ? fileSecrets : context.secretCounts?.[name]);
    const worst = worstStatus(own.map((g) => g.worst).filter((s): s is CertificateStatus => s !== null));
    return { key: name, name, gateways: own.length, online, total: proxies.length, secrets, worst, resource: meshNames.get(name) ?? null, pending: pending.includes(name), search: name.toLowerCase() };
  });
}
