import type { YNode, YPair, YScalar } from './tree';

/** Moves a freshly converted tree (no one else holds it yet) by `delta` characters. */
export function shiftInPlace(node: YNode | null, delta: number): void {
  if (!node || delta === 0) return;
  node.start += delta;
  node.end += delta;
  if (node.kind === 'map') for (const pair of node.pairs) shiftPairInPlace(pair, delta);
  else if (node.kind === 'seq') for (const item of node.items) shiftInPlace(item, delta);
}

export function shiftPairInPlace(pair: YPair, delta: number): void {
  if (delta === 0) return;
  pair.start += delta;
  pair.end += delta;
  shiftInPlace(pair.key, delta);
  shiftInPlace(pair.value, delta);
}

/**
 * A copy moved by `delta`. Trees of earlier parses stay untouched: a feature may still be reading
 * the previous version's tree while this one is built. Chunk trees hold no aliases (chunking falls
 * back to a full parse when there are any), so a plain copy is complete.
 */
export function shifted(node: YNode, delta: number): YNode {
  switch (node.kind) {
    case 'scalar':
      return shiftedScalar(node, delta);
    case 'map':
      return { kind: 'map', flow: node.flow, pairs: node.pairs.map((pair) => shiftedPair(pair, delta)), start: node.start + delta, end: node.end + delta };
    case 'seq':
      return { kind: 'seq', flow: node.flow, items: node.items.map((item) => shifted(item, delta)), start: node.start + delta, end: node.end + delta };
    case 'alias':
      return { kind: 'alias', source: node.source, target: node.target, start: node.start + delta, end: node.end + delta };
  }
}

export function shiftedPair(pair: YPair, delta: number): YPair {
  return {
    key: shiftedScalar(pair.key, delta),
    value: pair.value ? shifted(pair.value, delta) : null,
    start: pair.start + delta,
    end: pair.end + delta,
  };
}

function shiftedScalar(node: YScalar, delta: number): YScalar {
  return { kind: 'scalar', value: node.value, quoted: node.quoted, start: node.start + delta, end: node.end + delta };
}
