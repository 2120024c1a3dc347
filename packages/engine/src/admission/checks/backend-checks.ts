import { keySpan, messageField, tagsField } from '../../resources/decode.js';
import { checkTags } from './tag-checks.js';
import type { Report } from '../rule.js';
import type { Span } from '../../base/types.js';
import type { YNode } from '../../syntax/tree.js';

/**
 * Kuma's `validateMeshGatewayRouteBackend` for the `backend` field of `parent` (a mirror
 * filter): required, with a destination holding `kuma.io/service`. `parentSpan` is where a
 * missing backend points.
 */
export function checkBackend(parent: YNode, path: string, parentSpan: Span, report: Report): void {
  const backend = messageField(parent, 'backend');
  if (!backend.value || !backend.pair) {
    report({ path, message: 'cannot be empty', span: backend.pair ? keySpan(backend.pair) : parentSpan });
    return;
  }
  checkDestination(backend.value, path, keySpan(backend.pair), report);
}

/**
 * The destination of a backend (a rule's backend list item or a mirror's backend), checked as a
 * selector at the backend's own path: Kuma prints no `.destination`.
 */
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
