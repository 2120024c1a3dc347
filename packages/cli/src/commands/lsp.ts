import { startServer } from '@meshgw/server';
import { helpText, parseArgs, UsageError, type FlagSpec } from '../args.js';
import type { CommandContext } from '../context.js';

const FLAGS: FlagSpec[] = [
  { name: 'stdio', value: false, description: 'speak LSP on standard input and output (the default and only transport)' },
  { name: 'help', value: false, description: 'show this help' },
];

export const LSP_HELP = helpText(
  'meshgw lsp --stdio',
  'Runs the meshgw language server for any LSP client: Kuma\'s admission errors and meshgw\'s\nanalysis as diagnostics, completion, and hovers that show merged ports and final listener tags.\nIt indexes the *.yaml/*.yml files of the workspace folders. See docs/editors.md.',
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
  startServer({ now: () => ctx.now() });
  return -1;
}
