/** Tags with a meaning to Kuma, each once. */

export const SERVICE_TAG = 'kuma.io/service';
export const PROTOCOL_TAG = 'kuma.io/protocol';
export const ZONE_TAG = 'kuma.io/zone';
export const EXTERNAL_SERVICE_TAG = 'kuma.io/external-service-name';

/**
 * The keys MeshGateway and listener tags may not use, sorted as Kuma lists them: they always
 * come from the Dataplane.
 */
export const GATEWAY_RESERVED_TAGS = [EXTERNAL_SERVICE_TAG, PROTOCOL_TAG, SERVICE_TAG, ZONE_TAG] as const;

const RESERVED: ReadonlySet<string> = new Set(GATEWAY_RESERVED_TAGS);

/** Whether a gateway or listener tag key is one only the Dataplane may set. */
export function isDataplaneOnlyTag(key: string): boolean {
  return RESERVED.has(key);
}
