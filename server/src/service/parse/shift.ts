import type { YNode, YPair } from './tree';

/** Moves a tree by `delta` characters, in place (see piece.ts for when that is allowed). */
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
