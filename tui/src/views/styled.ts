import type { Tone } from '../data/certificate-status.js';

/** A run of text in one style. Components map tones to Ink's named colours. */
export interface Segment {
  text: string;
  tone?: Tone;
  bold?: boolean;
}

/** One screen line; wider lines are cut at render time, never wrapped. */
export type Line = Segment[];

export function seg(text: string, tone: Tone = 'plain', bold = false): Segment {
  return bold ? { text, tone, bold } : { text, tone };
}

export function lineText(line: Line): string {
  return line.map((s) => s.text).join('');
}
