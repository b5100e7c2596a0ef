import { defineQuery, query } from '../../parse/snapshot';
import { factsOf, type EventFact } from '../../model/facts';
import type { ParsedPostmortem } from '../../parse/parse';
import { asMap, asSeq, pairOf, type YNode } from '../../parse/tree';
import type { OffsetEdit } from './fix';
import { contentEnd, dashOf, nextLineStart } from '../../parse/scan/layout';
import { isCommentLine } from '../../parse/scan/line';

/**
 * One edit that puts the timeline in time order, or undefined when it already is or cannot be
 * rearranged safely (flow style, syntax errors or aliases inside it).
 *
 * The block of items is cut into slices that tile it exactly: an item's slice starts at the line of
 * its `-`, or at the comment lines directly above it, and runs to the next slice. Reordering whole
 * slices therefore keeps every event, comment and blank line.
 */
export function sortTimelineEdit(parsed: ParsedPostmortem): OffsetEdit | undefined {
  // Asked on every cursor move; one computation per parse.
  return query(parsed, SORT_EDIT, () => computeSortEdit(parsed));
}

const SORT_EDIT = defineQuery<OffsetEdit | undefined>('timeline sort edit');

function computeSortEdit(parsed: ParsedPostmortem): OffsetEdit | undefined {
  const { text, lines } = parsed;
  const root = asMap(parsed.root);
  const pair = root ? pairOf(root, 'timeline') : undefined;
  const seq = asSeq(pair?.value);
  if (!pair || !seq || seq.flow || seq.items.length < 2) return undefined;
  const order = timeOrder(factsOf(parsed).events);
  if (order.length !== seq.items.length || order.every((index, position) => index === position)) return undefined;

  const starts: number[] = [];
  let floorLine = lines.positionAt(pair.key.start).line + 1;
  for (const item of seq.items) {
    const dash = dashOf(text, item);
    if (dash === undefined) return undefined;
    let line = lines.positionAt(dash).line;
    if (text.slice(lines.lineStart(line), dash).trim() !== '' || line < floorLine) return undefined;
    while (line - 1 >= floorLine && isCommentLine(lines.lineText(line - 1))) line--;
    starts.push(lines.lineStart(line));
    floorLine = lines.positionAt(contentEnd(item, text)).line + 1;
  }
  const blockStart = starts[0] ?? 0;
  const blockEnd = nextLineStart(parsed, contentEnd(seq, text));
  if (!isSafeToMove(parsed, seq, blockStart, blockEnd)) return undefined;

  const eol = parsed.eol;
  // Slices of the source, not of `text`: moved lines keep their own line breaks, lone CRs included.
  const slices = starts.map((start, index) => {
    const slice = parsed.source.slice(start, starts[index + 1] ?? blockEnd);
    return /[\r\n]$/.test(slice) ? slice : slice + eol;
  });
  let replacement = order.map((index) => slices[index] ?? '').join('');
  // A document that ended without a line break still does.
  if (!/[\r\n]$/.test(text.slice(blockStart, blockEnd))) replacement = replacement.slice(0, replacement.length - eol.length);
  return { start: blockStart, end: blockEnd, text: replacement };
}

/**
 * A stable order in which no event certainly precedes an event above it, by the same whole-period
 * comparison as the `timeline-order` check: each step takes the first remaining event (in the
 * original order) that no remaining event ends before. Events of equal precision simply sort by
 * time; `2020-10-28` after `2020-10-28T20:47` stays where the author put it. An event without a
 * valid time travels with the event above it, which is the one it was written after.
 */
export function timeOrder(events: readonly EventFact[]): number[] {
  const groups: { start: number; end: number; members: number[] }[] = [];
  events.forEach((event, index) => {
    const time = event.at?.time;
    const last = groups.at(-1);
    // A leading group without a time precedes nothing and nothing precedes it.
    if (time || !last) groups.push({ start: time?.start ?? -Infinity, end: time?.end ?? Infinity, members: [index] });
    else last.members.push(index);
  });
  // Two min-trees over the original positions keep each step logarithmic: timelines of
  // thousands of events are asked for code actions on every cursor move.
  let size = 1;
  while (size < groups.length) size *= 2;
  const minStart = new Array<number>(2 * size).fill(Infinity);
  const minEnd = new Array<number>(2 * size).fill(Infinity);
  const set = (position: number, start: number, end: number) => {
    let node = position + size;
    minStart[node] = start;
    minEnd[node] = end;
    for (node >>= 1; node >= 1; node >>= 1) {
      minStart[node] = Math.min(minStart[2 * node] ?? Infinity, minStart[2 * node + 1] ?? Infinity);
      minEnd[node] = Math.min(minEnd[2 * node] ?? Infinity, minEnd[2 * node + 1] ?? Infinity);
    }
  };
  const alive = new Array<boolean>(groups.length).fill(true);
  groups.forEach((group, position) => set(position, group.start, group.end));
  const order: number[] = [];
  for (let step = 0; step < groups.length; step++) {
    const earliestEnd = minEnd[1] ?? Infinity;
    let node = 1;
    if ((minStart[1] ?? Infinity) < earliestEnd) {
      while (node < size) node = (minStart[2 * node] ?? Infinity) < earliestEnd ? 2 * node : 2 * node + 1;
    }
    // The group that starts first always qualifies; the fallback only guards against NaN times.
    const position = node >= size ? node - size : alive.indexOf(true);
    alive[position] = false;
    set(position, Infinity, Infinity);
    order.push(...(groups[position]?.members ?? []));
  }
  return order;
}

function isSafeToMove(parsed: ParsedPostmortem, seq: YNode, blockStart: number, blockEnd: number): boolean {
  if (parsed.syntaxProblems.some((problem) => problem.severity === 'error' && problem.end >= blockStart && problem.start <= blockEnd)) return false;
  // An alias must follow its anchor; moving items that hold aliases could put one before the other.
  const stack: YNode[] = [seq];
  while (stack.length > 0) {
    const node = stack.pop() as YNode;
    if (node.kind === 'alias') return false;
    if (node.kind === 'seq') stack.push(...node.items);
    if (node.kind === 'map') for (const child of node.pairs) if (child.value) stack.push(child.value);
  }
  return true;
}
