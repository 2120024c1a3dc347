import { createRequire } from 'node:module';
import { UsageError } from './args.js';
import { readPinnedNow } from '@meshgw/engine/startup';
import { docUri, type ManifestLinks } from './docs-location.js';
import type { CommandContext } from './context.js';
import { COMMANDS } from './commands/index.js';

const manifest = createRequire(import.meta.url)('../package.json') as { version: string } & ManifestLinks;
const version: string = manifest.version;

const HELP = `meshgw ${version}: what a Kuma MeshGateway really does once the control plane merges it.

Usage: meshgw <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join('\n')}

Run \`meshgw <command> --help\` for the options of a command.
`;

/** Runs one command line and returns the exit code. Errors never print a stack trace. */
export async function run(argv: string[], ctx: CommandContext): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    ctx.stdout(HELP);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    ctx.stdout(`${version}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    ctx.stderr(`meshgw: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await command.run(rest, ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      ctx.stderr(`meshgw ${name}: ${error.message}\nRun \`meshgw ${name} --help\` for usage.\n`);
      return 2;
    }
    ctx.stderr(`meshgw ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

// A reader that stops early (`meshgw inspect | head`) closes the pipe: stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

const pinned = readPinnedNow(process.env.MESHGW_NOW);
if ('error' in pinned) {
  process.stderr.write(`meshgw: ${pinned.error}\n`);
  process.exitCode = 2;
} else {
  const pinnedNow = pinned.now;
  const ctx: CommandContext = {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    now: () => (pinnedNow ? new Date(pinnedNow) : new Date()),
    env: process.env,
    isTTY: !!process.stdout.isTTY,
    readStdin,
    docUri: (name) => docUri(name, manifest, import.meta.url),
    version,
  };
  run(process.argv.slice(2), ctx).then(
    (code) => {
      // `lsp` and `tui` keep running until their own exit; they return -1 to say so.
      if (code >= 0) process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
