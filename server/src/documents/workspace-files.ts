import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git']);

/**
 * Every `*.yaml`/`*.yml` file under the folders, in name order. `node_modules` and `.git` are
 * never entered and symbolic links are not followed; unreadable folders are skipped.
 */
export async function listYamlFiles(folders: string[], isCancelled: () => boolean = () => false): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    if (isCancelled() || seen.has(dir)) return;
    seen.add(dir);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) await walk(path);
      } else if (e.isFile() && YAML_FILE.test(e.name)) {
        out.push(path);
      }
    }
  };
  for (const folder of folders) await walk(folder);
  return out;
}

export function isYamlPath(path: string): boolean {
  return YAML_FILE.test(path);
}

export type ReadOutcome = { text: string } | { skipped: string };

/**
 * Reads a file as UTF-8 text without its byte order mark (editors do not show it, so positions
 * agree with theirs). Files over `maxFileSize` bytes are not read at all.
 */
export async function readTextFile(path: string, maxFileSize: number): Promise<ReadOutcome> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { skipped: 'not a file' };
    if (info.size > maxFileSize) return { skipped: `${info.size} bytes, over the ${maxFileSize} byte limit` };
    const bytes = await readFile(path);
    return { text: new TextDecoder('utf-8', { fatal: false }).decode(bytes) };
  } catch (error) {
    return { skipped: error instanceof Error ? error.message : String(error) };
  }
}

