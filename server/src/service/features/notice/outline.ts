import { createLocalizer, type Localizer, type MessageKey } from '../../l10n';
import { formatRange } from '../../views/format';
import type { CountView, TimelineEvent, TimelineModel } from '../../views/model';
import type { NoticeAudience } from '../notice';
import { countermeasureLine, factorNumbers, internalSections } from './parts';
import { prose } from './text';
import { isOneOf, REPORT_STAGES } from '../../../contracts/vocabulary';

/**
 * The notice as a few kinds of blocks, so that Markdown and HTML say exactly the same thing and
 * only differ in syntax and escaping. Every string in here is document text, never markup.
 */
export type Inline = { text: string } | { strong: string } | { code: string } | { link: string; label: string };
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; items: Inline[][] };

export interface OutlineContext {
  model: TimelineModel;
  l10n: Localizer;
  blocks: Block[];
  /** Adds a numbered `##` heading. */
  section(key: MessageKey, ...args: string[]): void;
  /** A `###` heading and its list, or nothing when the list is empty. */
  sub(text: string, items: Inline[][]): void;
  paragraph(text: string | undefined): void;
}

/**
 * The seeds' order: overview, impact, cause, timeline, countermeasures, contact, revisions. The
 * internal version adds owners, due dates, priorities and tickets to the countermeasures, and the
 * lessons, links and `x-` fields after them; the public version never reads those fields.
 */
export function noticeOutline(model: TimelineModel, audience: NoticeAudience = 'public'): Block[] {
  const internal = audience === 'internal';
  const l10n = createLocalizer(model.language);
  const { header } = model;
  const report = isOneOf(REPORT_STAGES, header.report) ? header.reportLabel : undefined;
  const blocks: Block[] = [{ kind: 'title', text: report ? l10n.t('notice.title.report', report, header.title) : header.title }];
  if (internal) blocks.push({ kind: 'paragraph', content: [{ strong: l10n.t('notice.audience.internal') }] });
  const meta: Inline[][] = [];
  if (header.publishedText) meta.push(labelled(l10n, 'notice.field.published', header.publishedText));
  if (header.status && header.status !== 'published') meta.push(labelled(l10n, 'notice.field.status', header.statusLabel ?? header.status));
  // The schema's summary fields, worded already; an internal one stays out of the public notice.
  for (const entry of model.summary) if (internal || !entry.internal) meta.push(labelledText(l10n, entry.label, entry.value));
  if (meta.length > 0) blocks.push({ kind: 'list', items: meta });

  let number = 0;
  const context: OutlineContext = {
    model,
    l10n,
    blocks,
    section: (key, ...args) => blocks.push({ kind: 'heading', level: 2, text: l10n.t('notice.text.numbered', ++number, l10n.t(key, ...args)) }),
    sub: (text, items) => {
      if (items.length > 0) blocks.push({ kind: 'heading', level: 3, text }, { kind: 'list', items });
    },
    paragraph: (text) => {
      for (const part of paragraphs(text)) blocks.push({ kind: 'paragraph', content: prose(part) });
    },
  };
  const { section, sub, paragraph } = context;

  section('notice.section.overview');
  paragraph(model.overview);

  section('notice.section.impact');
  paragraph(model.impact.summary);
  const period = periodText(model, l10n);
  if (period) blocks.push({ kind: 'list', items: [labelled(l10n, 'notice.field.period', period)] });
  sub(
    l10n.t('notice.field.windows'),
    model.impact.windows.flatMap((window) => (window.rangeText ? [prose(l10n.t('notice.window.line', window.label, window.lengthText ? l10n.t('notice.text.paren', window.rangeText, window.lengthText) : window.rangeText))] : [])),
  );
  sub(l10n.t('notice.field.effects'), model.impact.effects.map(prose));
  sub(l10n.t('notice.field.counts'), model.counts.map((count) => countLine(count, l10n)));
  sub(l10n.t('notice.field.dataExposed'), model.impact.dataExposed.map(prose));
  if (model.impact.noDataExposed) blocks.push({ kind: 'paragraph', content: [{ text: l10n.t('notice.dataExposed.none') }] });
  sub(
    l10n.t('notice.field.durations'),
    model.durations.filter((duration) => duration.ms !== undefined).map((duration) => [{ text: l10n.t('notice.text.labelValue', duration.label, duration.text) }]),
  );

  section('notice.section.cause');
  paragraph(model.cause.summary);
  const numbers = factorNumbers(model);
  sub(
    l10n.t('notice.field.factors'),
    model.factors
      .filter((factor) => factor.description)
      .map((factor) => {
        const text = factor.accepted ? l10n.t('notice.text.paren', factor.description, l10n.t('notice.factor.accepted', factor.accepted)) : factor.description;
        const numbered = numbers.get(factor.id);
        return numbered === undefined ? prose(text) : [{ strong: l10n.t('notice.factor.numbered', numbered) }, ...prose(l10n.t('notice.text.labelValue', '', text))];
      }),
  );
  if (model.cause.trigger) blocks.push({ kind: 'paragraph', content: labelled(l10n, 'notice.field.trigger', model.cause.trigger) });
  if (model.detection) {
    const how = model.detection.summary ? l10n.t('notice.text.paren', model.detection.methodLabel, model.detection.summary) : model.detection.methodLabel;
    blocks.push({ kind: 'paragraph', content: labelled(l10n, 'notice.field.detection', how) });
  }

  section('notice.section.timeline', model.zone.label);
  blocks.push({ kind: 'list', items: model.events.map((event) => eventLine(event, model, l10n)) });

  section('notice.section.countermeasures');
  const groups = model.countermeasureGroups;
  const onlyUnspecified = groups.length === 1 && groups[0]?.type === 'unspecified';
  for (const group of groups) {
    const items = group.items.map((item) => countermeasureLine(item, numbers, l10n, internal));
    if (onlyUnspecified) blocks.push({ kind: 'list', items });
    else sub(group.label, items);
  }

  if (internal) internalSections(context, 'lessons');

  section('notice.section.contact');
  paragraph(model.contact?.note);
  if (model.contact) {
    // Only https links are made clickable; anything else is shown as text for the reader to judge.
    const target: Inline = model.contact.https ? { link: new URL(model.contact.url).href, label: model.contact.url } : { text: model.contact.url };
    blocks.push({ kind: 'paragraph', content: [target] });
  }

  if (model.revisions.length > 0) {
    section('notice.section.revisions');
    blocks.push({ kind: 'list', items: model.revisions.map((revision) => [{ strong: revision.dateText }, ...prose(` ${revision.note}`)]) });
  }
  if (internal) internalSections(context, 'links');
  return blocks;
}

