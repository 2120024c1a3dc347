import { Alias, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode, YAMLError } from 'yaml';
import type { DiagnosticCode } from '../base/codes.js';
import type { Diagnostic } from '../base/diagnostic.js';
import type { Span } from '../base/types.js';
import { diagnostic } from '../base/diagnostic.js';
import type { ParseLimits } from './parse-limits.js';
import type { YMap, YNode, YPair, YScalar, YSeq } from './tree.js';
import type { YamlExplainer } from './yaml-messages.js';

/** The most YAML problems listed for one document. */
export const MAX_CHUNK_DIAGNOSTICS = 100;

export const YAML_CODES: Record<string, DiagnosticCode> = {
  TAB_AS_INDENT: 'yaml-tab',
};

/** A diagnostic for an error of the `yaml` package; `explain` words its syntax errors for people. */
export function yamlDiagnostic(file: string, e: YAMLError, base: number, severity: 'error' | 'warning', text: string, explain?: YamlExplainer): Diagnostic {
  const length = text.length;
  const code = YAML_CODES[e.code] ?? 'yaml-syntax';
  const start = Math.max(0, Math.min(e.pos[0], length));
  let end = Math.max(start, Math.min(e.pos[1], length));
  if (end === start && start < length) end = start + 1;
  let message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'yaml-tab') message = 'Tabs are not allowed as YAML indentation; use spaces.';
  if (code === 'yaml-syntax' && explain) {
    const plain = explain(message, start, end);
    const at = plain.span ? Math.max(0, Math.min(plain.span.start, length)) : start;
    const to = plain.span ? Math.max(at, Math.min(plain.span.end, length)) : end;
    return fileDiagnostic(file, code, severity, { start: base + at, end: base + to }, plain.message);
  }
  return fileDiagnostic(file, code, severity, { start: base + start, end: base + end }, message);
}

