/**
 * Finds private key material in any output. From the PEM inputs it builds every 24-character run
 * of each private key's base64 body, and of the base64 that a Secret's `data` (or an `inline`
 * data source) holds for the key's PEM text, at each of the three byte alignments the key can
 * have in it. Runs that also occur in a certificate of the inputs are left out: an RSA key holds
 * the public modulus, which its certificate shows too.
 */
import { stripVTControlCharacters } from 'node:util';

export const RUN = 24;

interface Block {
  label: string;
  /** The whole block, BEGIN and END lines included. */
  text: string;
  /** The base64 body without line breaks. */
  body: string;
}

function blocks(pem: string): Block[] {
  const out: Block[] = [];
  for (const match of pem.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----\r?\n([A-Za-z0-9+/=\s]*?)-----END \1-----\r?\n?/g)) {
    out.push({ label: match[1], text: match[0], body: match[2].replace(/\s+/g, '') });
  }
  return out;
}

function runsOf(text: string, into: Set<string>): void {
  for (let i = 0; i + RUN <= text.length; i++) into.add(text.slice(i, i + RUN));
}

/** The base64 of `text` starting at each of 3 offsets, without the last quantum (its padding varies). */
function encodings(text: string): string[] {
  return [0, 1, 2].map((offset) => Buffer.from(text.slice(offset), 'utf8').toString('base64').slice(0, -4));
}

export interface KeyMaterial {
  /** How many private key blocks the inputs hold. */
  keys: number;
  runs: Set<string>;
}

export function keyMaterial(pems: readonly string[]): KeyMaterial {
  const keyRuns = new Set<string>();
  const certRuns = new Set<string>();
  let keys = 0;
  for (const pem of pems) {
    for (const block of blocks(pem)) {
      const target = block.label.endsWith('PRIVATE KEY') ? keyRuns : certRuns;
      if (target === keyRuns) keys++;
      runsOf(block.body, target);
      for (const encoded of encodings(block.text)) runsOf(encoded, target);
    }
  }
  for (const run of certRuns) keyRuns.delete(run);
  return { keys, runs: keyRuns };
}

/**
 * What of `material` an output shows: `PRIVATE KEY` anywhere, or a run of key base64 once
 * colours, whitespace and escaped line breaks (`\n` in JSON) are taken out. Empty when none.
 */
export function leaksIn(output: string, material: KeyMaterial): string[] {
  const found: string[] = [];
  const text = stripVTControlCharacters(output);
  const at = text.indexOf('PRIVATE KEY');
  if (at >= 0) found.push(`PRIVATE KEY: ${text.slice(Math.max(0, at - 200), at + 50)}`);
  const dense = text.replace(/\\r|\\n/g, '').replace(/\s+/g, '');
  for (let i = 0; i + RUN <= dense.length; i++) {
    const run = dense.slice(i, i + RUN);
    if (material.runs.has(run)) {
      found.push(run);
      i += RUN - 1;
    }
  }
  return found;
}
