import type { YMap, YNode, YPair, YScalar, YSeq } from './tree.js';

/**
 * A fast path for documents that are plain JSON (what the control plane's API returns): builds
 * the same plain tree `parse.ts` builds from YAML, with spans, in one pass. Returns null when the
 * text is not strict JSON, has a duplicate key or nests deeper than `maxDepth`; the caller then
 * uses the YAML parser, which reports whatever is wrong.
 */
export function parseJsonTree(text: string, base: number, maxDepth: number): YNode | null {
  const p = new JsonReader(text, base, maxDepth);
  try {
    p.ws();
    const node = p.value(0);
    p.ws();
    return p.pos === text.length ? node : null;
  } catch {
    return null;
  }
}

class NotJson extends Error {}

/** A run of string characters that need no care: no quote, no backslash, no control character. */
const PLAIN = /[^"\\\x00-\x1f]*/y;

/** A JSON literal: `true`, `false`, `null` or a number. */
const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonReader {
  pos = 0;
  private readonly pairs: YPair[] = [];
  private readonly items: YNode[] = [];

  constructor(
    private readonly text: string,
    private readonly base: number,
    private readonly maxDepth: number,
  ) {}

  ws(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.pos++;
      else break;
    }
  }

  value(depth: number): YNode {
    if (depth > this.maxDepth) throw new NotJson();
    const c = this.text.charCodeAt(this.pos);
    if (c === 123 /* { */) return this.object(depth);
    if (c === 91 /* [ */) return this.array(depth);
    if (c === 34 /* " */) return this.string();
    return this.literal();
  }

  private object(depth: number): YMap {
    const start = this.pos++;
    // Pairs gather on a stack shared with nested maps and are copied out at the end: an array
    // grown by pushes keeps room for 17 entries, and the tree keeps every one of them.
    const stack = this.pairs;
    const base = stack.length;
    // Keys seen, for the duplicate check; small objects compare with their pairs instead.
    let seen: Set<string> | null = null;
    this.ws();
    if (this.text.charCodeAt(this.pos) === 125 /* } */) {
      this.pos++;
      return { kind: 'map', span: this.span(start, this.pos), pairs: [], flow: true };
    }
    for (;;) {
      this.ws();
      if (this.text.charCodeAt(this.pos) !== 34 /* " */) throw new NotJson();
      const key = this.string();
      if (stack.length - base < 16) {
        for (let i = base; i < stack.length; i++) if (stack[i].key.value === key.value) throw new NotJson();
      } else {
        seen ??= new Set(stack.slice(base).map((p) => p.key.value as string));
        if (seen.has(key.value as string)) throw new NotJson();
        seen.add(key.value as string);
      }
      this.ws();
      if (this.text.charCodeAt(this.pos++) !== 58 /* : */) throw new NotJson();
      this.ws();
      const value = this.value(depth + 1);
      stack.push({ key, value });
      this.ws();
      const sep = this.text.charCodeAt(this.pos++);
      if (sep === 125 /* } */) break;
      if (sep !== 44 /* , */) throw new NotJson();
    }
    // A reader that throws is dropped with its stacks, so they are cut back on success only.
    const pairs = stack.slice(base);
    stack.length = base;
    return { kind: 'map', span: this.span(start, this.pos), pairs, flow: true };
  }

  private array(depth: number): YSeq {
    const start = this.pos++;
    const stack = this.items;
    const base = stack.length;
    this.ws();
    if (this.text.charCodeAt(this.pos) === 93 /* ] */) {
      this.pos++;
      return { kind: 'seq', span: this.span(start, this.pos), items: [], flow: true };
    }
    for (;;) {
      this.ws();
      stack.push(this.value(depth + 1));
      this.ws();
      const sep = this.text.charCodeAt(this.pos++);
      if (sep === 93 /* ] */) break;
      if (sep !== 44 /* , */) throw new NotJson();
    }
    const items = stack.slice(base);
    stack.length = base;
    return { kind: 'seq', span: this.span(start, this.pos), items, flow: true };
  }

  private string(): YScalar {
    const t = this.text;
    const start = this.pos;
    PLAIN.lastIndex = start + 1;
    PLAIN.test(t);
    let end = PLAIN.lastIndex;
    let escaped = false;
    while (end < t.length) {
      const c = t.charCodeAt(end);
      if (c === 34 /* " */) break;
      if (c === 92 /* \ */) {
        escaped = true;
        end += 2;
        continue;
      }
      if (c < 32) throw new NotJson();
      end++;
    }
    if (end >= t.length) throw new NotJson();
    this.pos = end + 1;
    const value = escaped ? (JSON.parse(t.slice(start, end + 1)) as string) : t.slice(start + 1, end);
    return { kind: 'scalar', span: this.span(start, this.pos), type: 'string', value, source: value, quoted: true };
  }

  private literal(): YScalar {
    const t = this.text;
    const start = this.pos;
    LITERAL.lastIndex = start;
    const m = LITERAL.exec(t);
    if (!m) throw new NotJson();
    const source = m[0];
    this.pos = start + source.length;
    const span = this.span(start, this.pos);
    if (source === 'null') return { kind: 'scalar', span, type: 'null', value: null, source: 'null', quoted: false };
    if (source === 'true' || source === 'false') return { kind: 'scalar', span, type: 'boolean', value: source === 'true', source, quoted: false };
    return { kind: 'scalar', span, type: 'number', value: Number(source), source, quoted: false };
  }

  private span(start: number, end: number): { start: number; end: number } {
    return { start: this.base + start, end: this.base + end };
  }
}
