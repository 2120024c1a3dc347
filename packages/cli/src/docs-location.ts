import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What the package manifest may say about where the project lives. */
export interface ManifestLinks {
  homepage?: unknown;
  repository?: unknown;
}

/**
 * An absolute URI of a document of the project's `docs/` folder (`name`, e.g. `diagnostics.md`),
 * for SARIF's `informationUri` and `helpUri`:
 * - the manifest's `repository` (a string or `{ url }`, `git+https://…/x.git` read as
 *   `https://…/x`): `<repository>/blob/HEAD/docs/<name>`;
 * - else its `homepage`: `docs/<name>` resolved against it;
 * - else the `file:` URL of the copy next to the running command: `../docs/<name>` from the
 *   entry in the packed tarball, `../../../docs/<name>` from the workspace build (the first that
 *   exists; the tarball's place when neither does).
 */
export function docUri(name: string, manifest: ManifestLinks, entryUrl: string, exists: (path: string) => boolean = existsSync): string {
  const repository = typeof manifest.repository === 'string' ? manifest.repository : (manifest.repository as { url?: unknown } | undefined)?.url;
  if (typeof repository === 'string') {
    const https = repository.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/\.git$/, '').replace(/\/$/, '');
    if (/^https:\/\//.test(https)) return `${https}/blob/HEAD/docs/${name}`;
  }
  if (typeof manifest.homepage === 'string' && /^https?:\/\//.test(manifest.homepage)) {
    return new URL(`docs/${name}`, manifest.homepage.endsWith('/') ? manifest.homepage : `${manifest.homepage}/`).href;
  }
  const candidates = [new URL(`../docs/${name}`, entryUrl), new URL(`../../../docs/${name}`, entryUrl)];
  return (candidates.find((u) => exists(fileURLToPath(u))) ?? candidates[0]).href;
}
