import type { CommandContext } from '../context.js';

export interface Command {
  name: string;
  summary: string;
  /** Returns the exit code, or -1 for a command that runs until it exits by itself. */
  run(argv: string[], ctx: CommandContext): Promise<number>;
}

/**
 * Every `meshgw` command, in the order help lists them. Each command's code is loaded only when
 * it runs: `check` never loads Ink, and `lsp` answers its client before the engine is loaded.
 */
export const COMMANDS: Command[] = [
  { name: 'check', summary: 'check resource files as Kuma would admit them (for CI)', run: async (argv, ctx) => (await import('./check.js')).checkCommand(argv, ctx) },
  { name: 'inspect', summary: 'print the merged gateways: ports, final tags, dataplanes, certificates', run: async (argv, ctx) => (await import('./inspect.js')).inspectCommand(argv, ctx) },
  { name: 'diff', summary: 'show what applying files would change in the gateways of a live control plane', run: async (argv, ctx) => (await import('./diff.js')).diffCommand(argv, ctx) },
  { name: 'tui', summary: 'browse gateways, merged listeners, final tags, dataplanes and certificate expiry, live', run: async (argv, ctx) => (await import('./tui.js')).tuiCommand(argv, ctx) },
  { name: 'lsp', summary: 'run the language server on stdio (diagnostics, completion, merged-tag hovers)', run: async (argv, ctx) => (await import('./lsp.js')).lspCommand(argv, ctx) },
  { name: 'schema', summary: 'print a JSON Schema of the resources for the YAML language server', run: async (argv, ctx) => (await import('./schema.js')).schemaCommand(argv, ctx) },
];
