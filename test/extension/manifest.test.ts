import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const EXTENSION = join(import.meta.dirname, '../../extension');
const read = (name: string) => readFileSync(join(EXTENSION, name), 'utf8');
const manifest = JSON.parse(read('package.json')) as {
  version: string;
  license: string;
  icon: string;
  contributes: { commands: { title: string; category: string }[]; configuration: { properties: Record<string, unknown> } };
};

describe('the marketplace page and files', () => {
  it('the README names every setting and command', () => {
    const readme = read('README.md');
    for (const key of Object.keys(manifest.contributes.configuration.properties)) expect(readme).toContain(`\`${key}\``);
    for (const c of manifest.contributes.commands) expect(readme).toContain(`${c.category}: ${c.title}`);
  });

  it('the README has no relative links, which vsce cannot resolve without a repository', () => {
    const links = [...read('README.md').matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(links.filter((l) => !/^https?:/.test(l))).toEqual([]);
  });

  it('the CHANGELOG has an entry for this version', () => {
    expect(read('CHANGELOG.md')).toMatch(new RegExp(`^## ${manifest.version.replace(/\./g, '\\.')}$`, 'm'));
  });

  it('the icon is a PNG of at least 128x128 pixels', () => {
    const png = readFileSync(join(EXTENSION, manifest.icon));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(128);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(128);
  });

  it('the license file is the Apache License 2.0 the manifest declares', () => {
    expect(manifest.license).toBe('Apache-2.0');
    expect(read('LICENSE')).toContain('Apache License\n                           Version 2.0, January 2004');
  });
});
