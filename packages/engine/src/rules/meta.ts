import { isBuiltinGateway } from './dataplane-read.js';
import { utf8Length } from './go-text.js';
import { lookup, valueSpan } from './read.js';
import type { AdmissionRule, Report } from './rule.js';
import type { ResourceDoc } from '../types.js';

const IDENTIFIER = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const IDENTIFIER_MESSAGE =
  "invalid characters. A lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const MESH = /^[0-9a-z\-_.]*$/;
const MESH_MESSAGE = "invalid characters. Valid characters are numbers, lowercase latin letters and '-', '_', '.' symbols.";

/** Kinds without a mesh (`ScopeGlobal`): only their name is checked. */
const GLOBAL_KINDS: ReadonlySet<string> = new Set(['Mesh', 'GlobalSecret']);
/** Kubernetes kinds whose top-level `mesh` the admission webhook checks. */
const KUBERNETES_MESH_KINDS: ReadonlySet<string> = new Set(['MeshGateway', 'MeshGatewayRoute', 'Dataplane']);

/**
 * Kuma's `validateIdentifier`: the first failing check, or null. Lengths count UTF-8 bytes.
 */
export function identifierViolation(value: string, pattern: RegExp, message: string): string | null {
  if (value === '') return 'cannot be empty';
  if (utf8Length(value) > 253) return 'value length must less or equal 253';
  if (!pattern.test(value)) return message;
  return null;
}

/**
 * The resource's name and mesh (`ValidateMeta`). Universal: the name must be an RFC 1123
 * subdomain and a mesh-scoped resource needs a mesh. Kubernetes: the webhook checks only the
 * top-level `mesh` of MeshGateway, MeshGatewayRoute and Dataplane (Kubernetes checks names).
 */
export const meta: AdmissionRule = {
  id: 'resource-meta',
  kinds: ['Mesh', 'MeshGateway', 'MeshGatewayRoute', 'Dataplane', 'Secret', 'GlobalSecret', 'MeshHTTPRoute', 'MeshTCPRoute'],
  check(doc, report) {
    if (doc.kind === 'Dataplane' && !isBuiltinGateway(doc)) return;
    if (doc.form === 'universal') {
      checkIdentifier(doc, 'name', doc.name ?? '', IDENTIFIER, IDENTIFIER_MESSAGE, report);
      if (!GLOBAL_KINDS.has(doc.kind)) checkIdentifier(doc, 'mesh', doc.mesh ?? '', MESH, MESH_MESSAGE, report);
    } else if (KUBERNETES_MESH_KINDS.has(doc.kind)) {
      checkIdentifier(doc, 'mesh', doc.mesh ?? '', MESH, MESH_MESSAGE, report);
    }
  },
};

/** Checks the top-level field `field` (`name` or `mesh`), whose value Kuma read as `value`. */
function checkIdentifier(doc: ResourceDoc, field: string, value: string, pattern: RegExp, message: string, report: Report): void {
  const violation = identifierViolation(value, pattern, message);
  if (violation === null) return;
  const pair = lookup(doc.root, field);
  const span = pair ? valueSpan(pair) : (doc.root.pairs[0]?.key.span ?? doc.root.span);
  report({ path: field, message: violation, span, meta: true });
}
