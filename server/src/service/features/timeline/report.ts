import type { Localizer } from '../../l10n';
import { LESSON_KEYS, type PostmortemFacts } from '../../model/facts';
import { asScalar, type YNode } from '../../parse/tree';
import type { ParsedTime } from '../../time';
import { unfoldCjk } from '../../util/text';
import { formatRange, formatSpan } from '../../views/format';
import type { Header, LessonList, TimeView, WindowView } from '../../views/model';
import { isOneOf, REPORT_STAGES } from '../../../contracts/vocabulary';

/** Format 1.1's `report` (preliminary / final): drawn apart from the summary fields, the notice puts it in the title. */
export function reportFields(facts: PostmortemFacts, l10n: Localizer): Pick<Header, 'report' | 'reportLabel'> {
  const report = facts.report?.text;
  const reportLabel = isOneOf(REPORT_STAGES, report) ? l10n.t(`notice.report.${report}`) : report;
  return { report, reportLabel };
}

/** `impact.windows` as views; their places on the axis are added once the axis is laid out. */
export function windowsOf(facts: PostmortemFacts, view: (time: ParsedTime | undefined) => TimeView | undefined, l10n: Localizer): WindowView[] {
  return facts.windows.map((window): WindowView => {
    const start = view(window.start?.time);
    const end = view(window.end?.time);
    const endInstant = end ? (end.precision === 'day' || end.precision === 'month' ? end.end : end.instant) : undefined;
    return {
      id: `window:${window.index}`,
      label: unfoldCjk(window.label),
      start,
      end,
      ongoing: Boolean(start && !window.end),
      rangeText: start ? (end ? formatRange(start, end, facts.zone, l10n) : l10n.t('notice.period.ongoing', start.text)) : undefined,
      // A length only where it means something: both ends known and in order.
      lengthText: start && endInstant !== undefined && endInstant > start.instant ? formatSpan(endInstant - start.instant, l10n) : undefined,
    };
  });
}

export function lessonsOf(facts: PostmortemFacts, l10n: Localizer): LessonList[] {
  return LESSON_KEYS.map((key) => ({ key, label: l10n.t(`notice.lessons.${key}`), items: facts.lessons[key].map((fact) => unfoldCjk(fact.text)).filter((text) => text !== '') })).filter((list) => list.items.length > 0);
}

export function referencesOf(facts: PostmortemFacts, isHttps: (url: string) => boolean): { title: string; url: string; https: boolean }[] {
  return facts.links.flatMap((link) => {
    const url = link.url?.text;
    return url ? [{ title: unfoldCjk(link.title) || url, url, https: isHttps(url) }] : [];
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
