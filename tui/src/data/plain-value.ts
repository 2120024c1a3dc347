import type { YNode } from '@meshgw/engine';

/** The plain value of a parsed YAML node: maps become objects (later duplicate keys win). */
export function plainValue(node: YNode | null): unknown {
  if (node === null) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(plainValue);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const pair of node.pairs) out[String(pair.key.value)] = plainValue(pair.value);
      return out;
    }
  }
}
