import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ts$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Module specifiers of a file, with whether the import is type-only. */
function imports(file: string): { from: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => ({ from: m[3], typeOnly: !!m[2] }));
}

describe('the extension boundary', () => {
  it('the client imports vscode, the language client, itself and the shared protocol only', () => {
    const offending = sources(join(ROOT, 'extension/src')).flatMap((file) =>
      imports(file)
        .filter((i) => {
          if (i.from === 'vscode' || i.from.startsWith('vscode-languageclient') || i.from.startsWith('./')) return false;
          if (i.from === '../../server/src/protocol.js') return false;
          // The status bar's words, shared with the server: they import the protocol's types only (below).
          if (i.from === '../../server/src/status-text.js') return false;
          // The server's settings type keeps the translation honest; no server code is bundled.
          if (i.from === '../../server/src/settings.js' && i.typeOnly) return false;
          return true;
        })
        .map((i) => `${file}: ${i.from}`),
    );
    expect(offending).toEqual([]);
  });

  it('the protocol file imports the protocol package and the command names only, and those nothing', () => {
    expect(imports(join(ROOT, 'server/src/protocol.ts')).map((i) => i.from)).toEqual(['vscode-languageserver-protocol', './command-names.js']);
    expect(imports(join(ROOT, 'server/src/command-names.ts'))).toEqual([]);
  });

  it('the status words the client shares import the protocol\'s types only', () => {
    expect(imports(join(ROOT, 'server/src/status-text.ts'))).toEqual([{ from: './protocol.js', typeOnly: true }]);
  });

  it('the server never imports vscode or the client', () => {
    const offending = sources(join(ROOT, 'server/src')).flatMap((file) =>
      imports(file)
        .filter((i) => i.from === 'vscode' || i.from.startsWith('vscode-languageclient') || i.from.includes('extension/'))
        .map((i) => `${file}: ${i.from}`),
    );
    expect(offending).toEqual([]);
  });

  it('extension sources use named exports only', () => {
    const offending = sources(join(ROOT, 'extension/src')).filter((f) => /export\s+\*\s+from|export\s+default\s/.test(readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });
});
