import type { YNode, YScalar } from '../../parse/tree';

/** The key or scalar value under the cursor, with its JSON path. */
export interface HoverTarget {
  kind: 'key' | 'value';
  path: (string | number)[];
  node: YScalar;
}

export function locate(root: YNode | null, offset: number): HoverTarget | undefined {
  const path: (string | number)[] = [];
  const within = (node: { start: number; end: number }) => offset >= node.start && offset <= node.end;
  let node: YNode | null = root;
  while (node) {
    if (node.kind === 'scalar') return within(node) && node.value !== null ? { kind: 'value', path, node } : undefined;
    if (node.kind === 'alias') return undefined;
    let next: YNode | null = null;
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        if (within(pair.key)) return { kind: 'key', path: [...path, String(pair.key.value)], node: pair.key };
        if (pair.value && within(pair.value)) {
          path.push(String(pair.key.value));
          next = pair.value;
          break;
        }
      }
    } else {
      const index = node.items.findIndex(within);
      if (index >= 0) {
        path.push(index);
        next = node.items[index] ?? null;
      }
    }
    node = next;
  }
  return undefined;
}
