// What `yaml`'s lexer says of each line of a text, for the line scanner's property test.
import { CST, Lexer } from 'yaml';

interface Token {
  start: number;
  end: number;
  type: string;
  /** Flow collections open before the token. */
  depth: number;
}

/** The lexer's tokens with their offsets; a scalar's text is typed `scalar` whatever it starts with. */
function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  let depth = 0;
  let scalarNext = false;
  let afterHeader = false;
  for (const source of new Lexer().lex(text)) {
    // Control tokens mark what follows and take no room in the text.
    if (source === CST.SCALAR) scalarNext = true;
    if (source === CST.FLOW_END) depth = 0;
    if (source === CST.SCALAR || source === CST.DOCUMENT || source === CST.FLOW_END) continue;
    // A block scalar's body (the first scalar after its header) may start at the line's first
    // column: it is inside all the same.
    const type: string = scalarNext ? (afterHeader ? 'block-body' : 'scalar') : (CST.tokenType(source) ?? 'other');
    if (scalarNext || type === 'block-scalar-header') afterHeader = type === 'block-scalar-header';
    scalarNext = false;
    if (source.length > 0) tokens.push({ start: offset, end: offset + source.length, type, depth });
    if (type === 'flow-map-start' || type === 'flow-seq-start') depth++;
    if (type === 'flow-map-end' || type === 'flow-seq-end') depth = Math.max(0, depth - 1);
    offset += source.length;
  }
  return tokens;
}

/** `start`: the line begins with its own tokens; `inside`: a scalar from above goes on; `flow`: a flow collection from above does. */
export type LineRole = 'start' | 'inside' | 'flow';

export interface LexedLine {
  role: LineRole;
  /** Columns of the `-` item markers that open the line. */
  dashes: number[];
  /** The key's columns, quotes included, when the line's node is a scalar followed by `:` on the line. */
  key: [number, number] | undefined;
  /** Columns where a block scalar header, or a flow collection, starts on the line. */
  headers: number[];
  flows: number[];
}

const SCALARS = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar']);

/** One entry per line (split at LF); undefined for a line of spaces only. */
export function lexLines(text: string): (LexedLine | undefined)[] {
  const tokens = tokensOf(text);
  const lines: (LexedLine | undefined)[] = [];
  let lineStart = 0;
  let cursor = 0;
  for (const raw of text.split('\n')) {
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const lineEnd = lineStart + content.length;
    const first = lineStart + content.search(/[^ ]|$/);
    while (cursor < tokens.length && (tokens[cursor]?.end ?? 0) <= first) cursor++;
    if (first === lineEnd) {
      lines.push(undefined);
    } else {
      const at = tokens[cursor];
      const onLine: Token[] = [];
      for (let index = cursor; index < tokens.length && (tokens[index]?.start ?? Infinity) < lineEnd; index++) onLine.push(tokens[index] as Token);
      const role: LineRole = at && ((at.start < first && SCALARS.has(at.type)) || at.type === 'block-body') ? 'inside' : at && at.depth > 0 ? 'flow' : 'start';
      const dashes: number[] = [];
      let index = 0;
      while (onLine[index]?.type === 'seq-item-ind' || onLine[index]?.type === 'space') {
        if (onLine[index]?.type === 'seq-item-ind') dashes.push((onLine[index]?.start ?? 0) - lineStart);
        index++;
      }
      const node = onLine[index];
      const next = onLine.slice(index + 1).find((token) => token.type !== 'space');
      const isKey = node !== undefined && SCALARS.has(node.type) && node.end <= lineEnd && next?.type === 'map-value-ind';
      const columnsOf = (types: string[]) => onLine.filter((token) => types.includes(token.type)).map((token) => token.start - lineStart);
      lines.push({ role, dashes, key: isKey ? [node.start - lineStart, node.end - lineStart] : undefined, headers: columnsOf(['block-scalar-header']), flows: columnsOf(['flow-map-start', 'flow-seq-start']) });
    }
    lineStart += raw.length + 1;
  }
  return lines;
}
