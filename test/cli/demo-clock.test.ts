import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_NOW } from '../../scripts/demo.mjs';
import { ROOT, runCli } from '../support/run-cli.js';

const DAY_MS = 86_400_000;

function certificateCodes(now: string): Map<string, string[]> {
  const r = runCli(['check', '--format', 'json', 'examples'], { env: { MESHGW_NOW: now } });
  const out = JSON.parse(r.stdout) as { files: { file: string; diagnostics: { code: string }[] }[] };
  const codes = new Map<string, string[]>();
  for (const f of out.files) codes.set(f.file, f.diagnostics.map((d) => d.code).filter((c) => c.startsWith('certificate-expir')));
  return codes;
}

describe('the clock the examples assume', () => {
  it('is the one npm start runs the terminal app at', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts.start).toMatch(/node scripts\/demo\.mjs$/);
    expect(readFileSync(join(ROOT, 'scripts', 'demo.mjs'), 'utf8')).toContain('MESHGW_NOW: process.env.MESHGW_NOW || DEMO_NOW');
  });

  it('keeps each dated example at its point: expiring soon, expired, and the other certificates valid', () => {
    const codes = certificateCodes(DEMO_NOW);
    expect(codes.get('examples/broken/certificate-expiring-soon.yaml')).toEqual(['certificate-expiring']);
    expect(codes.get('examples/broken/certificate-expired.yaml')).toEqual(['certificate-expired']);
    const dated = [...codes].filter(([, c]) => c.length > 0).map(([file]) => file);
    expect(dated.sort()).toEqual(['examples/broken/certificate-expired.yaml', 'examples/broken/certificate-expiring-soon.yaml']);
  });

  it('is the date the examples README names', () => {
    const readme = readFileSync(join(ROOT, 'examples', 'README.md'), 'utf8');
    expect(readme).toContain(`\`${DEMO_NOW}\``);
    // Outside the window the example is no longer "expiring soon": that is why the clock is pinned.
    const later = new Date(Date.parse(DEMO_NOW) + 60 * DAY_MS).toISOString();
    expect(certificateCodes(later).get('examples/broken/certificate-expiring-soon.yaml')).toEqual(['certificate-expired']);
  });
});
