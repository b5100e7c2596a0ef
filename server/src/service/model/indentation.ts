import type { ParsedPostmortem } from '../parse/parse';
import { defineQuery, query } from '../parse/snapshot';

const INDENT_UNIT = defineQuery<number>('indentation');

/**
 * The indentation step the document already uses — the smallest indentation of a line with
 * content other than a comment — so that blocks inserted by completion and by quick fixes look like
 * their neighbours. Read from the text, not the tree: it must hold while a line is half-typed.
 * Two spaces when nothing is indented, or when the smallest step is implausibly wide.
 */
export function indentUnitOf(parsed: ParsedPostmortem): number {
  return query(parsed, INDENT_UNIT, () => indentUnit(parsed));
}

function indentUnit(parsed: ParsedPostmortem): number {
  let unit = Infinity;
  for (let line = 0; line < parsed.lines.lineCount; line++) {
    const text = parsed.lines.lineText(line);
    let indent = 0;
    while (text[indent] === ' ' || text[indent] === '\t') indent++;
    if (indent === 0 || indent >= unit || indent === text.length || text[indent] === '#') continue;
    unit = indent;
  }
  return Number.isFinite(unit) && unit <= 8 ? unit : 2;
}
