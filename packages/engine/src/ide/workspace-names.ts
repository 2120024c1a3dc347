import type { WorkspaceResult } from '../analysis/workspace.js';

// ---------------------------------------------------------------------------------------------
// Secrets and meshes

export function secretNames(result: WorkspaceResult, mesh: string): string[] {
  return result.models.secrets
    .filter((s) => s.kind === 'Secret' && (s.mesh ?? 'default') === mesh)
    .map((s) => s.name)
    .sort();
}

export function firstMesh(result: WorkspaceResult): string {
  const counts = new Map<string, number>();
  for (const f of result.files) for (const r of f.resources) if (r.mesh && r.kind !== 'Mesh') counts.set(r.mesh, (counts.get(r.mesh) ?? 0) + 1);
  let best = 'default';
  let n = 0;
  for (const [mesh, c] of counts) if (c > n || (c === n && mesh < best)) [best, n] = [mesh, c];
  return best;
}
