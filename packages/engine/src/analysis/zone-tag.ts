import { isLiveFile } from './overlay.js';
import type { DataplaneModel, Tag } from '../resources/types.js';

/** The tag a zone control plane sets on every gateway Dataplane it stores. */
export const ZONE_TAG = 'kuma.io/zone';

/** Copies made for a zone, per original model, so that unchanged dataplanes stay the same objects across analyses. */
export type ZoneTagMemo = WeakMap<DataplaneModel, { zone: string; model: DataplaneModel }>;

/**
 * The dataplanes as a control plane of `zone` stores them: Kuma's dataplane manager sets the
 * gateway tag `kuma.io/zone` to its zone on every gateway Dataplane it creates or updates
 * (`setGatewayClusterTag`, 2.0 to 2.14), over any value written. The control plane's own
 * dataplanes already carry it; a file's gateway Dataplane gets it here, its value located at the
 * written `kuma.io/zone` tag when there is one, else at the document's start. Without a zone
 * (files alone, a global control plane) the list is returned as is.
 */
export function withZoneTag(dataplanes: DataplaneModel[], zone: string | null | undefined, memo: ZoneTagMemo): DataplaneModel[] {
  if (!zone) return dataplanes;
  return dataplanes.map((dp) => {
    if (!dp.builtin || isLiveFile(dp.doc.file)) return dp;
    const written = dp.gatewayTags.find((t) => t.key === ZONE_TAG);
    if (written?.value === zone) return dp;
    const cached = memo.get(dp);
    if (cached && cached.zone === zone) return cached.model;
    const at = { start: dp.doc.span.start, end: dp.doc.span.start };
    const tag: Tag = { key: ZONE_TAG, value: zone, keySpan: written?.keySpan ?? at, valueSpan: written?.valueSpan ?? at };
    const model: DataplaneModel = { ...dp, gatewayTags: [...dp.gatewayTags.filter((t) => t.key !== ZONE_TAG), tag] };
    memo.set(dp, { zone, model });
    return model;
  });
}
