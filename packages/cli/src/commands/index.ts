import type { CommandContext } from '../context.js';
import { checkCommand } from './check.js';
import { diffCommand } from './diff.js';
import { inspectCommand } from './inspect.js';

export interface Command {
  name: string;
  summary: string;
  /** Returns the exit code, or -1 for a command that runs until it exits by itself. */
  run(argv: string[], ctx: CommandContext): Promise<number>;
}

/**
 * Every `meshgw` command, in the order help lists them. The terminal app and the language server
 * are loaded only by the commands that run them, so `check` starts fast and never loads Ink.
 */
export const COMMANDS: Command[] = [
  { name: 'check', summary: 'check resource files as Kuma would admit them (for CI)', run: checkCommand },
  { name: 'inspect', summary: 'print the merged gateways: ports, final tags, dataplanes, certificates', run: inspectCommand },
  { name: 'diff', summary: 'show what applying files would change in the gateways of a live control plane', run: diffCommand },
  { name: 'tui', summary: 'browse gateways, merged listeners, final tags, dataplanes and certificate expiry, live', run: async (argv, ctx) => (await import('./tui.js')).tuiCommand(argv, ctx) },
  { name: 'lsp', summary: 'run the language server on stdio (diagnostics, completion, merged-tag hovers)', run: async (argv, ctx) => (await import('./lsp.js')).lspCommand(argv, ctx) },
  { name: 'schema', summary: 'print a JSON Schema of the resources for the YAML language server', run: async (argv, ctx) => (await import('./schema.js')).schemaCommand(argv, ctx) },
];
