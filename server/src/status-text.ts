import type { ControlPlaneStatus } from './protocol.js';

/**
 * Words for the control plane's state, shared by the server's hovers and its clients' status
 * bars. Imports nothing but the protocol's types, so a client can bundle it without the server.
 */

/** An age in words: `12 s`, `4 min`, `3 h`. */
export function ageText(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 90) return `${s} s`;
  const min = Math.round(s / 60);
  return min < 90 ? `${min} min` : `${Math.round(min / 60)} h`;
}

/**
 * One line for a status bar, at `now` (milliseconds): `meshgw: prod · Kuma 2.13 · 3 meshes · 12 s
 * ago`; when the last refresh failed, `unreachable` before the age of the data still in use.
 * Null when no control plane is set.
 */
export function controlPlaneStatusText(status: ControlPlaneStatus, now: number): string | null {
  if (status.state === 'off' || status.name === null) return null;
  const parts = [`meshgw: ${status.name}`];
  const minor = status.kumaVersion ? /^v?(\d+\.\d+)/.exec(status.kumaVersion)?.[1] : undefined;
  if (minor) parts.push(`Kuma ${minor}`);
  if (status.meshes !== null) parts.push(`${status.meshes} ${status.meshes === 1 ? 'mesh' : 'meshes'}`);
  if (status.state === 'failed') parts.push('unreachable');
  if (status.state === 'connecting') parts.push('connecting…');
  const at = status.fetchedAt === null ? NaN : Date.parse(status.fetchedAt);
  if (!Number.isNaN(at)) parts.push(`${ageText(now - at)} ago`);
  return parts.join(' · ');
}
