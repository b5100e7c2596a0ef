import type { ParsedPostmortem } from '../parse/parse';
import { LINE_CONTENT, scanLines } from '../parse/scan/lines';
import { defineQuery, query } from '../parse/snapshot';

const INDENT_UNIT = defineQuery<number>('indentation');

/**
 * The indentation step the document already uses — the smallest indentation of a line with
 * content other than a comment — so that blocks inserted by completion and by quick fixes look like
 * their neighbours. Read from the text, not the tree: it must hold while a line is half-typed.
 * Two spaces when nothing is indented, or when the smallest step is implausibly wide. Indentation
 * is spaces only, as the scanner (and YAML) count it.
 */
export function indentUnitOf(parsed: ParsedPostmortem): number {
  return query(parsed, INDENT_UNIT, () => indentUnit(parsed));
}

function indentUnit(parsed: ParsedPostmortem): number {
  const lines = scanLines(parsed.text);
  let unit = Infinity;
  for (let line = 0; line < lines.count; line++) {
    const indent = lines.indents[line] ?? 0;
    if (indent === 0 || indent >= unit || lines.kinds[line] !== LINE_CONTENT) continue;
    unit = indent;
  }
  return Number.isFinite(unit) && unit <= 8 ? unit : 2;
}
