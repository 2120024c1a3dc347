import { dirname, sep } from 'node:path';
import type { DocumentStore } from './document-store.js';
import { MAX_FILE_SIZE } from './document-store.js';
import { pathToUri, uriToPath } from '../uri.js';
import { mayHoldKumaResources } from '@meshgw/engine';
import { isYamlPath, listYamlFiles, readTextFile } from './workspace-files.js';

/** Reports indexing progress: `done` of `total` files read. */
export type ProgressSink = (done: number, total: number) => void;

/**
 * Reads every YAML file under the folders into the store. Files that cannot hold a Kuma
 * resource are not handed to the engine; files over the size limit are not read. The files in
 * the folders of open documents (all files, when none is open) come first and are handed over
 * at once (then `nearRead` is called: requests on the open documents see their neighbours); the
 * others are handed over together at the end, so that no request pays for analysing files one
 * by one as they arrive.
 * Reading yields to requests between files.
 */
export async function indexFolders(
  store: DocumentStore,
  folders: string[],
  options: { progress?: ProgressSink; log(message: string): void; isCancelled?: () => boolean; nearRead?: () => void },
): Promise<number> {
  const { near, rest } = openFoldersFirst(store, await listYamlFiles(folders, options.isCancelled));
  const total = near.length + rest.length;
  let done = 0;
  const readAll = async (files: string[]): Promise<{ key: string; text: string | null }[]> => {
    const read: { key: string; text: string | null }[] = [];
    for (const file of files) {
      if (options.isCancelled?.()) break;
      const key = store.key(pathToUri(file));
      read.push({ key, text: await readKumaFile(key, options.log) });
      options.progress?.(++done, total);
    }
    return read;
  };
  let count = commit(store, await readAll(near));
  options.nearRead?.();
  count += commit(store, await readAll(rest));
  return count;
}

/** Hands read files to the store; returns how many hold Kuma resources. */
function commit(store: DocumentStore, read: { key: string; text: string | null }[]): number {
  let count = 0;
  for (const { key, text } of read) {
    if (text === null) store.removeDisk(key);
    else {
      store.setDisk(key, text);
      count++;
    }
  }
  return count;
}

/**
 * The files in a folder that holds an open document, and the others, each in their order. With
 * no document open, every file is near: requests can only be about files on disk.
 */
function openFoldersFirst(store: DocumentStore, files: string[]): { near: string[]; rest: string[] } {
  const open = new Set(store.openKeys().map((key) => uriToPath(key)).filter((p): p is string => p !== null).map((p) => dirname(p)));
  if (open.size === 0) return { near: files, rest: [] };
  return { near: files.filter((f) => open.has(dirname(f))), rest: files.filter((f) => !open.has(dirname(f))) };
}

/** A file's text when it may hold a Kuma resource and can be read; null otherwise. */
async function readKumaFile(key: string, log: (message: string) => void): Promise<string | null> {
  const path = uriToPath(key);
  if (!path || !isYamlPath(path)) return null;
  const read = await readTextFile(path, MAX_FILE_SIZE);
  if ('skipped' in read) {
    if (!/ENOENT|not a file/.test(read.skipped)) log(`skipped ${path}: ${read.skipped}`);
    return null;
  }
  return mayHoldKumaResources(read.text) ? read.text : null;
}

/**
 * Re-reads one file from disk into the store (or drops it when it is gone, too large, or holds
 * no Kuma resource). Returns whether the engine now holds its disk text.
 */
export async function refreshFile(store: DocumentStore, uri: string, log: (message: string) => void): Promise<boolean> {
  const key = store.key(uri);
  const text = await readKumaFile(key, log);
  if (text === null) store.removeDisk(key);
  else store.setDisk(key, text);
  return text !== null;
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
