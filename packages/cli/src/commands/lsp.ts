import { serveStdio } from '@meshgw/server/stdio';
import { helpText, KUMA_VERSION_FLAG, parseArgs, stringFlag, UsageError, type FlagSpec } from '../args.js';
import type { CommandContext } from '../context.js';
import { readKumaVersion } from '@meshgw/engine/startup';

const FLAGS: FlagSpec[] = [
  { name: 'stdio', value: false, description: 'speak LSP on standard input and output (the default and only transport)' },
  KUMA_VERSION_FLAG,
  { name: 'help', value: false, description: 'show this help' },
];

export const LSP_HELP = helpText(
  'meshgw lsp --stdio',
  'Runs the meshgw language server for any LSP client: Kuma\'s admission errors and meshgw\'s\nanalysis as diagnostics, completion, and hovers that show merged ports and final listener tags.\nIt indexes the *.yaml/*.yml files of the workspace folders. With the setting meshgw.controlPlane\n(or controlPlane in .meshgw.yaml) it analyses them on top of a live control plane. The Kuma\nversion: --kuma-version, else kumaVersion in the .meshgw.yaml found upward from a workspace\nfolder, else the meshgw.kumaVersion setting, else the control plane\'s, else 2.14. Editor setup\n(VS Code, Neovim, Emacs, Helix): docs/editors.md, in the repository and in the installed package\n(`$(npm root -g)/meshgw/docs/editors.md`).',
  FLAGS,
);

/** Starts the language server on stdio; returns -1: the server exits when the client says so. */
export async function lspCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.flags.has('help')) {
    ctx.stdout(LSP_HELP);
    return 0;
  }
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const pinned = stringFlag(args, 'kuma-version');
  const read = pinned === undefined ? null : readKumaVersion(pinned);
  if (read && 'error' in read) throw new UsageError(`--kuma-version: ${read.error}`);
  serveStdio({ now: () => ctx.now(), kumaVersion: read ? read.version : null, docsUrl: ctx.docUri('diagnostics.md') });
  return -1;
}
