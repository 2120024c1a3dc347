import type { FileInput } from './types.js';
import type { Workspace } from './workspace.js';

/** Makes `workspace` hold exactly `files`: others are removed, unchanged texts keep their parse. */
export function holdFiles(workspace: Workspace, files: readonly FileInput[]): void {
  const names = new Set(files.map((f) => f.file));
  for (const name of workspace.files()) if (!names.has(name)) workspace.removeFile(name);
  for (const f of files) workspace.setFile(f.file, f.text);
}
