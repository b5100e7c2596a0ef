import type { Localizer } from '../../l10n';
import { asMap, asScalar, asSeq, childOf, stringValue, type YNode } from '../../parse/tree';
import { parseTime, type ParsedTime } from '../../time';
import { formatRange, formatSpan } from './format';
import { LESSON_KEYS, type Header, type LessonList, type TimeView, type WindowView } from './model';
import { proseValue, scalarText, stringList } from './sections';

/** Format 1.1's header fields: `severity` and `report` (preliminary / final). */
export function reportFields(root: YNode | null, l10n: Localizer): Pick<Header, 'severity' | 'report' | 'reportLabel'> {
  const severity = scalarText(childOf(root, 'severity'));
  const report = stringValue(childOf(root, 'report'));
  const reportLabel = report === 'preliminary' || report === 'final' ? l10n.t(`notice.report.${report}`) : report;
  return { severity, report, reportLabel };
}

/** `impact.windows` as views; their places on the axis are added once the axis is laid out. */
export function windowsOf(impact: YNode | null, view: (time: ParsedTime | undefined) => TimeView | undefined, zone: string | undefined, l10n: Localizer): WindowView[] {
  return (asSeq(childOf(impact, 'windows'))?.items ?? []).flatMap((node, index): WindowView[] => {
    if (!asMap(node)) return [];
    const timeAt = (key: string) => {
      const text = stringValue(childOf(node, key));
      return text === undefined ? undefined : view(parseTime(text, zone));
    };
    const start = timeAt('start');
    const end = timeAt('end');
    const endInstant = end ? (end.precision === 'day' || end.precision === 'month' ? end.end : end.instant) : undefined;
    return [
      {
        id: `window:${index}`,
        label: proseValue(childOf(node, 'label')) ?? '',
        start,
        end,
        ongoing: Boolean(start && !childOf(node, 'end')),
        rangeText: start ? (end ? formatRange(start, end, zone, l10n) : l10n.t('notice.period.ongoing', start.text)) : undefined,
        // A length only where it means something: both ends known and in order.
        lengthText: start && endInstant !== undefined && endInstant > start.instant ? formatSpan(endInstant - start.instant, l10n) : undefined,
      },
    ];
  });
}

export function lessonsOf(root: YNode | null, l10n: Localizer): LessonList[] {
  return LESSON_KEYS.map((key) => ({ key, label: l10n.t(`notice.lessons.${key}`), items: stringList(childOf(root, key)) })).filter((list) => list.items.length > 0);
}

export function referencesOf(root: YNode | null, isHttps: (url: string) => boolean): { title: string; url: string; https: boolean }[] {
  return (asSeq(childOf(root, 'links'))?.items ?? []).flatMap((node) => {
    const url = stringValue(childOf(node, 'url'));
    if (!url) return [];
    return [{ title: proseValue(childOf(node, 'title')) ?? url, url, https: isHttps(url) }];
  });
}

/** Every `x-` field with its path, its value as text (JSON for lists and maps). */
export function extensionsOf(root: YNode | null): { path: string; text: string }[] {
  const found: { path: string; text: string }[] = [];
  const walk = (node: YNode | null, path: string, depth: number) => {
    if (!node || depth > 32) return;
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        const key = String(pair.key.value);
        const at = path ? `${path}.${key}` : key;
        if (key.startsWith('x-')) found.push({ path: at, text: textOf(pair.value) });
        else walk(pair.value, at, depth + 1);
      }
    } else if (node.kind === 'seq') {
      node.items.forEach((item, index) => walk(item, `${path}[${index}]`, depth + 1));
    }
  };
  walk(root, '', 0);
  return found;
}

function textOf(node: YNode | null): string {
  const scalar = asScalar(node);
  if (scalar) return scalar.value === null || scalar.value === undefined ? '' : String(scalar.value);
  return JSON.stringify(plain(node));
}

function plain(node: YNode | null, depth = 0): unknown {
  if (!node || depth > 32) return null;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map((item) => plain(item, depth + 1));
  if (node.kind === 'map') return Object.fromEntries(node.pairs.map((pair) => [String(pair.key.value), plain(pair.value, depth + 1)]));
  return null;
}
