import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentSelector, isServed, LANGUAGE_ID } from '../../extension/src/selector.js';

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../extension/package.json'), 'utf8')) as { activationEvents: string[] };

describe('documentSelector', () => {
  it('selects YAML files on disk and unsaved YAML buffers', () => {
    expect(documentSelector()).toEqual([
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ]);
  });

  it('uses no file pattern: which YAML holds Kuma resources is for the server to tell', () => {
    for (const filter of documentSelector()) expect(filter).not.toHaveProperty('pattern');
  });

  it('matches the language the extension activates on', () => {
    expect(manifest.activationEvents).toContain(`onLanguage:${LANGUAGE_ID}`);
    expect(manifest.activationEvents).not.toContain('*');
  });
});

describe('isServed', () => {
  it.each([
    ['yaml', 'file', true],
    ['yaml', 'untitled', true],
    ['yaml', 'git', false],
    ['yaml', 'vscode-vfs', false],
    ['yaml', 'meshgw-inspect', false],
    ['json', 'file', false],
    ['dockercompose', 'file', false],
    ['plaintext', 'untitled', false],
  ])('%s in %s: %s', (languageId, scheme, served) => {
    expect(isServed({ languageId, uri: { scheme } })).toBe(served);
  });

  it('agrees with documentSelector', () => {
    for (const { language, scheme } of documentSelector()) expect(isServed({ languageId: language, uri: { scheme } })).toBe(true);
  });
});
