import type { ViewModel } from '../shared/messages';
import { el, fmt, type Child } from './dom';
import { section } from './sections';

type Countermeasure = ViewModel['countermeasureGroups'][number]['items'][number];

/**
 * The parts of the preview that format 1.1 adds: impact windows, action-item details, lessons and
 * links. Same rules as sections.ts: text only through `el(..., { text })`, and no `href` anywhere:
 * a link is a button that asks the extension to open its URL, which it does for https only.
 */

/**
 * The report stage, then the schema's summary fields (severity, services, regions…) as header
 * chips: [label, value, class]. The server words every entry; a new summary field needs no code here.
 */
export function headerChips(model: ViewModel): [string, string | undefined, string][] {
  return [[model.labels['notice.field.report'], model.header.reportLabel, 'report'], ...model.summary.map((entry): [string, string, string] => [entry.label, entry.value, entry.key])];
}

/** The impact windows with their ranges and lengths; each links to its source. */
export function windows(model: ViewModel): HTMLElement | null {
  if (model.impact.windows.length === 0) return null;
  const items = model.impact.windows.map((window, index) =>
    el(
      'li',
      {},
      el(
        'button',
        { className: 'item window', attrs: { type: 'button', 'data-item': window.id } },
        el('span', { className: `swatch window-swatch-${index % 4}`, attrs: { 'aria-hidden': 'true' } }),
        el('span', { className: 'window-name', text: window.label }),
        el('span', { className: 'window-range', text: window.rangeText ?? model.labels['notice.preview.noTime'] }),
        window.lengthText ? el('span', { className: 'window-length', text: window.lengthText }) : null,
      ),
    ),
  );
  return section('windows', model.labels['notice.preview.windows'], el('ul', { className: 'windows' }, ...items));
}

/** A link the person can follow: https only, opened by the extension, never by the webview. */
export function linkButton(url: string, label: string, https: boolean): HTMLElement {
  return https ? el('button', { className: 'link', text: label, attrs: { type: 'button', 'data-url': url, title: url } }) : el('span', { className: 'insecure-link', text: label, attrs: { title: url } });
}

/** Owner, due date (red when overdue), priority, ticket and a wont_do's reason, under the action. */
export function actionDetails(item: Countermeasure, model: ViewModel): Child {
  const { labels } = model;
  const parts: Child[] = [];
  if (item.status === 'wont_do' && item.reason) parts.push(el('span', { className: 'reason', text: item.reason }));
  if (item.owner) parts.push(el('span', { className: `owner${item.overdue ? ' overdue' : ''}`, text: fmt(labels['notice.cm.owner'], item.owner) }));
  if (item.dueText) parts.push(el('span', { className: `due${item.overdue ? ' overdue' : ''}`, text: item.overdue ? `${fmt(labels['notice.cm.due'], item.dueText)} · ${labels['notice.cm.overdue']}` : fmt(labels['notice.cm.due'], item.dueText) }));
  if (item.priority) parts.push(el('span', { className: 'priority', text: fmt(labels['notice.cm.priority'], item.priority) }));
  if (item.ticket) parts.push(el('code', { className: 'ticket', text: item.ticket.url ? ticketName(item.ticket.url) : item.ticket.text }));
  return parts.length > 0 ? el('span', { className: 'cm-details' }, ...parts) : null;
}

/** The ticket's link sits beside the item's button, not in it: a button inside a button is neither valid nor reachable. */
export function ticketLink(item: Countermeasure, model: ViewModel): Child {
  if (!item.ticket?.url) return null;
  return el('button', { className: 'link ticket-link', text: '↗', attrs: { type: 'button', 'data-url': item.ticket.url, title: item.ticket.url, 'aria-label': fmt(model.labels['notice.cm.ticket'], item.ticket.url) } });
}

/** `OPS-1413` for `https://tracker.example.com/browse/OPS-1413`: the last part of the path names the ticket. */
function ticketName(url: string): string {
  return url.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() || url;
}

/** The four lists of lessons, those that have entries. */
export function lessons(model: ViewModel): HTMLElement | null {
  if (model.lessons.length === 0) return null;
  const lists = model.lessons.map((list) => el('div', { className: `lesson-list lessons-${list.key}` }, el('h3', { text: list.label }), el('ul', {}, ...list.items.map((text) => el('li', { text })))));
  return section('lessons', model.labels['notice.preview.lessons'], ...lists);
}

export function references(model: ViewModel): HTMLElement | null {
  if (model.references.length === 0) return null;
  const items = model.references.map((reference) => el('li', {}, linkButton(reference.url, reference.title, reference.https), reference.https ? null : el('span', { className: 'url', text: ` ${reference.url}` })));
  return section('links', model.labels['notice.section.links'], el('ul', { className: 'references' }, ...items));
}
