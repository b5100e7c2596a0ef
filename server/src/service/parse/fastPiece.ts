/**
 * A faster reading of one piece (see piece.ts): our tree built straight from `yaml`'s CST, skipping
 * its composer. At 10,000 events the composer and its Document, Schema and node objects cost about
 * as much as lexing and parsing; the pieces of a postmortem are plain block mappings and sequences
 * of scalars, which this reads exactly as the composer would.
 *
 * It accepts only a strict subset and DECLINES (returns null) on anything else, and piece.ts then
 * parses the piece with `parseDocument` as before. Accepted: block mappings with single-line scalar
 * keys, block sequences, single-line flow sequences and mappings of scalars, plain, quoted and block
 * scalars, comments. Declined: any error token, anchor, alias, tag, directive, document marker,
 * explicit key, tab, empty or non-scalar key, duplicate key, a key without `:`, multi-line keys or
 * flow collections, and every shape where the composer would report an error or a warning. Each
 * range below mirrors the composer function named beside it (yaml 2.x, dist/compose/*), so the tree
 * is the one convert.ts makes of `parseDocument`'s result; the property test (fastPiece.test.ts)
 * holds the two to that on samples, generated documents and random text.
 */
import { CST, isScalar, Parser, parseDocument, Scalar, type ScalarTag } from 'yaml';
import { isStackOverflow } from './tooDeep';
import type { YMap, YNode, YPair, YScalar, YSeq } from './tree';

/** Thrown inside the walk when the piece leaves the subset; never escapes fastPieceRoot. */
const DECLINE = new Error('outside the fast subset');

function decline(): never {
  throw DECLINE;
}

// The schema and options `parseDocument` uses by default (YAML 1.2 core), taken from `yaml` itself
// so that plain scalars resolve with its own tag tests and resolvers, in its order.
const { schema, options } = parseDocument('');
const TESTED_TAGS = schema.tags.filter((tag): tag is ScalarTag => tag.default === true && 'test' in tag && tag.test !== undefined);

/** A plain scalar's value, as compose-scalar.js's findScalarTagByTest + resolve give it. */
function resolvePlain(source: string): unknown {
  for (const tag of TESTED_TAGS) {
    if (!tag.test?.test(source)) continue;
    const resolved: unknown = tag.resolve(source, decline, options);
    return isScalar(resolved) ? resolved.value : resolved;
  }
  return source;
}

type Tokens = readonly CST.SourceToken[];

const MAX_DEPTH = 64;

/** What resolve-props.js finds in the tokens before a node, for the subset's tokens only. */
interface Props {
  found: CST.SourceToken | null;
  comment: boolean;
  hasNewline: boolean;
  /** The end of the last token, or the given offset when there are none. */
  end: number;
}

function resolveProps(tokens: Tokens, indicator: string, offset: number, startOnNewline: boolean): Props {
  let hasSpace = startOnNewline;
  let comment = false;
  let hasNewline = false;
  let found: CST.SourceToken | null = null;
  for (const token of tokens) {
    if (token.type === 'space') {
      hasSpace = true;
    } else if (token.type === 'comment') {
      // MISSING_CHAR: a comment must follow white space.
      if (!hasSpace) decline();
      comment = true;
    } else if (token.type === 'newline') {
      hasNewline = true;
      hasSpace = true;
    } else {
      // A second indicator is UNEXPECTED_TOKEN; anchors, tags, commas and errors are not ours.
      if (token.type !== indicator || found) decline();
      found = token;
      hasSpace = false;
    }
  }
  const last = tokens[tokens.length - 1];
  return { found, comment, hasNewline, end: last ? last.offset + last.source.length : offset };
}

/** util-empty-scalar-position.js: after the last token that is not space, comment or newline. */
function emptyScalarPosition(offset: number, before: Tokens): number {
  for (let i = before.length - 1; i >= 0; --i) {
    let token = before[i];
    if (token?.type === 'space' || token?.type === 'comment' || token?.type === 'newline') {
      offset -= token.source.length;
      continue;
    }
    token = before[++i];
    while (token?.type === 'space') {
      offset += token.source.length;
      token = before[++i];
    }
    break;
  }
  return offset;
}

