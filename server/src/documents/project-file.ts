import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { formatKumaVersion, PROJECT_FILE } from '@meshgw/engine';
import { pathToUri } from '../uri.js';
import type { DocumentStore } from './document-store.js';

/**
 * The project file that applies to the workspace: the first `.meshgw.yaml` found going up from
 * each workspace folder, in folder order; null when there is none.
 */
export async function findProjectFile(folders: readonly string[]): Promise<string | null> {
  for (const folder of folders) {
    for (let dir = folder; ; dir = dirname(dir)) {
      const candidate = join(dir, PROJECT_FILE);
      if (await isFile(candidate)) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  return null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds the project file for the folders and hands it to the store (its disk text; an open
 * editor's text takes over in the store). Problems in it are logged; an open project file also
 * shows them as diagnostics.
 */
export async function loadProjectFile(store: DocumentStore, folders: readonly string[], log: (message: string) => void): Promise<void> {
  const path = await findProjectFile(folders);
  if (path === null) {
    store.setProjectFile(null, null);
    return;
  }
  let text: string | null = null;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    log(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const key = store.key(pathToUri(path));
  store.setProjectFile(key, text);
  for (const p of store.diagnostics(key)) log(`${path}: ${p.message}`);
  const settings = store.settings();
  if (settings.kumaVersionSource === 'project file') log(`meshgw: ${path} sets the Kuma version to ${formatKumaVersion(settings.kumaVersion)}`);
}

/** Whether a path names a project file. */
export function isProjectFile(path: string): boolean {
  return basename(path) === PROJECT_FILE;
}
