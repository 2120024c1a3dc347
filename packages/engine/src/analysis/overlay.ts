import type { FileAnalysis } from './types.js';
import type { ResourceDoc } from '../resources/types.js';

/**
 * Files whose name starts with this prefix hold a control plane's resources (one resource per
 * file, named by its API path, e.g. `cp:/meshes/default/meshgateways/edge`); every other file
 * is the user's.
 */
export const LIVE_FILE_PREFIX = 'cp:';

/** Whether a file holds a control plane's resource rather than one of the user's files. */
export function isLiveFile(file: string): boolean {
  return file.startsWith(LIVE_FILE_PREFIX);
}

/** A control plane's resource that a file resource of the same kind, mesh and name replaces. */
export interface Replacement {
  local: ResourceDoc;
  live: ResourceDoc;
}

/**
 * The identity under which applying a resource replaces another: kind, mesh and name. A
 * resource without a mesh is in `default` (Kubernetes form without the label, and global kinds,
 * which the key still tells apart by kind).
 */
export function resourceIdentity(doc: ResourceDoc): string | null {
  if (doc.name === null) return null;
  return `${doc.kind}\u0000${doc.mesh ?? 'default'}\u0000${doc.name}`;
}

/**
 * The workspace as applying the user's files would leave the control plane: a live resource
 * with the identity of a file resource is dropped (the file is its next version); every other
 * resource stays. Without live files the input is returned as is. File analyses are not
 * mutated: a live file that loses resources is copied.
 */
export function overlayFiles(files: FileAnalysis[]): { files: FileAnalysis[]; replaced: Replacement[] } {
  if (!files.some((f) => isLiveFile(f.file))) return { files, replaced: [] };
  const local = new Map<string, ResourceDoc>();
  for (const f of files) {
    if (isLiveFile(f.file)) continue;
    for (const doc of f.resources) {
      const id = resourceIdentity(doc);
      if (id !== null && !local.has(id)) local.set(id, doc);
    }
  }
  if (local.size === 0) return { files, replaced: [] };
  const replaced: Replacement[] = [];
  const out = files.map((f) => {
    if (!isLiveFile(f.file)) return f;
    const kept = f.resources.filter((doc) => {
      const id = resourceIdentity(doc);
      const by = id === null ? undefined : local.get(id);
      if (by) replaced.push({ local: by, live: doc });
      return !by;
    });
    return kept.length === f.resources.length ? f : { ...f, resources: kept, diagnostics: [] };
  });
  return { files: out, replaced };
}
