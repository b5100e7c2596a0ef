import { Snapshot } from './snapshot';
import { isStackOverflow, tooDeepProblem } from './tooDeep';
import { Document, parseDocument } from 'yaml';
import { convertDocument } from './convert';
import { lineBreakOf, LineIndex, withLoneCrAsLf } from './lineIndex';
import type { YNode } from './tree';

export interface SyntaxProblem {
  start: number;
  end: number;
  /** The `yaml` package's own code (BAD_INDENT, DUPLICATE_KEY…), kept for the detail. */
  detail: string;
  message: string;
  severity: 'error' | 'warning';
}

/**
 * One version of a document, parsed. Valid until the next parse of the same URI: unchanged parts
 * of the tree are reused by that parse and moved to their new offsets in place.
 */
export interface ParsedPostmortem {
  uri: string;
  version: number;
  /**
   * The text every feature reads: the document's text with each lone CR read as LF (same length,
   * same offsets and positions; see withLoneCrAsLf). Equal to `source` unless lone CRs occur.
   */
  text: string;
  /** The document's text exactly as given: edits that move text take their slices from here. */
  source: string;
  /** The line break inserted text uses: the document's own. */
  eol: string;
  root: YNode | null;
  /** The plain value the schema and the rules see. */
  value: unknown;
  syntaxProblems: SyntaxProblem[];
  lines: LineIndex;
  /** What features derive from this version (parse/snapshot.ts). */
  snapshot: Snapshot;
}

export interface ParseInput {
  uri: string;
  version: number;
  text: string;
}

/** One `yaml` parse of the whole text. */
export function parsePostmortem(input: ParseInput): ParsedPostmortem {
  const text = withLoneCrAsLf(input.text);
  let document: Document;
  let root: YNode | null;
  try {
    document = parseDocument(text, { prettyErrors: false, keepSourceTokens: false });
    root = convertDocument(document, text);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    return unreadable(input, text, tooDeepProblem(text));
  }
  return {
    uri: input.uri,
    version: input.version,
    text,
    source: input.text,
    eol: lineBreakOf(input.text),
    root,
    value: toPlainValue(root),
    syntaxProblems: collectProblems(document, text.length),
    // Our own scan, not yaml's LineCounter: after some syntax errors (a stray control character
    // mid-line) the lexer skips line breaks, and every later position would be on the wrong line.
    lines: new LineIndex(text),
    snapshot: new Snapshot(),
  };
}

/** A text `yaml` could not read at all: no tree, one problem saying where and why. */
function unreadable(input: ParseInput, text: string, problem: SyntaxProblem): ParsedPostmortem {
  return { uri: input.uri, version: input.version, text, source: input.text, eol: lineBreakOf(input.text), root: null, value: null, syntaxProblems: [problem], lines: new LineIndex(text), snapshot: new Snapshot() };
}

export function collectProblems(document: Document, textLength: number): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const add = (severity: SyntaxProblem['severity']) => (error: { pos: [number, number]; code: string; message: string }) => {
    const start = Math.min(error.pos[0], textLength);
    problems.push({
      start,
      end: Math.max(start, Math.min(error.pos[1], textLength)),
      detail: error.code,
      // yaml appends a source excerpt after the first line; the editor already shows the source.
      message: error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.code,
      severity,
    });
  };
  document.errors.forEach(add('error'));
  document.warnings.forEach(add('warning'));
  return problems;
}

/**
 * The value as plain data. Aliases share the JavaScript value of their anchor, so an alias bomb
 * costs memory linear in the text; keys such as `__proto__` become own properties.
 */
export function toPlainValue(root: YNode | null): unknown {
  // Postmortems rarely hold aliases: the walk without the memo is 7× faster at 10,000 events, and
  // only a tree where it meets an alias is walked again with it.
  const plain = valueWithoutAliases(root);
  return plain === ALIAS_MET ? valueWithAliases(root) : plain;
}

const ALIAS_MET: unique symbol = Symbol('alias met');

function valueWithoutAliases(node: YNode | null): unknown {
  if (!node) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'alias':
      return ALIAS_MET;
    case 'seq': {
      const items: unknown[] = new Array<unknown>(node.items.length);
      for (let i = 0; i < items.length; i++) {
        const item = valueWithoutAliases(node.items[i] ?? null);
        if (item === ALIAS_MET) return ALIAS_MET;
        items[i] = item;
      }
      return items;
    }
    case 'map': {
      const object: Record<string, unknown> = {};
      for (const pair of node.pairs) {
        const value = valueWithoutAliases(pair.value);
        if (value === ALIAS_MET) return ALIAS_MET;
        setOwn(object, String(pair.key.value), value);
      }
      return object;
    }
  }
}

/** `object[key] = value`, except that `__proto__` becomes an own property, not the prototype. */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

function valueWithAliases(root: YNode | null): unknown {
  const memo = new Map<YNode, unknown>();
  const visiting = new Set<YNode>();
  const valueOf = (node: YNode | null): unknown => {
    if (!node) return null;
    const cached = memo.get(node);
    if (cached !== undefined || memo.has(node)) return cached;
    if (visiting.has(node)) return null;
    visiting.add(node);
    let result: unknown;
    switch (node.kind) {
      case 'scalar':
        result = node.value;
        break;
      case 'alias':
        result = valueOf(node.target);
        break;
      case 'seq':
        result = node.items.map(valueOf);
        break;
      case 'map': {
        const object: Record<string, unknown> = {};
        for (const pair of node.pairs) setOwn(object, String(pair.key.value), valueOf(pair.value));
        result = object;
        break;
      }
    }
    visiting.delete(node);
    memo.set(node, result);
    return result;
  };
  return valueOf(root);
}
