import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * One spelling per file: `file:` URIs are rewritten as Node writes them for their path, so a
 * URI from the client and one built while indexing name the same file the same way. Other
 * schemes (`untitled:`) are kept as they are.
 */
export function normalizeUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The file path of a `file:` URI; null for other schemes or malformed URIs. */
export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
