/** A parsed command line: positional arguments and `--flag value` / `--flag=value` / `--switch`. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export interface FlagSpec {
  name: string;
  /** True when the flag takes a value. */
  value: boolean;
  description: string;
  valueName?: string;
}

export class UsageError extends Error {}

/**
 * Parses arguments against the flags a command accepts; an unknown flag or a missing value is a
 * `UsageError` (exit code 2 at the top).
 */
export function parseArgs(argv: string[], specs: FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const out: ParsedArgs = { positionals: [], flags: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const spec = byName.get(name);
      if (!spec) throw new UsageError(`unknown flag --${name}`);
      if (!spec.value) {
        if (eq >= 0) throw new UsageError(`--${name} takes no value`);
        out.flags.set(name, true);
        continue;
      }
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      out.flags.set(name, value);
      continue;
    }
    if (arg === '-h') {
      out.flags.set('help', true);
      continue;
    }
    out.positionals.push(arg);
  }
  return out;
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function helpText(usage: string, summary: string, specs: FlagSpec[]): string {
  const rows = specs.map((s) => [`--${s.name}${s.value ? ` ${s.valueName ?? 'VALUE'}` : ''}`, s.description]);
  const width = Math.max(...rows.map((r) => r[0].length));
  return `Usage: ${usage}\n\n${summary}\n\nOptions:\n${rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`).join('\n')}\n`;
}

/** `--kuma-version`, shared by every command that applies a Kuma version's rules. */
export const KUMA_VERSION_FLAG: FlagSpec = {
  name: 'kuma-version',
  value: true,
  valueName: 'X.Y',
  description: 'the Kuma (or Kong Mesh) version whose rules apply, 2.0 to 2.14 (default: .meshgw.yaml, the control plane, else 2.14)',
};