/** A key written a second time in one map; `span` covers the whole repeated key as written. */
export function duplicateKeyDiagnostic(file: string, span: Span, written: string): Diagnostic {
  const name = /^["']/.test(written) ? written : `"${written}"`;
  return fileDiagnostic(file, 'yaml-duplicate-key', 'error', span,
    `Duplicate key ${name}: YAML forbids a key twice in one map, and tools disagree about which value wins.`);
}

export function fileDiagnostic(file: string, code: DiagnosticCode, severity: 'error' | 'warning', span: Span, message: string): Diagnostic {
  return diagnostic({ code, severity, message, file, span });
}

/** Converts `yaml` nodes to the plain tree, expanding aliases within a node budget. */
export class Converter {
  private aliasNodes = 0;
  private aliasReported = false;
  private depthReported = false;
  private readonly expanding = new Set<YamlNode>();

  constructor(
    private readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly text: string,
    private readonly base: number,
    private readonly limits: ParseLimits,
    private readonly diagnostics: Diagnostic[],
  ) {}

  convert(node: YamlNode | null | undefined, depth: number, inAlias = false, at?: Span): YNode {
    const span = at ?? this.span(node);
    if (inAlias && ++this.aliasNodes > this.limits.maxAliasNodes) {
      if (!this.aliasReported) {
        this.aliasReported = true;
        this.diagnostics.push(fileDiagnostic(this.file, 'yaml-alias-limit', 'error', span,
          `Aliases expand to more than ${this.limits.maxAliasNodes} nodes in this document (an alias bomb?); the expansion was cut here.`));
      }
      return nullScalar(span);
    }
    if (depth > this.limits.maxDepth) {
      if (!this.depthReported) {
        this.depthReported = true;
        this.diagnostics.push(fileDiagnostic(this.file, 'yaml-too-deep', 'error', span,
          `Nesting deeper than ${this.limits.maxDepth} levels; the rest of this branch was not analysed.`));
      }
      return nullScalar(span);
    }
    if (!node) return nullScalar(span);
    if (isAlias(node)) return this.alias(node, depth);
    if (isMap(node)) {
      const pairs: YPair[] = [];
      // Scalar keys as the `yaml` package compares them: same type and value. Checked once, not
      // again for each alias that repeats the map.
      const seen = inAlias ? null : new Set<string>();
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = this.key(item.key as YamlNode | null, depth, inAlias);
        if (seen && (item.key === null || isScalar(item.key))) {
          const id = `${key.type}:${String(key.value)}`;
          if (seen.has(id)) {
            this.diagnostics.push(duplicateKeyDiagnostic(this.file, key.span, this.text.slice(key.span.start - this.base, key.span.end - this.base)));
          } else {
            seen.add(id);
          }
        }
        const valueNode = item.value as YamlNode | null;
        const value = valueNode
          ? this.convert(valueNode, depth + 1, inAlias)
          : nullScalar(this.emptyValueAfter(key.span));
        pairs.push({ key, value });
      }
      const map: YMap = node.flow ? { kind: 'map', span, pairs, flow: true } : { kind: 'map', span, pairs };
      return map;
    }
    if (isSeq(node)) {
      const items: YNode[] = [];
      for (const item of node.items) {
        if (isPair(item)) {
          // A single-pair map inside a flow sequence (`[a: b]`).
          const key = this.key(item.key as YamlNode | null, depth, inAlias);
          const value = this.convert(item.value as YamlNode | null, depth + 1, inAlias, item.value ? undefined : key.span);
          items.push({ kind: 'map', span: { start: key.span.start, end: value.span.end }, pairs: [{ key, value }] });
        } else {
          items.push(this.convert(item as YamlNode, depth + 1, inAlias));
        }
      }
      const seq: YSeq = node.flow ? { kind: 'seq', span, items, flow: true } : { kind: 'seq', span, items };
      return seq;
    }
    if (isScalar(node)) return this.scalar(node, span);
    return nullScalar(span);
  }

  private alias(node: Alias, depth: number): YNode {
    const target = node.resolve(this.doc) as YamlNode | undefined;
    const span = this.span(node);
    if (!target || this.expanding.has(target)) {
      return nullScalar(span);
    }
    this.expanding.add(target);
    try {
      return this.convert(target, depth, true);
    } finally {
      this.expanding.delete(target);
    }
  }

  private key(node: YamlNode | null, depth: number, inAlias: boolean): YScalar {
    if (!node) return nullScalar(this.span(null));
    if (isScalar(node)) return this.scalar(node, this.span(node));
    if (isAlias(node)) {
      const resolved = this.alias(node, depth);
      if (resolved.kind === 'scalar') return { ...resolved, span: this.span(node) };
    }
    // A complex key (a map or a list as key): keep its source text as a string key. It is still
    // converted once, for the duplicate keys and limits inside it.
    const span = this.span(node);
    if (!isAlias(node)) this.convert(node, depth + 1, inAlias);
    const source = this.text.slice(span.start - this.base, span.end - this.base);
    return { kind: 'scalar', span, type: 'string', value: source, source, quoted: false };
  }

  private scalar(node: import('yaml').Scalar, span: Span): YScalar {
    const v = node.value;
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    const source = typeof node.source === 'string' ? node.source : v === null || v === undefined ? '' : String(v);
    if (v === null || v === undefined) return { kind: 'scalar', span, type: 'null', value: null, source, quoted };
    if (typeof v === 'number') return { kind: 'scalar', span, type: 'number', value: v, source, quoted };
    if (typeof v === 'bigint') return { kind: 'scalar', span, type: 'number', value: Number(v), source, quoted };
    if (typeof v === 'boolean') return { kind: 'scalar', span, type: 'boolean', value: v, source, quoted };
    if (typeof v === 'string') return { kind: 'scalar', span, type: 'string', value: v, source: quoted ? v : source, quoted };
    // Binary (!!binary), dates and other tagged values read as their string form.
    return { kind: 'scalar', span, type: 'string', value: String(v), source, quoted };
  }

  /**
   * Where a missing value sits: right after the colon that follows the key (spaces between
   * allowed), or right after the key when no colon follows (a key cut off at the end of the
   * text); never past the chunk.
   */
  private emptyValueAfter(key: Span): Span {
    let i = Math.min(key.end, this.base + this.text.length) - this.base;
    while (this.text[i] === ' ' || this.text[i] === '\t') i++;
    const at = this.base + (this.text[i] === ':' ? i + 1 : Math.min(key.end - this.base, this.text.length));
    return { start: at, end: at };
  }

  private span(node: YamlNode | null | undefined): Span {
    const r = node?.range;
    if (!r) return { start: this.base, end: this.base };
    return { start: this.base + r[0], end: this.base + r[1] };
  }
}

export function nullScalar(span: Span): YScalar {
  return { kind: 'scalar', span: { start: span.start, end: span.start === span.end ? span.end : span.end }, type: 'null', value: null, source: '', quoted: false };
}
