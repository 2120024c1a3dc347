/** Bounds that keep hostile input cheap. */
export interface ParseLimits {
  /** Files longer than this (UTF-16 units) are not parsed; one diagnostic says so. */
  maxFileSize: number;
  /** Nodes an alias expansion may produce in one document before it is cut. */
  maxAliasNodes: number;
  /** Nesting depth beyond which the tree is cut. */
  maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxFileSize: 5 * 1024 * 1024,
  maxAliasNodes: 10_000,
  maxDepth: 200,
};