function labelled(l10n: Localizer, key: MessageKey, value: string): Inline[] {
  return labelledText(l10n, l10n.t(key), value);
}

function labelledText(l10n: Localizer, label: string, value: string): Inline[] {
  // The template puts the label first; the label is bold, so only what follows it is plain text.
  return [{ strong: label }, ...prose(l10n.t('notice.text.labelValue', '', value))];
}

function periodText(model: TimelineModel, l10n: Localizer): string | undefined {
  const { start, end } = model.impact;
  if (!start) return undefined;
  const range = end ? formatRange(start, end, model.zone.name, l10n) : l10n.t('notice.period.ongoing', start.text);
  return l10n.t('notice.text.paren', range, model.zone.label);
}

function countLine(count: CountView, l10n: Localizer): Inline[] {
  const value = l10n.t('notice.text.labelValue', count.label, count.valueText);
  if (count.breakdown.length === 0) return prose(value);
  const parts = count.breakdown.map((part) => `${part.label} ${part.valueText}`).join(' / ');
  return prose(l10n.t('notice.text.paren', value, l10n.t('notice.breakdown.list', parts)));
}

function eventLine(event: TimelineEvent, model: TimelineModel, l10n: Localizer): Inline[] {
  const range = event.at ? (event.until ? formatRange(event.at, event.until, model.zone.name, l10n) : event.at.text) : '—';
  const when = event.at && event.approximate ? l10n.t('notice.time.approximate', range) : range;
  return [{ strong: when }, ...prose(` ${event.text}`)];
}

/** Blank lines separate paragraphs; single line breaks inside one are kept as written. */
function paragraphs(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
