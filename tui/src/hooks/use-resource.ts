import { useEffect, type Dispatch } from 'react';
import type { DataSource } from '../data/source.js';
import type { Action } from '../state/state.js';

/**
 * Fetches one resource by its API path while a view shows it, again after each refresh
 * (`generation`). Leaving the view aborts the request.
 */
export function useResource(source: DataSource, path: string | null, generation: number, dispatch: Dispatch<Action>): void {
  useEffect(() => {
    if (path === null || source.kind !== 'live') return;
    const controller = new AbortController();
    void source.client.get(path, { signal: controller.signal }).then((result) => {
      if (controller.signal.aborted) return;
      if (result.ok) dispatch({ type: 'resourceLoaded', path, value: result.value });
      else dispatch({ type: 'resourceFailed', path, message: result.error.message });
    });
    return () => controller.abort();
  }, [source, path, generation, dispatch]);
}
