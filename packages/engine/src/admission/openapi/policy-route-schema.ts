import { specType } from '../../kuma/fields/documents.js';
import { specAnchor } from '../../resources/decode.js';
import { checkSchemaObject } from './schema-walk.js';
import type { AdmissionRule } from '../rule.js';

/**
 * Kuma's OpenAPI schema stage of MeshHTTPRoute and MeshTCPRoute: the REST API (and kumactl)
 * validate the document against the policy's schema before decoding it, and print only the
 * schema's violations when there are any. Which fields are required, their types, enums and
 * list bounds per version come from the field knowledge (`kuma/fields/policies.ts`). Only the
 * Universal form: on Kubernetes the API server checks the CRD schema with its own wording.
 * Not checked: string lengths and patterns, number bounds, integer enums.
 */
export const policyRouteSchema: AdmissionRule = {
  id: 'policy-route-schema',
  kinds: ['MeshHTTPRoute', 'MeshTCPRoute'],
  stage: 'schema',
  check(doc, report, target) {
    if (doc.form !== 'universal' || !doc.spec) return;
    checkSchemaObject(doc.spec, specType(doc.kind), '', specAnchor(doc), target, (path, message, span) => report({ path, message, span }));
  },
};
