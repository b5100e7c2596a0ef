import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Node as YamlNode } from 'yaml';
import type { YAlias, YMap, YNode, YPair, YScalar, YSeq } from './tree';

/**
 * What a chunk parse must know to trust its result: anchors and aliases reach across chunks, and a
 * flow collection over several lines may have been cut by a chunk boundary.
 */
export interface ConvertNotes {
  anchorsOrAliases: boolean;
  multiLineFlow: boolean;
}

/** `yaml`'s document as our tree, with `yaml`'s offsets (relative to the text it parsed). */
export function convertDocument(document: Document, text: string, notes?: ConvertNotes): YNode | null {
  const converted = new Map<YamlNode, YNode>();
  const aliases: { alias: YAlias; source: Alias }[] = [];

  const note = (node: { anchor?: string | undefined; flow?: boolean | undefined }, start: number, end: number) => {
    if (!notes) return;
    if (node.anchor) notes.anchorsOrAliases = true;
    if (node.flow && text.slice(start, end).includes('\n')) notes.multiLineFlow = true;
  };

  const convert = (node: unknown): YNode | null => {
    if (isScalar(node)) return rememberScalar(node);
    if (isMap(node)) {
      const [start, valueEnd, end] = node.range ?? [0, 0, 0];
      note(node, start, valueEnd);
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
      const [start, valueEnd, end] = node.range ?? [0, 0, 0];
      note(node, start, valueEnd);
      const seq: YSeq = { kind: 'seq', flow: Boolean(node.flow), items: [], start, end };
      converted.set(node, seq);
      for (const item of node.items) {
        const child = convert(isPair(item) ? item.key : item);
        if (child) seq.items.push(child);
      }
      return seq;
    }
    if (isAlias(node)) {
      if (notes) notes.anchorsOrAliases = true;
      const [start, , end] = node.range ?? [0, 0, 0];
      const alias: YAlias = { kind: 'alias', source: node.source, target: null, start, end };
      aliases.push({ alias, source: node });
      return alias;
    }
    return null;
  };

  const rememberScalar = (node: Scalar): YScalar => {
    const [start, valueEnd] = node.range ?? [0, 0, 0];
    if (notes && node.anchor) notes.anchorsOrAliases = true;
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
