import { LEGACY_META, identifierViolation, metaRules } from './checks/identifier.js';
import type { IdentifierRule } from './checks/identifier.js';
import { looseStringField, lookup, stringField, valueSpan } from '../resources/decode.js';
import type { AdmissionRule, Report } from './rule.js';
import type { ResourceDoc } from '../resources/types.js';

/** Kinds without a mesh (`ScopeGlobal`): only their name is checked. */
const GLOBAL_KINDS: ReadonlySet<string> = new Set(['Mesh', 'GlobalSecret']);
/** Kubernetes kinds whose top-level `mesh` the admission webhook checks. */
const KUBERNETES_MESH_KINDS: ReadonlySet<string> = new Set(['MeshGateway', 'MeshGatewayRoute', 'Dataplane']);

/**
 * The resource's name and mesh (`ValidateMeta`, with the rules of the target version, see
 * `metaRules`). Universal: the name must be an identifier (from 2.5 an RFC 1123 subdomain) and
 * a mesh-scoped resource needs a mesh. Kubernetes: the webhook checks only the top-level `mesh`
 * of MeshGateway, MeshGatewayRoute and Dataplane (Kubernetes checks names).
 */
export const meta: AdmissionRule = {
  id: 'resource-meta',
  kinds: ['Mesh', 'MeshGateway', 'MeshGatewayRoute', 'Dataplane', 'Secret', 'GlobalSecret', 'MeshHTTPRoute', 'MeshTCPRoute'],
  changes: [LEGACY_META],
  check(doc, report, target) {
    const rules = metaRules(target);
    if (doc.form === 'universal') {
      // kumactl reads the meta into a plain struct: numbers and booleans read as their text.
      checkIdentifier(doc, 'name', looseStringField(doc.root, 'name').value, rules.name, report);
      if (!GLOBAL_KINDS.has(doc.kind)) {
        checkIdentifier(doc, 'mesh', looseStringField(doc.root, 'mesh').value, rules.mesh, report);
      }
    } else if (KUBERNETES_MESH_KINDS.has(doc.kind)) {
      checkIdentifier(doc, 'mesh', stringField(doc.root, 'mesh').value, rules.mesh, report);
    }
  },
};

/** Checks the top-level field `field` (`name` or `mesh`), whose value Kuma read as `value`. */
function checkIdentifier(doc: ResourceDoc, field: string, value: string, rule: IdentifierRule, report: Report): void {
  const violation = identifierViolation(value, rule.pattern, rule.message, rule.maxLength);
  if (violation === null) return;
  const pair = lookup(doc.root, field);
  const span = pair ? valueSpan(pair) : (doc.root.pairs[0]?.key.span ?? doc.root.span);
  report({ path: field, message: violation, span, meta: true });
}
