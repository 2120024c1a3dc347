import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileInput } from '@meshgw/engine';

export interface ReadResult {
  files: FileInput[];
  /** Paths that could not be read, with the reason (exit code 2). */
  errors: string[];
}

/** The name standard input takes in outputs when `-` is given as a path. */
export const STDIN_NAME = '<stdin>';

export interface ReadOptions {
  /** Reads all of standard input; when given, the path `-` is standard input, named `<stdin>`. */
  readStdin?: () => Promise<Uint8Array>;
}

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/**
 * Reads the files named on the command line; folders are walked for `*.yaml`/`*.yml` in name
 * order; `-` is standard input (once) when `options.readStdin` is given. Files are named as given (folder + relative path). A byte order mark is dropped; bytes that are not UTF-8 decode to
 * U+FFFD, which the engine reports as binary data.
 */
export async function readInputs(paths: string[], options: ReadOptions = {}): Promise<ReadResult> {
  const out: ReadResult = { files: [], errors: [] };
  const seen = new Set<string>();
  for (const p of paths) {
    if (p === '-' && options.readStdin) {
      if (seen.has(STDIN_NAME)) continue;
      seen.add(STDIN_NAME);
      try {
        out.files.push({ file: STDIN_NAME, text: decode(await options.readStdin()) });
      } catch (error) {
        out.errors.push(`${STDIN_NAME}: ${describe(error)}`);
      }
      continue;
    }
    let info;
    try {
      info = await stat(p);
    } catch (error) {
      out.errors.push(`${p}: ${describe(error)}`);
      continue;
    }
    const list = info.isDirectory() ? await walk(p, out.errors) : [p];
    for (const file of list) {
      if (seen.has(file)) continue;
      seen.add(file);
      try {
        out.files.push({ file, text: decode(await readFile(file)) });
      } catch (error) {
        out.errors.push(`${file}: ${describe(error)}`);
      }
    }
  }
  return out;
}

async function walk(dir: string, errors: string[]): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    errors.push(`${dir}: ${describe(error)}`);
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) out.push(...(await walk(path, errors)));
    } else if (e.isFile() && YAML_FILE.test(e.name)) {
      out.push(path);
    }
  }
  return out;
}

export function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}
