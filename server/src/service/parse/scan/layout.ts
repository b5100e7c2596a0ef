import type { ParsedPostmortem } from '../parse';
import type { YMap, YNode, YPair, YScalar } from '../tree';

/**
 * Where things are in the text, as edits and outlines need it. `yaml`'s own node ranges run on
 * over trailing line breaks and comments, so every end here is recomputed from the content.
 */
export interface Span {
  start: number;
  end: number;
}

/** Offset just after the last character that belongs to the node's content. */
export function contentEnd(node: YNode, text: string): number {
  if (node.kind === 'map' && !node.flow) {
    const last = node.pairs.at(-1);
    if (last) return pairEnd(last, text);
  } else if (node.kind === 'seq' && !node.flow) {
    const last = node.items.at(-1);
    if (last) return contentEnd(last, text);
  }
  return trimEnd(text, node.start, node.end);
}

export function pairEnd(pair: YPair, text: string): number {
  return Math.max(pair.key.end, pair.value ? contentEnd(pair.value, text) : pair.key.end);
}

function trimEnd(text: string, start: number, end: number): number {
  let offset = Math.min(end, text.length);
  while (offset > start && /\s/.test(text.charAt(offset - 1))) offset--;
  return offset;
}

/** The span of a scalar's text without its quotes: edits inside keep the user's quoting. */
export function innerSpan(scalar: YScalar, text: string): Span {
  const first = text.charAt(scalar.start);
  const last = text.charAt(scalar.end - 1);
  if (scalar.end - scalar.start >= 2 && (first === '"' || first === "'") && last === first) return { start: scalar.start + 1, end: scalar.end - 1 };
  return { start: scalar.start, end: scalar.end };
}

export function columnOf(parsed: ParsedPostmortem, offset: number): number {
  return parsed.lines.positionAt(offset).character;
}

/** The start of the line after the one holding `offset`, or the text's end on the last line. */
export function nextLineStart(parsed: ParsedPostmortem, offset: number): number {
  const line = parsed.lines.positionAt(offset).line;
  return line + 1 < parsed.lines.lineCount ? parsed.lines.lineStart(line + 1) : parsed.text.length;
}

/** The offset of the `-` that opens a block sequence item, when only blanks lie between. */
export function dashOf(text: string, item: YNode): number | undefined {
  let offset = item.start - 1;
  while (offset >= 0 && /[ \t\r\n]/.test(text.charAt(offset))) offset--;
  return text.charAt(offset) === '-' ? offset : undefined;
}

/**
 * An insertion of whole lines after the line holding `afterOffset`, or before the line holding
 * `beforeOffset`; a last line without a line break gets one in front instead of behind.
 */
export function lineInsertion(parsed: ParsedPostmortem, lines: string[], at: { after: number } | { before: number }): { offset: number; text: string } {
  const eol = parsed.eol;
  const body = lines.join(eol);
  if ('before' in at) return { offset: parsed.lines.lineStart(parsed.lines.positionAt(at.before).line), text: body + eol };
  const offset = nextLineStart(parsed, at.after);
  const atEndWithoutBreak = offset === parsed.text.length && !/[\r\n]$/.test(parsed.text) && parsed.text.length > 0;
  return atEndWithoutBreak ? { offset, text: eol + body } : { offset, text: body + eol };
}

/** The scalar (key or value) that starts at an offset, with the pair and map that hold it. */
export function scalarAt(root: YNode | null, start: number): { scalar: YScalar; pair?: YPair; map?: YMap; isKey: boolean } | undefined {
  const visit = (node: YNode | null, depth: number): ReturnType<typeof scalarAt> => {
    if (!node || depth > 200 || start < node.start || start > node.end) return undefined;
    if (node.kind === 'scalar') return node.start === start ? { scalar: node, isKey: false } : undefined;
    if (node.kind === 'seq') {
      for (const item of node.items) {
        const found = visit(item, depth + 1);
        if (found) return found;
      }
    } else if (node.kind === 'map') {
      for (const pair of node.pairs) {
        if (pair.key.start === start) return { scalar: pair.key, pair, map: node, isKey: true };
        if (pair.value?.kind === 'scalar' && pair.value.start === start) return { scalar: pair.value, pair, map: node, isKey: false };
        const found = visit(pair.value, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(root, 0);
}

/** A single-line, display-safe text: whitespace runs collapsed, cut at whole code points. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const points = Array.from(flat);
  return points.length <= max ? flat : points.slice(0, max - 1).join('') + '…';
}
