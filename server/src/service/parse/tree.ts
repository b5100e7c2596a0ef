/**
 * Our own small YAML tree. Features read this instead of `yaml`'s nodes so that the parser can be
 * swapped or chunked (see parse/) without touching them. Offsets are absolute UTF-16 code units
 * into the document text, which is what LSP positions count.
 */
export type YNode = YMap | YSeq | YScalar | YAlias;

interface YBase {
  start: number;
  end: number;
}

export interface YMap extends YBase {
  kind: 'map';
  flow: boolean;
  pairs: YPair[];
}

export interface YPair {
  key: YScalar;
  /** null when the key has no value yet (`status:` while typing). */
  value: YNode | null;
  start: number;
  end: number;
}

export interface YSeq extends YBase {
  kind: 'seq';
  flow: boolean;
  items: YNode[];
}

export interface YScalar extends YBase {
  kind: 'scalar';
  value: unknown;
  /** True for quoted or block scalars: `"1"` is text even though `1` is a number. */
  quoted: boolean;
}

export interface YAlias extends YBase {
  kind: 'alias';
  source: string;
  target: YNode | null;
}

export type JsonPath = readonly (string | number)[];

export function pairOf(map: YMap, key: string): YPair | undefined {
  // A plain loop: rules and facts call this for every field of every event on each keystroke.
  for (const pair of map.pairs) if (pair.key.value === key) return pair;
  return undefined;
}

export function childOf(node: YNode | null | undefined, segment: string | number): YNode | null {
  const resolved = resolveAlias(node);
  if (!resolved) return null;
  if (resolved.kind === 'map') return pairOf(resolved, String(segment))?.value ?? null;
  if (resolved.kind === 'seq' && typeof segment === 'number') return resolved.items[segment] ?? null;
  return null;
}

export function resolveAlias(node: YNode | null | undefined): YNode | null {
  let current = node ?? null;
  // Bounded: a chain of aliases can only point backwards, but a defensive cap costs nothing.
  for (let hops = 0; current?.kind === 'alias' && hops < 64; hops++) current = current.target;
  return current?.kind === 'alias' ? null : current;
}

export function asMap(node: YNode | null | undefined): YMap | null {
  const resolved = resolveAlias(node);
  return resolved?.kind === 'map' ? resolved : null;
}

export function asSeq(node: YNode | null | undefined): YSeq | null {
  const resolved = resolveAlias(node);
  return resolved?.kind === 'seq' ? resolved : null;
}

export function asScalar(node: YNode | null | undefined): YScalar | null {
  const resolved = resolveAlias(node);
  return resolved?.kind === 'scalar' ? resolved : null;
}

export function stringValue(node: YNode | null | undefined): string | undefined {
  const scalar = asScalar(node);
  return typeof scalar?.value === 'string' ? scalar.value : undefined;
}

/** The node at a JSON path, and the pair that holds it when the last step is a map key. */
export function nodeAtPath(root: YNode | null, path: JsonPath): { node: YNode | null; pair?: YPair; parent: YNode | null } {
  let node: YNode | null = root;
  let parent: YNode | null = null;
  let pair: YPair | undefined;
  for (const segment of path) {
    parent = node;
    const container = resolveAlias(node);
    pair = undefined;
    if (container?.kind === 'map') {
      pair = pairOf(container, String(segment));
      node = pair?.value ?? null;
      if (!pair) return { node: null, parent };
    } else if (container?.kind === 'seq' && typeof segment === 'number') {
      node = container.items[segment] ?? null;
      if (!node) return { node: null, parent };
    } else {
      return { node: null, parent };
    }
  }
  return pair ? { node, pair, parent } : { node, parent };
}

