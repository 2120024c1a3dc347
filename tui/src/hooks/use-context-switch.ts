import { useEffect, type Dispatch } from 'react';
import type { DataSource } from '../data/source.js';
import type { Action } from '../state/state.js';

/**
 * Acts on `:ctx NAME`: connects through the source's `connectContext` and hands the new source
 * to the reducer. Leaving before it answers (another request, quitting) drops the answer and
 * closes the client it made.
 */
export function useContextSwitch(source: DataSource, request: string | null, dispatch: Dispatch<Action>): void {
  useEffect(() => {
    if (request === null || source.kind !== 'live' || !source.connectContext) return;
    const controller = new AbortController();
    source.connectContext(request).then(
      (result) => {
        if (controller.signal.aborted) {
          if (result.ok) result.value.client.close();
          return;
        }
        if (result.ok) dispatch({ type: 'sourceChanged', source: result.value, name: request });
        else dispatch({ type: 'contextFailed', name: request, message: result.error.message });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) dispatch({ type: 'contextFailed', name: request, message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [source, request, dispatch]);
}