/** Builds the tree; `end` is the third number of the range of the node built last. */
class FastComposer {
  end = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  node(token: CST.Token): YNode {
    if (token.type === 'block-map' || token.type === 'block-seq') {
      // Deep nesting could overflow `yaml`'s composer (more frames per level than ours) where this
      // walk would not; postmortems nest a few levels, so deep text goes to `parseDocument`.
      if (++this.depth > MAX_DEPTH) decline();
      const node = token.type === 'block-map' ? this.blockMap(token) : this.blockSeq(token);
      this.depth--;
      return node;
    }
    if (token.type === 'flow-collection') return this.flowCollection(token);
    if (token.type === 'block-scalar' || isFlowScalar(token)) return this.scalar(token);
    // Aliases, errors and anything else go to `parseDocument`.
    return decline();
  }

  scalar(token: CST.FlowScalar | CST.BlockScalar): YScalar {
    const resolved = CST.resolveAsScalar(token, options.strict, decline);
    if (!resolved) return decline();
    const plain = resolved.type === Scalar.PLAIN;
    this.end = resolved.range[2];
    return { kind: 'scalar', value: plain ? resolvePlain(resolved.value) : resolved.value, quoted: !plain, start: resolved.range[0], end: resolved.range[1] };
  }

  /** compose-node.js composeEmptyNode: `key:` or `-` with nothing after it is a null at `at`. */
  empty(at: number, props: Props): YScalar {
    this.end = props.comment ? props.end : at;
    return { kind: 'scalar', value: resolvePlain(''), quoted: false, start: at, end: at };
  }

  /** A key: one scalar on one line (resolve-block-map.js: MULTILINE_IMPLICIT_KEY otherwise). */
  key(token: CST.Token | null | undefined): YScalar {
    if (!token || (token.type !== 'scalar' && token.type !== 'single-quoted-scalar' && token.type !== 'double-quoted-scalar')) return decline();
    if (token.source.includes('\n') || token.end?.some((end) => end.type === 'newline')) decline();
    return this.scalar(token);
  }

  /** resolve-block-map.js */
  blockMap(map: CST.BlockMap): YMap {
    const node: YMap = { kind: 'map', flow: false, pairs: [], start: map.offset, end: 0 };
    let offset = map.offset;
    let commentEnd: number | null = null;
    for (const item of map.items) {
      const keyProps = resolveProps(item.start, 'explicit-key-ind', offset, true);
      if (keyProps.found || ('explicitKey' in item && item.explicitKey)) decline();
      if (!item.key && !item.sep && !item.value) {
        // A line of comments at the mapping's indentation: it stretches the range, nothing more.
        commentEnd = keyProps.end;
        continue;
      }
      if (!item.key || !item.sep || item.key.type === 'block-seq' || ('indent' in item.key && item.key.indent !== map.indent)) decline();
      const key = this.key(item.key);
      for (const pair of node.pairs) if (pair.key.value === key.value) decline(); // DUPLICATE_KEY
      const valueProps = resolveProps(item.sep, 'map-value-ind', this.end, false);
      offset = valueProps.end;
      const colon = valueProps.found;
      // MISSING_CHAR without `:`, KEY_OVER_1024_CHARS for a long key.
      if (!colon || keyProps.end < colon.offset - 1024) decline();
      const value = item.value;
      // A block collection on the key's line is BLOCK_AS_IMPLICIT_KEY or a lexer error.
      if ((value?.type === 'block-map' || value?.type === 'block-seq') && !valueProps.hasNewline) decline();
      const valueNode = value ? this.node(value) : this.empty(emptyScalarPosition(offset, item.sep), valueProps);
      offset = this.end;
      const pair: YPair = { key, value: valueNode, start: key.start, end: Math.max(key.end, valueNode.end) };
      node.pairs.push(pair);
    }
    // IMPOSSIBLE: a comment line before later pairs.
    if (commentEnd !== null && commentEnd < offset) decline();
    node.end = this.end = commentEnd ?? offset;
    return node;
  }

