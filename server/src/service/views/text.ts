import type { Localizer } from '../l10n';
import { asMap, asSeq, childOf, stringValue, type YNode } from '../parse/tree';
import { parseTime } from '../time';
import { unfoldCjk } from '../util/text';
import { formatTime } from './format';
import type { Language } from './model';

/** `a, b, c` in English, `a、b、c` in Japanese. */
export function joinList(items: readonly string[], l10n: Localizer): string {
  return items.join(l10n.locale === 'ja' ? '、' : ', ');
}

/** Document text as the reader should see it: without the spaces YAML folding put between Japanese lines. */
export function proseValue(node: YNode | null | undefined): string | undefined {
  const text = stringValue(node);
  return text === undefined ? undefined : unfoldCjk(text);
}

/** A list of strings (`effects`, `data_exposed`); items that are not text are left out. */
export function stringList(node: YNode | null): string[] {
  return (asSeq(node)?.items ?? []).map((item) => proseValue(item)).filter((text): text is string => text !== undefined && text !== '');
}

export function revisionsOf(root: YNode | null, zone: string | undefined, l10n: Localizer): { id: string; date: string; dateText: string; note: string; node: YNode }[] {
  return (asSeq(childOf(root, 'revisions'))?.items ?? []).flatMap((node, index) => {
    if (!asMap(node)) return [];
    const date = stringValue(childOf(node, 'date')) ?? '';
    const parsed = date ? parseTime(date, zone) : undefined;
    return [{ id: `revision:${index}`, date, dateText: parsed ? formatTime(parsed.start, parsed.precision, zone, l10n.locale as Language) : date, note: proseValue(childOf(node, 'note')) ?? '', node }];
  });
}
