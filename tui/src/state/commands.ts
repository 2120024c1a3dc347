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

/** Completes the first word of a command; unchanged when nothing or several names match. */
export function completeCommand(text: string): string {
  if (/\s/.test(text.trim())) return text;
  const word = text.trim().toLowerCase();
  const matches = COMMAND_NAMES.filter((n) => n.startsWith(word));
  return matches.length === 1 ? `${matches[0]}${matches[0] === 'ctx' ? ' ' : ''}` : text;
}
