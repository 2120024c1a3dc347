import { useEffect, type Dispatch } from 'react';
import { useStdout } from 'ink';
import type { Action } from '../state/state.js';

/** Default size when the output stream does not say (a test renderer, a pipe). */
export const DEFAULT_SIZE = { columns: 100, rows: 24 };

export function sizeOf(stdout: NodeJS.WriteStream): { columns: number; rows: number } {
  return { columns: stdout.columns || DEFAULT_SIZE.columns, rows: stdout.rows || DEFAULT_SIZE.rows };
}

/** Reports the terminal size to the reducer now and on every resize; the cleanup stops listening. */
export function useTerminalSize(dispatch: Dispatch<Action>): void {
  const { stdout } = useStdout();
  useEffect(() => {
    const update = (): void => dispatch({ type: 'resize', ...sizeOf(stdout) });
    update();
    stdout.on('resize', update);
    return () => {
      stdout.off('resize', update);
    };
  }, [stdout, dispatch]);
}
