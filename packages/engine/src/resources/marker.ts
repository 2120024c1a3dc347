import { RESOURCE_KINDS } from '../kuma/kinds.js';

const KUMA_MARKER = new RegExp(`["']?\\b(?:type|kind)["']?\\s*:\\s*["']?(?:${RESOURCE_KINDS.join('|')})\\b`);

/**
 * A cheap test on a text that is not open in an editor: only a text that declares one of the
 * kinds the engine knows can hold such a resource, so other YAML files need not be parsed.
 */
export function mayHoldKumaResources(text: string): boolean {
  return KUMA_MARKER.test(text);
}
