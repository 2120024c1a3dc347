import type { GatewayDiff, SecretAccess, WorkspaceResult } from '@meshgw/engine';
import { worstStatus, type MeshSecrets } from './certificate-status.js';
import { addCertificateUses, certificateRows, type CertificateRow } from './certificate-rows.js';
import { byListOrder, gatewayEntry, gatewayKey, gatewayRow, pendingGatewayRow, sortedGateways, type GatewayEntry, type GatewayRow, type PendingGateway } from './gateway-rows.js';
import { cmp } from './compare.js';
import { meshRows, type MeshRow } from './mesh-rows.js';
import { secretBasis, secretNotes } from './secret-access.js';

/** What the engine result alone does not say about where it came from. */
export interface ModelContext {
  mode: 'files' | 'live';
  /** The meshes a control plane listed, with each Mesh resource as returned; files derive them. */
  meshes?: { name: string; resource: unknown }[];
  /** Per mesh, whether its Secrets could be read. Unnamed meshes: `files` or `pending`. */
  secrets?: Record<string, MeshSecrets>;
  /** Per mesh, how many Secrets the control plane returned. */
  secretCounts?: Record<string, number>;
  /** What applying laid-over files changes, per gateway (see `diffGateways`); absent without files. */
  diffs?: GatewayDiff[];
  /**
   * MeshGateways not analysed yet (a large control plane is shown as it is read: its gateways
   * first, then those of a first screen): listed as rows still loading, without entries.
   */
  pending?: PendingGateway[];
  /**
   * Meshes analysed in part, for a first screen (see `firstScreen`): still loading, though some
   * of their gateways have rows; their certificates show once they are read.
   */
  narrowed?: string[];
}

/**
 * Everything the views show, derived once per refresh from the engine's result. Plain data
 * (objects, arrays, Maps): it can be built in a worker thread and posted to the app.
 */
export interface ViewModel {
  mode: 'files' | 'live';
  /** True when files are laid over the control plane: rows and entries then carry their diff. */
  overlay: boolean;
  gateways: GatewayRow[];
  certificates: CertificateRow[];
  meshes: MeshRow[];
  entries: Map<string, GatewayEntry>;
  /** Per mesh: whether its Secrets could be read, and how much of them the engine got. */
  secrets: Record<string, MeshSecrets>;
  access: Record<string, SecretAccess>;
  /** Sentences about data that could not be read (admin-only secrets, ...). */
  notes: string[];
  /** Meshes still loading: their gateway rows are `pending` and have no entry yet. Sorted. */
  pendingMeshes: string[];
}

/**
 * Derives every row and entry the views need. Pure: the same result and context give the same
 * model. Gateways are sorted by mesh then name, certificates with those Kuma cannot use first and
 * then by days left (see `certificateRows`), meshes by name.
 */
export function buildViewModel(result: WorkspaceResult, context: ModelContext): ViewModel {
  const mode = context.mode;
  const basis = secretBasis(result, context);
  const entries = new Map<string, GatewayEntry>();
  const gateways: GatewayRow[] = [];
  const certificates = new Map<string, CertificateRow>();
  const diffs = new Map((context.diffs ?? []).map((d) => [`${d.mesh}/${d.name}`, d]));
  for (const g of sortedGateways(result.gateways)) {
    const key = gatewayKey(g, entries);
    const entry = gatewayEntry(result, g, key, mode, context.diffs ? diffs.get(`${g.mesh}/${g.name}`) ?? null : undefined);
    entries.set(key, entry);
    const statuses = addCertificateUses(certificates, basis, g, key);
    gateways.push(gatewayRow(entry, mode, worstStatus(statuses)));
  }
  const pending = context.pending ?? [];
  for (const p of pending) gateways.push(pendingGatewayRow(p, entries));
  if (pending.length > 0) gateways.sort(byListOrder);
  const pendingMeshes = [...new Set([...pending.map((p) => p.mesh), ...(context.narrowed ?? [])])].sort(cmp);
  const certificateList = certificateRows(certificates).filter((row) => !pendingMeshes.includes(row.mesh));
  const meshes = meshRows(result, context, gateways, pendingMeshes);
  const notes = secretNotes(meshes.map((m) => m.name), context);
  return { mode, overlay: context.diffs !== undefined, gateways, certificates: certificateList, meshes, entries, secrets: basis.secrets, access: basis.access, notes, pendingMeshes };
}

/** What a view of a gateway says while its mesh is still loading; null when it is not. */
export function pendingText(model: ViewModel, key: string): string | null {
  if (model.pendingMeshes.length === 0) return null;
  const row = model.gateways.find((r) => r.key === key);
  return row?.pending === true ? `Mesh ${row.mesh} is still loading: this gateway shows once it is read.` : null;
}

/** Rows whose text contains every word of the filter (case-insensitive). */
export function filterRows<T extends { search: string }>(rows: T[], filter: string): T[] {
  const words = filter.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return rows;
  return rows.filter((r) => words.every((w) => r.search.includes(w)));
}
