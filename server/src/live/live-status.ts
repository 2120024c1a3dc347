import type { ControlPlaneStatus } from '../protocol.js';
import { ageText } from '../status-text.js';

/** What one good refresh told about the control plane. */
export interface SnapshotFacts {
  kumaVersion: string | null;
  meshes: number;
}

/**
 * The state of the connection to a control plane, and the messages its changes deserve: one
 * when it fails and one when it comes back, never one per refresh. Plain data; times are
 * milliseconds of the caller's clock.
 */
export interface LiveStatus {
  /** A new setting: forget everything (`name` null: none set). */
  reset(name: string | null): void;
  /** The name the connection resolved to (a kumactl context's own name). */
  rename(name: string): void;
  /** A refresh succeeded; returns the message to show once, when it had failed before. */
  succeeded(facts: SnapshotFacts, at: number): string | null;
  /** A refresh failed; returns the message to show once, when it had not failed already. */
  failed(reason: string): string | null;
  status(refreshSeconds: number): ControlPlaneStatus;
  /** A sentence for hovers when the data in use is stale: older than two refreshes, or the last refresh failed; else null. */
  staleNote(now: number, refreshSeconds: number): string | null;
}

export function createLiveStatus(): LiveStatus {
  let name: string | null = null;
  let facts: SnapshotFacts | null = null;
  let fetchedAt: number | null = null;
  let error: string | null = null;
  let announcedFailure = false;
  return {
    reset(next) {
      name = next;
      facts = null;
      fetchedAt = null;
      error = null;
      announcedFailure = false;
    },
    rename(next) {
      name = next;
    },
    succeeded(next, at) {
      facts = next;
      fetchedAt = at;
      error = null;
      if (!announcedFailure) return null;
      announcedFailure = false;
      return `meshgw: the control plane ${name ?? ''} answers again${next.kumaVersion ? ` (Kuma ${next.kumaVersion})` : ''}; hover and diagnostics use its current state.`;
    },
    failed(reason) {
      error = reason;
      if (announcedFailure) return null;
      announcedFailure = true;
      const keep = fetchedAt === null ? 'hover and diagnostics use the files alone' : 'hover and diagnostics keep its last state';
      return `meshgw: cannot read the control plane ${name ?? ''}: ${reason} Until it answers, ${keep}.`;
    },
    status(refreshSeconds) {
      const state: ControlPlaneStatus['state'] = name === null ? 'off' : error !== null ? 'failed' : fetchedAt === null ? 'connecting' : 'connected';
      return {
        state,
        name,
        kumaVersion: facts?.kumaVersion ?? null,
        meshes: facts?.meshes ?? null,
        fetchedAt: fetchedAt === null ? null : new Date(fetchedAt).toISOString(),
        refreshSeconds,
        error,
      };
    },
    staleNote(now, refreshSeconds) {
      if (name === null) return null;
      if (fetchedAt === null) return error === null ? null : `*Control plane \`${name}\` not read: ${error} This shows the files alone.*`;
      const age = now - fetchedAt;
      if (error !== null) return `*Live data from \`${name}\` is ${ageText(age)} old: the last refresh failed (${error})*`;
      if (age > 2 * refreshSeconds * 1000) return `*Live data from \`${name}\` is ${ageText(age)} old.*`;
      return null;
    },
  };
}
