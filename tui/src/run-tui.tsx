import { render } from 'ink';
import { App } from './App.js';
import type { Loader } from './data/loader.js';
import type { DataSource } from './data/source.js';

export interface RunTuiOptions {
  source: DataSource;
  /** Milliseconds between list refreshes. Default 5 000. */
  refreshMs?: number;
  /** Milliseconds between Secrets refreshes. Default 60 000. */
  secretsRefreshMs?: number;
  now?: () => Date;
  /** A loader for `source` already started by the caller (`startLoader`); the app closes it. */
  loader?: Loader;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';

/**
 * Runs the app until the user quits and returns the exit code: 0 after quitting, 2 when stdin or
 * stdout is not a terminal (a sentence on stderr instead of a raw-mode crash). On a terminal the
 * app draws on the alternate screen and restores the screen on exit, even after a crash.
 */
export async function runTui(options: RunTuiOptions): Promise<number> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  if (stdin.isTTY !== true || stdout.isTTY !== true) {
    const which = stdin.isTTY !== true ? 'its input is not a terminal' : 'its output is not a terminal';
    stderr.write(`meshgw tui is interactive and ${which}. Run it in a terminal, or use \`meshgw inspect\` for a printable report.\n`);
    if (options.source.kind === 'live') options.source.client.close();
    options.loader?.close();
    return 2;
  }
  const restore = (): void => {
    stdout.write(LEAVE_ALTERNATE_SCREEN);
  };
  stdout.write(ENTER_ALTERNATE_SCREEN);
  process.once('exit', restore);
  try {
    const instance = render(<App source={options.source} refreshMs={options.refreshMs} secretsRefreshMs={options.secretsRefreshMs} now={options.now} loader={options.loader} />, {
      stdin,
      stdout,
      stderr,
      exitOnCtrlC: true,
      patchConsole: true,
    });
    await instance.waitUntilExit();
  } finally {
    process.removeListener('exit', restore);
    restore();
  }
  return 0;
}
