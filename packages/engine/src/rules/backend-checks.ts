import { keySpan, messageField, tagsField } from './read.js';
import { checkTags } from './tag-checks.js';
import type { Report } from './rule.js';
import type { Span, YNode } from '../types.js';

/**
 * Kuma's `validateMeshGatewayRouteBackend` for the backend held in `parent` (a mirror) or for a
 * backend list item: required, with a destination holding `kuma.io/service`.
 */
export function checkBackend(parent: YNode, path: string, parentSpan: Span, report: Report): void {
  const backend = messageField(parent, 'backend');
  if (!backend.value || !backend.pair) {
    report({ path, message: 'cannot be empty', span: backend.pair ? keySpan(backend.pair) : parentSpan });
    return;
  }
  checkDestination(backend.value, path, keySpan(backend.pair), report);
}

/** The destination of a backend, checked as a selector; paths have no `.destination`. */
export function checkDestination(backend: YNode, path: string, backendSpan: Span, report: Report): void {
  const destination = tagsField(backend, 'destination');
  checkTags(
    path,
    destination.value,
    destination.pair ? keySpan(destination.pair) : backendSpan,
    { values: 'selector', requireAtLeastOneTag: true, requireService: true },
    (p, message, span) => report({ path: p, message, span }),
  );
}
