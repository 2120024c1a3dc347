import { secretAccessOf, type CertificateUse, type SecretAccess, type WorkspaceResult } from '@meshgw/engine';
import { certificateStatus, type CertificateStatus, type MeshSecrets } from './certificate-status.js';
import type { ModelContext } from './view-model.js';

/** Per mesh: whether its Secrets could be read, and how much of them the engine got. */
export interface SecretBasis {
  mode: 'files' | 'live';
  secrets: Record<string, MeshSecrets>;
  access: Record<string, SecretAccess>;
}

/** Whether the Secrets of a mesh could be read; meshes the context does not name are `files` or `pending`. */
export function meshSecretsOf(context: Pick<ModelContext, 'mode' | 'secrets'>, mesh: string): MeshSecrets {
  return context.secrets?.[mesh] ?? (context.mode === 'files' ? 'files' : 'pending');
}


/** The secrets state and access of every mesh that has a gateway or that the control plane listed. */
export function secretBasis(result: WorkspaceResult, context: ModelContext): SecretBasis {
  const meshNamesSeen = new Set<string>([...result.gateways.map((g) => g.mesh), ...(context.meshes ?? []).map((m) => m.name)]);
  const secrets: Record<string, MeshSecrets> = {};
  const access: Record<string, SecretAccess> = {};
  for (const mesh of meshNamesSeen) {
    secrets[mesh] = meshSecretsOf(context, mesh);
    access[mesh] = secretAccessOf(result.options.secretAccess, mesh);
  }
  return { mode: context.mode, secrets, access };
}

/** The state of one certificate a gateway of `mesh` uses. */
export function statusOf(model: SecretBasis, use: CertificateUse, mesh: string): CertificateStatus {
  return certificateStatus(use, model.secrets[mesh] ?? (model.mode === 'files' ? 'files' : 'pending'));
}

/** Sentences about meshes whose Secrets are admin-only or could not be read, in mesh order. */
export function secretNotes(meshNames: string[], context: Pick<ModelContext, 'mode' | 'secrets'>): string[] {
  const notes: string[] = [];
  const forbidden = meshNames.filter((name) => meshSecretsOf(context, name) === 'forbidden');
  if (forbidden.length > 0) {
    notes.push(`Certificate expiry needs an admin token: Secrets are admin-only (mesh${forbidden.length > 1 ? 'es' : ''} ${forbidden.join(', ')}).`);
  }
  const failed = meshNames.filter((name) => meshSecretsOf(context, name) === 'error');
  if (failed.length > 0) notes.push(`The Secrets of mesh${failed.length > 1 ? 'es' : ''} ${failed.join(', ')} could not be read; certificate states are unknown there.`);
  return notes;
}
