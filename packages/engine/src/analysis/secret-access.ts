import type { AnalyzeOptions } from './types.js';
import type { SecretAccess } from '../merge/types.js';

/** How much of the Secrets of `mesh` the caller gave, from `AnalyzeOptions.secretAccess`. */
export function secretAccessOf(option: AnalyzeOptions['secretAccess'], mesh: string): SecretAccess {
  if (option === undefined) return 'full';
  if (typeof option === 'string') return option;
  return option[mesh] ?? 'full';
}
