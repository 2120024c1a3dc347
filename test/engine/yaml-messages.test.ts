import { parseFile } from '@meshgw/engine/testing';
import { describe, expect, it } from 'vitest';

/** The YAML syntax errors of a text: the text each points at, and its message. */
function errors(text: string): [string, string][] {
  return parseFile('f.yaml', text)
    .diagnostics.filter((d) => d.code === 'yaml-syntax')
    .map((d) => [text.slice(d.span.start, d.span.end), d.message]);
}

const GATEWAY = 'type: MeshGateway\nmesh: default\nname: gw\nselectors:\n  - match:\n      kuma.io/service: gw\nconf:\n  listeners:\n';

describe('YAML syntax errors in words', () => {
  it.each([
    [
      'a listener key indented one space too little',
      `${GATEWAY}    - port: 80\n      protocol: HTTP\n     hostname: a.example.com\n`,
      'hostname: a.example.com',
      '`hostname` is indented 5 spaces; the other keys of this `listeners` item use 6. Keys of one map must line up.',
    ],
    [
      'a listener key indented one space too much',
      `${GATEWAY}    - port: 80\n      protocol: HTTP\n       hostname: a.example.com\n`,
      'hostname: a.example.com',
      '`hostname` is indented 7 spaces; the other keys of this `listeners` item use 6. Keys of one map must line up.',
    ],
    [
      'a key at the column of the item\'s dash',
      `${GATEWAY}    - port: 80\n    protocol: HTTP\n`,
      'protocol: HTTP',
      '`protocol` is indented 4 spaces; the other keys of this `listeners` item use 6. Keys of one map must line up. To start a new item instead, write `- ` before `protocol`.',
    ],
    [
      'a top-level key indented',
      'type: MeshGateway\n mesh: default\nname: gw\n',
      'mesh: default',
      '`mesh` is indented 1 space; the other top-level keys use 0. Keys of one map must line up.',
    ],
    [
      'a list item indented less than the others',
      `${GATEWAY}    - port: 80\n      protocol: HTTP\n   - port: 81\n     protocol: HTTP\n`,
      '- port: 81',
      'This list item is indented 3 spaces; the other items of `listeners` use 4. Items of one list must line up.',
    ],
    [
      'a key without a colon',
      'type: MeshGateway\nname gw\nmesh: default\n',
      'name gw',
      '`name gw` has no `:`: write `key: value` (a space after the colon), or start a list item with `- `.',
    ],
    [
      'a map as a value on the key\'s line',
      'type: MeshGateway\nmesh: default\nname: a: b\n',
      'a',
      'A value cannot be `key: value` on the same line as its key: put the inner map on its own lines, indented, or quote the value.',
    ],
  ])('explains %s, once, on the line at fault', (_name, text, at, message) => {
    expect(errors(text)).toEqual([[at, message]]);
  });

  it('points at a flow map never closed, and says the lines after it are read into it', () => {
    const text = `${GATEWAY}    - port: 80\n      protocol: HTTP\n      tags: {vhost: foo, port: http\n    - port: 81\n      protocol: HTTP\n`;
    const found = errors(text);
    expect(found[0]).toEqual(['{', 'This `{` is never closed with `}`: YAML reads the lines after it as part of it. Close it on its line, or indent the lines that continue it more than the key it belongs to.']);
    expect(found.slice(1).every(([, m]) => m.startsWith('This line is read as part of a `{` above that is never closed'))).toBe(true);
  });

  it('keeps the parser\'s words for errors it has no sentence for', () => {
    expect(errors('a: "open\n').map(([, m]) => m)).not.toEqual([]);
  });
});
