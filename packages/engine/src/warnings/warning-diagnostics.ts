import { WARNING_RULES } from './registry.js';
import { toDiagnostic } from '../admission/validate.js';
import type { Diagnostic } from '../base/diagnostic.js';
import type { ResourceDoc } from '../resources/types.js';

/**
 * What Kuma accepts but drops or fails on later (see `registry.ts`): warnings with our own
 * messages; `path` is the Kuma-style path of the node, for reference.
 */
export function warningDiagnostics(doc: ResourceDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of WARNING_RULES) {
    if (!rule.kinds.includes(doc.kind)) continue;
    rule.check(doc, (violation) => out.push(toDiagnostic(doc, rule.id, 'warning', false, violation)));
  }
  return out;
}
