import { setMaxListeners } from 'node:events';

/**
 * One relay per caller signal: however many requests share a signal, it gets one listener from
 * the client, and the relay (which may have any number) fires when it does.
 */
export function createAbortRelay(): (signal: AbortSignal | undefined) => AbortSignal | undefined {
  const relays = new WeakMap<AbortSignal, AbortSignal>();
  return (signal) => {
    if (signal === undefined) return undefined;
    let inner = relays.get(signal);
    if (inner === undefined) {
      const controller = new AbortController();
      setMaxListeners(0, controller.signal);
      if (signal.aborted) controller.abort();
      else signal.addEventListener('abort', () => controller.abort(), { once: true });
      inner = controller.signal;
      relays.set(signal, inner);
    }
    return inner;
  };
}
