import { jsonSchema, type SchemaKind } from '@meshgw/engine';
import { helpText, KUMA_VERSION_FLAG, parseArgs, stringFlag, UsageError, type FlagSpec } from '../args.js';
import type { CommandContext } from '../context.js';
import { chooseTarget, loadProject } from '../project.js';

const KINDS: SchemaKind[] = ['MeshGateway', 'MeshGatewayRoute', 'Dataplane', 'all'];

const FLAGS: FlagSpec[] = [
  { name: 'kind', value: true, valueName: 'MeshGateway|MeshGatewayRoute|Dataplane|all', description: 'the resource kind (default all)' },
  KUMA_VERSION_FLAG,
  { name: 'help', value: false, description: 'show this help' },
];

export const SCHEMA_HELP = helpText(
  'meshgw schema [--kind KIND]',
  'Prints a JSON Schema (draft-07) for the Universal and Kubernetes forms of the builtin gateway\nresources, built from the same field knowledge as hover and completion, for the Kuma version\nof --kuma-version (else .meshgw.yaml here or above, else 2.14). Point the YAML\nlanguage server at it with `yaml.schemas` (see docs/editors.md, also in the installed package:\n`$(npm root -g)/meshgw/docs/editors.md`).',
  FLAGS,
);

export async function schemaCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.flags.has('help')) {
    ctx.stdout(SCHEMA_HELP);
    return 0;
  }
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const kind = stringFlag(args, 'kind') ?? 'all';
  const known = KINDS.find((k) => k.toLowerCase() === kind.toLowerCase());
  if (!known) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}, not "${kind}"`);
  const target = chooseTarget(args, await loadProject([]));
  ctx.stdout(JSON.stringify(jsonSchema(known, target.version), null, 2) + '\n');
  return 0;
}
