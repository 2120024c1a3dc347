import type { Tone } from '../data/certificate-status.js';

/**
 * Ink text props for a tone. Only named colours plus bold and dim, so the terminal's own palette
 * decides the shades and both light and dark backgrounds stay readable; no background colours.
 */
export function toneProps(tone: Tone | undefined): { color?: string; dimColor?: boolean } {
  switch (tone) {
    case 'ok':
      return { color: 'green' };
    case 'warn':
      return { color: 'yellow' };
    case 'bad':
      return { color: 'red' };
    case 'muted':
      return { dimColor: true };
    case 'accent':
      return { color: 'cyan' };
    default:
      return {};
  }
}
