import { createLocalizer, type Localizer } from '../../l10n';
import { formatRange } from '../timeline/format';
import type { CountView, TimelineEvent, TimelineModel } from '../timeline/model';

/**
 * The notice as a few kinds of blocks, so that Markdown and HTML say exactly the same thing and
 * only differ in syntax and escaping. Every string in here is document text, never markup.
 */
export type Inline = { text: string } | { strong: string } | { link: string; label: string };
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; items: Inline[][] };

/** The seeds' order: overview, impact, cause, timeline, countermeasures, contact, revisions. */
export function noticeOutline(model: TimelineModel): Block[] {
  const l10n = createLocalizer(model.language);
  const blocks: Block[] = [{ kind: 'title', text: model.header.title }];
  const meta: Inline[][] = [];
  if (model.header.publishedText) meta.push(labelled(l10n, 'notice.field.published', model.header.publishedText));
  if (model.header.status && model.header.status !== 'published') meta.push(labelled(l10n, 'notice.field.status', model.header.statusLabel ?? model.header.status));
  if (meta.length > 0) blocks.push({ kind: 'list', items: meta });

  let number = 0;
  const section = (key: 'notice.section.overview' | 'notice.section.impact' | 'notice.section.cause' | 'notice.section.countermeasures' | 'notice.section.contact' | 'notice.section.revisions' | 'notice.section.timeline', ...args: string[]) => {
    blocks.push({ kind: 'heading', level: 2, text: l10n.t('notice.text.numbered', ++number, l10n.t(key, ...args)) });
  };
  const paragraph = (text: string | undefined) => {
    for (const part of paragraphs(text)) blocks.push({ kind: 'paragraph', content: [{ text: part }] });
  };
  const sub = (text: string, items: Inline[][]) => {
    if (items.length === 0) return;
    blocks.push({ kind: 'heading', level: 3, text }, { kind: 'list', items });
  };

  section('notice.section.overview');
  paragraph(model.overview);

  section('notice.section.impact');
  paragraph(model.impact.summary);
  const period = periodText(model, l10n);
  if (period) blocks.push({ kind: 'list', items: [labelled(l10n, 'notice.field.period', period)] });
  sub(l10n.t('notice.field.effects'), model.impact.effects.map((effect) => [{ text: effect }]));
  sub(l10n.t('notice.field.counts'), model.counts.map((count) => countLine(count, l10n)));
  sub(l10n.t('notice.field.dataExposed'), model.impact.dataExposed.map((kind) => [{ text: kind }]));

  section('notice.section.cause');
  paragraph(model.cause.summary);
  sub(l10n.t('notice.field.factors'), model.factors.filter((factor) => factor.description).map((factor) => [{ text: factor.description }]));
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
    const items = group.items.map((item): Inline[] => [{ text: l10n.t('notice.text.paren', item.action, statusText(item.status, item.statusLabel, item.dateText, l10n)) }]);
    if (onlyUnspecified) blocks.push({ kind: 'list', items });
    else sub(group.label, items);
  }

  section('notice.section.contact');
  paragraph(model.contact?.note);
  if (model.contact) {
    // Only https links are made clickable; anything else is shown as text for the reader to judge.
    const target: Inline = model.contact.https ? { link: new URL(model.contact.url).href, label: model.contact.url } : { text: model.contact.url };
    blocks.push({ kind: 'paragraph', content: [target] });
  }

  if (model.revisions.length > 0) {
    section('notice.section.revisions');
    blocks.push({ kind: 'list', items: model.revisions.map((revision) => [{ strong: revision.dateText }, { text: ` ${revision.note}` }]) });
  }
  return blocks;
}

function labelled(l10n: Localizer, key: 'notice.field.published' | 'notice.field.status' | 'notice.field.period' | 'notice.field.trigger' | 'notice.field.detection', value: string): Inline[] {
  // The template puts the label first; the label is bold, so only what follows it is plain text.
  return [{ strong: l10n.t(key) }, { text: l10n.t('notice.text.labelValue', '', value) }];
}

function periodText(model: TimelineModel, l10n: Localizer): string | undefined {
  const { start, end } = model.impact;
  if (!start) return undefined;
  const range = end ? formatRange(start, end, model.zone.name, l10n) : l10n.t('notice.period.ongoing', start.text);
  return l10n.t('notice.text.paren', range, model.zone.label);
}

function countLine(count: CountView, l10n: Localizer): Inline[] {
  const value = l10n.t('notice.text.labelValue', count.label, count.valueText);
  if (count.breakdown.length === 0) return [{ text: value }];
  const parts = count.breakdown.map((part) => `${part.label} ${part.valueText}`).join(' / ');
  return [{ text: l10n.t('notice.text.paren', value, l10n.t('notice.breakdown.list', parts)) }];
}

function eventLine(event: TimelineEvent, model: TimelineModel, l10n: Localizer): Inline[] {
  const when = event.at ? (event.until ? formatRange(event.at, event.until, model.zone.name, l10n) : event.at.text) : '—';
  return [{ strong: when }, { text: ` ${event.text}` }];
}

function statusText(status: string | undefined, label: string, dateText: string | undefined, l10n: Localizer): string {
  if (!dateText) return label;
  if (status === 'done') return l10n.t('notice.cmStatus.doneOn', dateText);
  return l10n.t('notice.cmStatus.dated', label, dateText);
}

/** Blank lines separate paragraphs; single line breaks inside one are kept as written. */
function paragraphs(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
