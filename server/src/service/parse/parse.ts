import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node as YamlNode } from 'yaml';
import { LineIndex } from './lineIndex';
import type { YAlias, YMap, YNode, YPair, YScalar, YSeq } from './tree';

export interface SyntaxProblem {
  start: number;
  end: number;
  /** The `yaml` package's own code (BAD_INDENT, DUPLICATE_KEY…), kept for the detail. */
  detail: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface ParsedPostmortem {
  uri: string;
  version: number;
  text: string;
  root: YNode | null;
  /** The plain value the schema and the rules see. */
  value: unknown;
  syntaxProblems: SyntaxProblem[];
  lines: LineIndex;
}

export interface ParseInput {
  uri: string;
  version: number;
  text: string;
}

export function parsePostmortem(input: ParseInput): ParsedPostmortem {
  const lineCounter = new LineCounter();
  const document = parseDocument(input.text, { lineCounter, prettyErrors: false, keepSourceTokens: false });
  const root = convertDocument(document);
  return {
    uri: input.uri,
    version: input.version,
    text: input.text,
    root,
    value: toPlainValue(root),
    syntaxProblems: collectProblems(document, input.text.length),
    lines: new LineIndex(input.text, lineCounter.lineStarts),
  };
}

function collectProblems(document: Document, textLength: number): SyntaxProblem[] {
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

function convertDocument(document: Document): YNode | null {
  const converted = new Map<YamlNode, YNode>();
  const aliases: { alias: YAlias; source: Alias }[] = [];

  const convert = (node: unknown): YNode | null => {
    if (isScalar(node)) return rememberScalar(node);
    if (isMap(node)) {
      const [start, , end] = node.range ?? [0, 0, 0];
      const map: YMap = { kind: 'map', flow: Boolean(node.flow), pairs: [], start, end };
      converted.set(node, map);
      for (const item of node.items) {
        if (!isPair(item) || !isScalar(item.key)) continue;
        const key = rememberScalar(item.key);
        const value = item.value === null ? null : convert(item.value);
        const pair: YPair = { key, value, start: key.start, end: Math.max(key.end, value?.end ?? key.end) };
        map.pairs.push(pair);
      }
      return map;
    }
    if (isSeq(node)) {
      const [start, , end] = node.range ?? [0, 0, 0];
      const seq: YSeq = { kind: 'seq', flow: Boolean(node.flow), items: [], start, end };
      converted.set(node, seq);
      for (const item of node.items) {
        const child = convert(isPair(item) ? item.key : item);
        if (child) seq.items.push(child);
      }
      return seq;
    }
    if (isAlias(node)) {
      const [start, , end] = node.range ?? [0, 0, 0];
      const alias: YAlias = { kind: 'alias', source: node.source, target: null, start, end };
      aliases.push({ alias, source: node });
      return alias;
    }
    return null;
  };

  const rememberScalar = (node: Scalar): YScalar => {
    const [start, valueEnd] = node.range ?? [0, 0, 0];
    const scalar: YScalar = {
      kind: 'scalar',
      value: node.value,
      quoted: node.type !== undefined && node.type !== Scalar.PLAIN,
      start,
      end: valueEnd,
    };
    converted.set(node, scalar);
    return scalar;
  };

  const root = convert(document.contents);
  for (const { alias, source } of aliases) {
    const target = source.resolve(document);
    alias.target = target ? converted.get(target as YamlNode) ?? null : null;
  }
  return root;
}

/**
 * The value as plain data. Aliases share the JavaScript value of their anchor, so an alias bomb
 * costs memory linear in the text; keys such as `__proto__` become own properties.
 */
export function toPlainValue(root: YNode | null): unknown {
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
        for (const pair of node.pairs) {
          Object.defineProperty(object, String(pair.key.value), { value: valueOf(pair.value), enumerable: true, writable: true, configurable: true });
        }
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
