import type { Localizer } from '../../l10n';
import { asScalar, asSeq, childOf, type YNode } from '../../parse/tree';
import type { SummaryField } from '../../schema/summary';
import { parseTime } from '../../time';
import { unfoldCjk } from '../../util/text';
import { formatNumber, formatTime } from '../../views/format';
import type { SummaryEntry } from '../../views/model';
import { joinList } from '../../views/text';

/**
 * The schema's summary fields the document fills, worded in its language. A value of the wrong
 * shape (a map where text belongs) is left out: the schema check reports it on its node.
 */
export function summaryOf(root: YNode | null, fields: readonly SummaryField[], zone: string | undefined, l10n: Localizer): SummaryEntry[] {
  return fields.flatMap((field): SummaryEntry[] => {
    const node = childOf(root, field.key);
    const items = field.list ? (asSeq(node)?.items ?? []) : [node];
    const texts = items.map((item) => valueText(item, field, zone, l10n)).filter((text): text is string => text !== undefined && text !== '');
    if (texts.length === 0) return [];
    return [{ key: field.key, label: field.label[l10n.locale], value: joinList(texts, l10n), internal: field.internal }];
  });
}

function valueText(node: YNode | null, field: SummaryField, zone: string | undefined, l10n: Localizer): string | undefined {
  const value = asScalar(node)?.value;
  switch (field.kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? formatNumber(value, l10n.locale) : undefined;
    case 'enum':
      return typeof value === 'string' ? (field.values[l10n.locale][value] ?? value) : undefined;
    case 'date':
    case 'time': {
      if (typeof value !== 'string') return undefined;
      const time = parseTime(value, zone);
      // A date stays a date: `2021-02-09` is worded as a day, not as its midnight.
      return time ? formatTime(time.start, field.kind === 'date' ? 'day' : time.precision, zone, l10n.locale) : value;
    }
    case 'text':
      return typeof value === 'string' ? unfoldCjk(value).trim() : undefined;
  }
}
