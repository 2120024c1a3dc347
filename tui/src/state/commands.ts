/** What a `:` command asks for. */
export type Command =
  | { kind: 'view'; view: 'gateways' | 'certs' | 'meshes'; arg: string }
  | { kind: 'context'; name: string }
  | { kind: 'quit' }
  | { kind: 'help' }
  | { kind: 'unknown'; text: string };

const VIEWS: Record<string, 'gateways' | 'certs' | 'meshes'> = {
  gateways: 'gateways',
  gateway: 'gateways',
  gw: 'gateways',
  gws: 'gateways',
  mgw: 'gateways',
  meshgateways: 'gateways',
  certs: 'certs',
  cert: 'certs',
  certificates: 'certs',
  certificate: 'certs',
  meshes: 'meshes',
  mesh: 'meshes',
  m: 'meshes',
};

/** The names `:` completes with Tab, in this order. */
export const COMMAND_NAMES = ['gateways', 'certs', 'meshes', 'ctx', 'help', 'quit'];

/** Parses the text typed after `:` (k9s style: `:gw payments`, `:certs`, `:ctx prod`, `:q`). */
export function parseCommand(text: string): Command {
  const [word = '', ...rest] = text.trim().split(/\s+/);
  const name = word.toLowerCase();
  const arg = rest.join(' ');
  if (VIEWS[name]) return { kind: 'view', view: VIEWS[name], arg };
  if (name === 'ctx' || name === 'context' || name === 'contexts') return { kind: 'context', name: arg };
  if (name === 'q' || name === 'q!' || name === 'quit' || name === 'exit') return { kind: 'quit' };
  if (name === 'help' || name === '?') return { kind: 'help' };
  return { kind: 'unknown', text: text.trim() };
}

/** The longest text every one of `names` starts with. */
function commonPrefix(names: string[]): string {
  let prefix = names[0] ?? '';
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * Completes the word being typed: a command name, or after `ctx ` one of `contexts` (the
 * kumactl context names). Several matches complete to what they share; none leaves the text.
 */
export function completeCommand(text: string, contexts: readonly string[] = []): string {
  const ctx = /^(\s*(?:ctx|context|contexts)\s+)(\S*)$/i.exec(text);
  if (ctx !== null) {
    const matches = contexts.filter((n) => n.startsWith(ctx[2]));
    if (matches.length === 0) return text;
    return matches.length === 1 ? `${ctx[1]}${matches[0]}` : `${ctx[1]}${commonPrefix(matches)}`;
  }
  if (/\s/.test(text.trim())) return text;
  const word = text.trim().toLowerCase();
  const matches = COMMAND_NAMES.filter((n) => n.startsWith(word));
  return matches.length === 1 ? `${matches[0]}${matches[0] === 'ctx' ? ' ' : ''}` : text;
}
