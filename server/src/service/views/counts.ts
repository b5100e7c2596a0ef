import type { Localizer, MessageKey } from '../l10n';
import type { CountFact } from '../model/facts';
import { unfoldCjk } from '../util/text';
import { formatNumber, regionLabel } from './format';
import type { BreakdownView, CountView, Language } from './model';

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
