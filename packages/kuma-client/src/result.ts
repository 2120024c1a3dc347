import type { ClientError, Result } from './types.js';

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(error: ClientError): Result<T> {
  return { ok: false, error };
}
