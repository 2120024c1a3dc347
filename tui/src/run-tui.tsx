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
  /** The environment, for `NO_COLOR`. Default: the process's. */
  env?: NodeJS.ProcessEnv;
}

/** Whether colours are off: `NO_COLOR` set and not empty (https://no-color.org), which wins over `FORCE_COLOR`. */
export function noColor(env: NodeJS.ProcessEnv): boolean {
  return (env.NO_COLOR ?? '') !== '';
}

/** Select Graphic Rendition sequences that set or reset a foreground or background colour. */
const COLOUR_SEQUENCE = /\u001b\[(?:3[0-79]|4[0-79]|9[0-7]|10[0-7]|[34]8;(?:5;\d+|2;\d+;\d+;\d+))m/g;

/**
 * The output stream with colour sequences taken out of what is written; bold, dim and inverse
 * stay, so the selected row and warnings still stand out. Everything else (size, resize events,
 * `isTTY`) is the stream's own.
 */
function withoutColours(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    const text = typeof chunk === 'string' ? chunk.replace(COLOUR_SEQUENCE, '') : chunk;
    return (stream.write as (...args: unknown[]) => boolean)(text, ...rest);
  };
  return new Proxy(stream, {
    get(target, key) {
      if (key === 'write') return write;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
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
      stdout: noColor(options.env ?? process.env) ? withoutColours(stdout) : stdout,
      stderr,
      exitOnCtrlC: true,
      patchConsole: true,
      // A frame waits at most 17 ms behind the last one (Ink's default, 30, makes a key wait up to 34 ms).
      maxFps: 60,
    });
    await instance.waitUntilExit();
  } finally {
    process.removeListener('exit', restore);
    restore();
  }
  return 0;
}
