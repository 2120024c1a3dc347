import type { ResourceRef } from '../base/diagnostic.js';
import type { ResourceDoc } from './types.js';

/** How a diagnostic names the resource it is about: Kuma's type, mesh and name as written. */
export function resourceRef(doc: ResourceDoc): ResourceRef {
  return { type: doc.kind, mesh: doc.mesh, name: doc.name };
}