  /** resolve-block-seq.js */
  blockSeq(seq: CST.BlockSequence): YSeq {
    const node: YSeq = { kind: 'seq', flow: false, items: [], start: seq.offset, end: 0 };
    let offset = seq.offset;
    let commentEnd: number | null = null;
    for (const item of seq.items) {
      const props = resolveProps(item.start, 'seq-item-ind', offset, true);
      if (!props.found) {
        if (item.value) decline(); // MISSING_CHAR or BAD_INDENT
        commentEnd = props.end;
        continue;
      }
      const child = item.value ? this.node(item.value) : this.empty(emptyScalarPosition(props.end, item.start), props);
      offset = this.end;
      node.items.push(child);
    }
    node.end = this.end = commentEnd ?? offset;
    return node;
  }

  /** resolve-flow-collection.js, for `[a, "b"]` and `{k: v, l: w}` on one line only. */
  flowCollection(flow: CST.FlowCollection): YMap | YSeq {
    const isMap = flow.start.source === '{';
    const pairs: YPair[] = [];
    const items: YNode[] = [];
    flow.items.forEach((item, index) => {
      // One comma before every item but the first, spaces, nothing else (no empty items).
      let commas = 0;
      for (const token of item.start) {
        if (token.type === 'comma') commas++;
        else if (token.type !== 'space') decline();
      }
      if (commas !== (index === 0 ? 0 : 1) || !item.value || !isFlowScalar(item.value)) decline();
      if (!isMap) {
        if (item.key || item.sep) decline(); // `[a: b]` is a pair in a sequence
        items.push(this.scalar(item.value));
        return;
      }
      const key = this.key(item.key);
      const colons = item.sep?.filter((token) => token.type === 'map-value-ind').length;
      if (colons !== 1 || item.sep?.some((token) => token.type !== 'map-value-ind' && token.type !== 'space')) decline();
      for (const pair of pairs) if (pair.key.value === key.value) decline(); // DUPLICATE_KEY
      const value = this.scalar(item.value);
      pairs.push({ key, value, start: key.start, end: Math.max(key.end, value.end) });
    });
    const [close, ...rest] = flow.end;
    if (close?.source !== (isMap ? '}' : ']')) decline();
    const closeEnd = close.offset + close.source.length;
    // convert.ts declines flow collections over several lines (a piece may have cut them).
    if (this.text.slice(flow.offset, closeEnd).includes('\n')) decline();
    this.end = resolveEnd(rest, closeEnd);
    return isMap ? { kind: 'map', flow: true, pairs, start: flow.offset, end: this.end } : { kind: 'seq', flow: true, items, start: flow.offset, end: this.end };
  }
}

function isFlowScalar(token: CST.Token): token is CST.FlowScalar {
  return token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar';
}

/** resolve-end.js, strict: space, comments after white space, line breaks. */
function resolveEnd(tokens: Tokens, offset: number): number {
  let hasSpace = false;
  for (const token of tokens) {
    if (token.type === 'space' || token.type === 'newline') hasSpace = true;
    else if (token.type !== 'comment' || !hasSpace) decline();
    offset += token.source.length;
  }
  return offset;
}

/**
 * The piece's root collection as convert.ts would make it of `parseDocument(text)`, or null when the
 * text is outside the subset (or the composer might report anything for it).
 */
export function fastPieceRoot(text: string): YMap | YSeq | null {
  // Tabs: the composer's TAB_AS_INDENT rules depend on context; the planner never cuts text with one.
  if (text.includes('\t')) return null;
  try {
    let document: CST.Document | null = null;
    for (const token of new Parser().parse(text)) {
      if (token.type === 'document' && !document) document = token;
      // Comments and blank lines before the document are the composer's prelude; all else declines.
      else if (document || (token.type !== 'comment' && token.type !== 'newline' && token.type !== 'space')) return null;
    }
    const value = document?.value;
    if (!document || (value?.type !== 'block-map' && value?.type !== 'block-seq')) return null;
    // compose-doc.js: only white space and comments around the root; `---` and the like decline.
    const props = resolveProps(document.start, 'doc-start', document.offset, true);
    if (props.found) return null;
    const composer = new FastComposer(text);
    const root = value.type === 'block-map' ? composer.blockMap(value) : composer.blockSeq(value);
    for (const token of document.end ?? []) if (token.type !== 'space' && token.type !== 'comment' && token.type !== 'newline') return null;
    return root;
  } catch (error) {
    if (error === DECLINE || isStackOverflow(error)) return null;
    throw error;
  }
}
