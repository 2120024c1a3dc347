import { WARNING_RULES } from './registry.js';
import { toDiagnostic } from '../admission/validate.js';
import type { Diagnostic } from '../base/diagnostic.js';
import type { ResourceDoc } from '../resources/types.js';
import { decodedBy } from '../resources/decoded-by.js';
import { DEFAULT_KUMA_VERSION, inRange } from '../kuma/versions.js';
import type { KumaVersion } from '../kuma/versions.js';

/**
 * What Kuma accepts but drops or fails on later (see `registry.ts`): warnings with our own
 * messages; `path` is the Kuma-style path of the node, for reference. Rules read the document as
 * the target's decoder does (`decodedBy`).
 */
export function warningDiagnostics(written: ResourceDoc, target: KumaVersion = DEFAULT_KUMA_VERSION): Diagnostic[] {
  const doc = decodedBy(written, target);
  const out: Diagnostic[] = [];
  for (const rule of WARNING_RULES) {
    if (!rule.kinds.includes(doc.kind) || !inRange(target, rule.versions)) continue;
    rule.check(doc, (violation) => out.push(toDiagnostic(doc, rule.id, 'warning', false, violation)), target);
  }
  return out;
}
