import { sep } from 'node:path';
import type { DocumentStore } from './document-store.js';
import { MAX_FILE_SIZE } from './document-store.js';
import { pathToUri, uriToPath } from '../uri.js';
import { mayHoldKumaResources } from '@meshgw/engine';
import { isYamlPath, listYamlFiles, readTextFile } from './workspace-files.js';

/** Reports indexing progress: `done` of `total` files read. */
export type ProgressSink = (done: number, total: number) => void;

/**
 * Reads every YAML file under the folders into the store. Files that cannot hold a Kuma
 * resource are not handed to the engine; files over the size limit are not read.
 */
export async function indexFolders(
  store: DocumentStore,
  folders: string[],
  options: { progress?: ProgressSink; log(message: string): void; isCancelled?: () => boolean },
): Promise<number> {
  const files = await listYamlFiles(folders, options.isCancelled);
  let count = 0;
  for (let i = 0; i < files.length; i++) {
    if (options.isCancelled?.()) break;
    if (await refreshFile(store, pathToUri(files[i]), options.log)) count++;
    options.progress?.(i + 1, files.length);
  }
  return count;
}

/**
 * Re-reads one file from disk into the store (or drops it when it is gone, too large, or holds
 * no Kuma resource). Returns whether the engine now holds its disk text.
 */
export async function refreshFile(store: DocumentStore, uri: string, log: (message: string) => void): Promise<boolean> {
  const key = store.key(uri);
  const path = uriToPath(key);
  if (!path || !isYamlPath(path)) return false;
  const read = await readTextFile(path, MAX_FILE_SIZE);
  if ('skipped' in read) {
    if (!/ENOENT|not a file/.test(read.skipped)) log(`skipped ${path}: ${read.skipped}`);
    store.removeDisk(key);
    return false;
  }
  if (!mayHoldKumaResources(read.text)) {
    store.removeDisk(key);
    return false;
  }
  store.setDisk(key, read.text);
  return true;
}

/** Drops every file read from disk under a folder (a workspace folder that was removed). */
export function forgetFolder(store: DocumentStore, folder: string): void {
  const prefix = folder.endsWith(sep) ? folder : folder + sep;
  for (const key of store.diskKeys()) {
    const path = uriToPath(key);
    if (path && (path === folder || path.startsWith(prefix))) store.removeDisk(key);
  }
}

/** Whether a path lies in one of the folders. */
export function inFolders(path: string, folders: string[]): boolean {
  return folders.some((f) => path === f || path.startsWith(f.endsWith(sep) ? f : f + sep));
}
