/**
 * Reads block-YAML structure from raw lines. Completion cannot rely on the parsed tree: the line
 * being typed is usually not valid YAML yet, and one broken line can move or drop its neighbours in
 * the tree. Indentation and the `key:` / `- ` markers of the lines above are enough to know where
 * the cursor is, and they survive syntax errors elsewhere.
 */

import { readLine, unquote } from '../../parse/scan/line';

export type LineToken = { kind: 'dash'; col: number } | { kind: 'key'; col: number; name: string; valueCol: number; blockScalar: boolean } | { kind: 'scalar'; col: number; text: string };

/** The `- ` markers, then at most one key or scalar, as the scanner reads the line. */
export function tokenizeLine(text: string): LineToken[] {
  const shape = readLine(text);
  const tokens: LineToken[] = shape.dashes.map((col) => ({ kind: 'dash', col }));
  if (shape.key) {
    tokens.push({ kind: 'key', col: shape.key.start, name: shape.key.name, valueCol: shape.value, blockScalar: shape.valueKind === 'block-header' });
  } else if (shape.valueKind !== 'empty' && shape.valueKind !== 'comment') {
    tokens.push({ kind: 'scalar', col: shape.node, text: stripComment(text.slice(shape.node)) });
  }
  return tokens;
}

function stripComment(text: string): string {
  return text.replace(/(^|\s)#.*$/, '').trim();
}

export interface BlockPath {
  /** JSON path of the collection the cursor's token belongs to. */
  path: (string | number)[];
  /** Keys already present in that mapping (when it is one), the cursor's own line excluded. */
  siblingKeys: Set<string>;
  /** True when the nearest owner key introduces a block scalar (`|`, `>`): the cursor is in text. */
  inBlockScalar: boolean;
}

/**
 * The path of the collection that holds a node starting at `column` on line `lineNo`, found by
 * walking up: keys at the same column are siblings, a `- ` to the left makes the mapping a list
 * item (its index is the number of sibling dashes above), and the first key further left owns it.
 * `leftTokens` are the markers on the cursor's own line left of the node (its `- `s).
 */
export function blockPathAt(lines: readonly string[], lineNo: number, column: number, leftTokens: readonly LineToken[]): BlockPath {
  const reversed: (string | number)[] = [];
  const siblingKeys = new Set<string>();
  let state: { col: number; type: 'map' | 'seq'; count: number } = { col: column, type: 'map', count: 0 };
  // Only the first collection's own keys matter for "already present"; deeper ones are its owners.
  let collectingSiblings = true;
  let inBlockScalar = false;
  let ownerSeen = false;

  const visit = (token: LineToken): void => {
    if (token.col > state.col) return;
    if (token.col === state.col) {
      if (state.type === 'map' && token.kind === 'key') {
        if (collectingSiblings) siblingKeys.add(token.name);
      } else if (state.type === 'seq' && token.kind === 'dash') {
        state.count++;
      } else if (state.type === 'seq' && token.kind === 'key') {
        // `key:` followed by `- item` lines at the same column: the compact list form.
        reversed.push(state.count, token.name);
        noteOwner(token);
        state = { col: token.col, type: 'map', count: 0 };
      }
      return;
    }
    if (token.kind === 'key') {
      if (state.type === 'seq') reversed.push(state.count);
      reversed.push(token.name);
      noteOwner(token);
      state = { col: token.col, type: 'map', count: 0 };
    } else if (token.kind === 'dash') {
      if (state.type === 'seq') reversed.push(state.count);
      collectingSiblings = false;
      // The dash itself is the item the cursor is in; sibling dashes above raise its index.
      state = { col: token.col, type: 'seq', count: 0 };
    }
  };
  const noteOwner = (token: LineToken & { kind: 'key' }) => {
    if (!ownerSeen) inBlockScalar = token.blockScalar;
    ownerSeen = true;
    collectingSiblings = false;
  };

  for (let index = leftTokens.length - 1; index >= 0; index--) visit(leftTokens[index] as LineToken);
  for (let line = lineNo - 1; line >= 0; line--) {
    // At the root mapping nothing further up can change the path.
    if (state.type === 'map' && state.col === 0 && !collectingSiblings) break;
    const tokens = tokenizeLine(lines[line] ?? '');
    for (let index = tokens.length - 1; index >= 0; index--) visit(tokens[index] as LineToken);
  }
  if (state.type === 'seq') reversed.push(state.count);
  collectBelow(lines, lineNo, column, siblingKeys);
  return { path: reversed.reverse(), siblingKeys, inBlockScalar };
}

/** Keys at `column` below the cursor, until the mapping ends (a line further left, or a new item). */
function collectBelow(lines: readonly string[], lineNo: number, column: number, keys: Set<string>): void {
  for (let line = lineNo + 1; line < lines.length; line++) {
    const tokens = tokenizeLine(lines[line] ?? '');
    const first = tokens[0];
    if (!first) continue;
    if (first.col < column) return;
    if (first.col === column && first.kind === 'key') keys.add(first.name);
  }
}

/** Scalars of `- item` lines in the same block list as the cursor's line (dashes at `dashCol`). */
export function blockListItems(lines: readonly string[], lineNo: number, dashCol: number): string[] {
  const items: string[] = [];
  const scan = (from: number, step: 1 | -1) => {
    for (let line = from; line >= 0 && line < lines.length; line += step) {
      const tokens = tokenizeLine(lines[line] ?? '');
      const first = tokens[0];
      if (!first) continue;
      if (first.col < dashCol || (first.col === dashCol && first.kind !== 'dash')) return;
      const second = tokens[1];
      if (first.col === dashCol && second?.kind === 'scalar') items.push(unquote(second.text));
    }
  };
  scan(lineNo - 1, -1);
  scan(lineNo + 1, 1);
  return items;
}
