import type { Localizer, MessageKey } from '../../l10n';
import type { CountermeasureFact, CountFact, FactorFact } from '../../model/facts';
import { asMap, asSeq, childOf, stringValue, type YNode } from '../../parse/tree';
import { parseTime } from '../../time';
import { unfoldCjk } from '../../util/text';
import { ticketLink } from '../../config/projectConfig';
import { isHttpsUrl } from '../../util/url';
import { formatNumber, formatTime, regionLabel } from './format';
import type { BreakdownView, CountermeasureGroup, CountermeasureType, CountermeasureView, CountView, FactorView, Language } from './model';
import { COUNTERMEASURE_STATUSES, COUNTERMEASURE_TYPES, isOneOf } from '../../../contracts/vocabulary';

/** Counts as bars: each against the largest count of the same unit, its breakdown as shares of it. */
export function countViews(counts: readonly CountFact[], l10n: Localizer): CountView[] {
  const language = l10n.locale as Language;
  const largest = new Map<string, number>();
  for (const count of counts) {
    const unit = count.unit ?? '';
    largest.set(unit, Math.max(largest.get(unit) ?? 0, count.value ?? 0));
  }
  return counts.map((count): CountView => {
    const parts = count.breakdown.map((part) => part.value ?? 0);
    const sum = parts.reduce((total, value) => total + value, 0);
    const whole = Math.max(count.value ?? 0, sum);
    const breakdown = count.breakdown.map(
      (part): BreakdownView => ({
        key: part.key,
        label: regionLabel(part.key, l10n),
        value: part.value,
        valueText: part.value === undefined ? l10n.t('notice.value.missing') : formatNumber(part.value, language),
        share: whole > 0 && part.value !== undefined ? part.value / whole : 0,
      }),
    );
    const max = largest.get(count.unit ?? '') ?? 0;
    const allKnown = count.breakdown.every((part) => part.value !== undefined);
    return {
      id: `count:${count.index}`,
      label: unfoldCjk(count.label),
      value: count.value,
      valueText: valueText(count.value, count.qualifier, count.unit, l10n),
      qualifier: count.qualifier,
      unit: count.unit,
      scale: max > 0 && count.value !== undefined ? count.value / max : 0,
      breakdown,
      sumMismatch: count.qualifier === 'exact' && breakdown.length > 0 && allKnown && count.value !== undefined && sum !== count.value,
      sumText: formatNumber(sum, language),
    };
  });
}

/** `about 135,000 users`, `約13,500人`: the figure as a notice would write it. */
export function valueText(value: number | undefined, qualifier: string, unit: string | undefined, l10n: Localizer): string {
  const figure = value === undefined ? l10n.t('notice.value.missing') : formatNumber(value, l10n.locale as Language);
  // A Latin unit after a Japanese figure still needs its space ("100 users", "100人").
  const withUnit = unit ? (l10n.locale === 'ja' && /^[A-Za-z]/.test(unit) ? `${figure} ${unit}` : l10n.t('notice.value.unit', figure, unit)) : figure;
  const key = `notice.qualifier.${qualifier}`;
  return isQualifier(key) ? l10n.t(key, withUnit) : withUnit;
}

function isQualifier(key: string): key is MessageKey {
  return key === 'notice.qualifier.exact' || key === 'notice.qualifier.approximately' || key === 'notice.qualifier.at_most' || key === 'notice.qualifier.at_least';
}

export function factorViews(factors: readonly FactorFact[], countermeasures: readonly CountermeasureFact[]): FactorView[] {
  const byFactor = new Map<string, string[]>();
  for (const countermeasure of countermeasures) {
    for (const reference of countermeasure.addresses) {
      const list = byFactor.get(reference.id) ?? [];
      if (!list.includes(`cm:${countermeasure.index}`)) list.push(`cm:${countermeasure.index}`);
      byFactor.set(reference.id, list);
    }
  }
  return factors.map((factor): FactorView => {
    const addressedBy = factor.id ? (byFactor.get(factor.id.id) ?? []) : [];
    return { id: `factor:${factor.index}`, factorId: factor.id?.id, description: unfoldCjk(factor.description), addressedBy, addressed: addressedBy.length > 0, accepted: factor.accepted ? unfoldCjk(factor.accepted.text) : undefined };
  });
}

const GROUP_ORDER: readonly CountermeasureType[] = [...COUNTERMEASURE_TYPES, 'unspecified'];

export function countermeasureGroups(countermeasures: readonly CountermeasureFact[], factors: readonly FactorFact[], zone: string | undefined, l10n: Localizer, options: { today: string | undefined; ticketUrl?: string | undefined }): CountermeasureGroup[] {
  const language = l10n.locale as Language;
  const factorItem = new Map<string, string>();
  for (const factor of factors) if (factor.id && !factorItem.has(factor.id.id)) factorItem.set(factor.id.id, `factor:${factor.index}`);
  const groups = new Map<CountermeasureType, CountermeasureView[]>();
  for (const countermeasure of countermeasures) {
    const type: CountermeasureType = isOneOf(COUNTERMEASURE_TYPES, countermeasure.type) ? countermeasure.type : 'unspecified';
    const date = countermeasure.date;
    const parsedDate = date === undefined ? undefined : parseTime(date, zone);
    const due = countermeasure.due?.text;
    const parsedDue = due === undefined ? undefined : parseTime(due, zone);
    const ticket = countermeasure.ticket?.text;
    const view: CountermeasureView = {
      id: `cm:${countermeasure.index}`,
      cmId: countermeasure.id?.id,
      action: unfoldCjk(countermeasure.action),
      status: countermeasure.status,
      statusLabel: statusLabel(countermeasure.status, l10n),
      date,
      dateText: parsedDate ? formatTime(parsedDate.start, 'day', zone, language) : date,
      addresses: countermeasure.addresses.map((reference) => ({ factorId: reference.id, itemId: factorItem.get(reference.id) })),
      owner: countermeasure.owner?.text,
      due,
      dueText: parsedDue ? formatTime(parsedDue.start, 'day', zone, language) : due,
      overdue: isOverdue(due, countermeasure.status, options.today),
      priority: countermeasure.priority?.text,
      ticket: ticket === undefined ? undefined : { text: ticket, url: httpsOnly(ticketLink(ticket, options.ticketUrl)) },
      reason: countermeasure.reason ? unfoldCjk(countermeasure.reason.text) : undefined,
    };
    groups.set(type, [...(groups.get(type) ?? []), view]);
  }
  return GROUP_ORDER.filter((type) => groups.has(type)).map((type) => ({ type, label: l10n.t(`notice.cmType.${type}`), items: groups.get(type) ?? [] }));
}

function httpsOnly(url: string | undefined): string | undefined {
  return url !== undefined && isHttpsUrl(url) ? url : undefined;
}

/** A due date before today, on an item that is neither done nor dropped. Dates compare as text (YYYY-MM-DD). */
function isOverdue(due: string | undefined, status: string | undefined, today: string | undefined): boolean {
  if (!due || !today || status === 'done' || status === 'wont_do') return false;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(due)?.[0];
  return day !== undefined && day < today;
}

function statusLabel(status: string | undefined, l10n: Localizer): string {
  // A status the schema gains does not compile here until its label exists.
  return isOneOf(COUNTERMEASURE_STATUSES, status) ? l10n.t(`notice.cmStatus.${status}`) : l10n.t('notice.cmStatus.unknown');
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
