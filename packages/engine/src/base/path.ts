import { goQuote } from './go-quote.js';

export { goQuote };

/**
 * Kuma's paths, printed as `validators.PathBuilder` prints them: fields joined by dots, list
 * indexes as `[i]`, map keys as `["key"]` quoted like Go's `%q`. A path is a plain string; ''
 * is the root.
 */

export function fieldPath(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

export function keyPath(path: string, key: string): string {
  return `${path}[${goQuote(key)}]`;
}
