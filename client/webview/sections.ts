import type { DiagnosticView, ViewModel } from '../shared/messages';
import { el, fmt, percent, place, type Child } from './dom';
import { actionDetails, headerChips, ticketLink } from './sections11';

type Problems = Record<string, DiagnosticView[]>;

/** A section with a heading the screen reader can jump to. */
export function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return el('section', { className: `section section-${id}`, attrs: { 'aria-labelledby': `h-${id}` } }, el('h2', { text: title, attrs: { id: `h-${id}` } }), ...children);
}

/** Problems on an item: an icon for the eye, the messages for the screen reader and the tooltip. */
export function problemBadge(problems: readonly DiagnosticView[] | undefined): Child {
  if (!problems || problems.length === 0) return null;
  const worst = problems.find((p) => p.severity === 'error') ?? problems.find((p) => p.severity === 'warning') ?? (problems[0] as DiagnosticView);
  return el(
    'span',
    { className: `diag ${worst.severity}`, attrs: { title: problems.map((p) => p.message).join('\n') } },
    el('span', { text: worst.severity === 'error' ? '⛔' : worst.severity === 'warning' ? '⚠' : 'ℹ', attrs: { 'aria-hidden': 'true' } }),
    el('span', { className: 'sr-only', text: problems.map((p) => p.message).join('. ') }),
  );
}

/** An item that shows its source when activated: a real button, so keyboards and readers know it. */
function itemButton(id: string, className: string, problems: Problems, ...children: Child[]): HTMLElement {
  return el('button', { className: `item ${className}`, attrs: { type: 'button', 'data-item': id } }, ...children, problemBadge(problems[id]));
}

export function header(model: ViewModel, fileName: string, problems: Problems, general: readonly DiagnosticView[]): HTMLElement {
  const { header: h, labels } = model;
  const chips: [string, string | undefined, string][] = [
    [labels['notice.field.status'], h.statusLabel, 'status'],
    ...headerChips(model),
    [labels['notice.field.published'], h.publishedText, 'published'],
    [labels['notice.field.language'], h.languageName, 'language'],
    [labels['notice.field.zone'], model.zone.label, 'zone'],
  ];
  return el(
    'header',
    { className: 'header' },
    el('h1', {}, itemButton('header', 'title', problems, el('span', { text: h.title || fileName }))),
    el('ul', { className: 'chips' }, ...chips.filter(([, value]) => value).map(([label, value, kind]) => el('li', { className: `chip chip-${kind}` }, el('span', { className: 'chip-label', text: `${label} ` }), el('span', { text: value ?? '' })))),
    general.length > 0 ? el('div', { className: 'general-problems', attrs: { role: 'note' } }, el('span', { text: `${labels['notice.preview.documentProblems']} ` }), problemBadge(general), el('span', { text: ` ${general.length}` })) : null,
    model.overview ? el('details', { className: 'overview' }, el('summary', { text: labels['notice.section.overview'] }), el('p', { text: model.overview })) : null,
  );
}

export function durations(model: ViewModel, problems: Problems): HTMLElement {
  const { labels, disclosure } = model;
  const items = model.durations.map((duration) => {
    const value = duration.toId && duration.ms !== undefined ? itemButton(duration.toId, 'duration-value', {}, el('span', { text: duration.text })) : el('span', { className: 'duration-value missing', text: duration.text });
    return el('div', { className: `duration${duration.late ? ' late' : ''}` }, el('dt', { text: duration.label }), el('dd', {}, value, duration.late ? el('span', { className: 'late-flag', text: ' ⚠', attrs: { 'aria-hidden': 'true' } }) : null));
  });
  return section(
    'durations',
    labels['notice.preview.keyDurations'],
    el('dl', { className: 'durations' }, ...items),
    el('p', { className: `deadline${disclosure.late ? ' late' : ''}`, attrs: disclosure.late ? { role: 'note' } : {} }, disclosure.late ? el('span', { text: '⚠ ', attrs: { 'aria-hidden': 'true' } }) : null, el('span', { text: disclosure.text }), problemBadge(problems['header']?.filter((p) => p.code === 'disclosure-lag'))),
  );
}

const SWATCHES = 6;

export function counts(model: ViewModel, problems: Problems): HTMLElement | null {
  if (model.counts.length === 0) return null;
  const items = model.counts.map((count) => {
    const bar = el('span', { className: 'bar' });
    place(bar, { width: percent(Math.max(count.scale, 0.02)) });
    count.breakdown.forEach((part, index) => {
      const segment = el('span', { className: `segment swatch-${index % SWATCHES}`, attrs: { title: `${part.label} ${part.valueText}` } });
      place(segment, { width: percent(part.share) });
      bar.appendChild(segment);
    });
    return el(
      'li',
      {},
      itemButton(
        count.id,
        'count',
        problems,
        el('span', { className: 'count-head' }, el('span', { className: 'count-label', text: count.label }), el('span', { className: 'count-value', text: count.valueText })),
        el('span', { className: 'bar-track', attrs: { 'aria-hidden': 'true' } }, bar),
        count.breakdown.length > 0
          ? el('span', { className: 'legend' }, ...count.breakdown.map((part, index) => el('span', { className: 'legend-item' }, el('span', { className: `swatch swatch-${index % SWATCHES}`, attrs: { 'aria-hidden': 'true' } }), el('span', { text: `${part.label} ${part.valueText}` }))))
          : null,
        count.sumMismatch ? el('span', { className: 'mismatch', text: fmt(model.labels['notice.breakdown.mismatch'], count.sumText) }) : null,
      ),
    );
  });
  return section('counts', model.labels['notice.preview.counts'], el('ul', { className: 'counts' }, ...items));
}

export function factors(model: ViewModel, problems: Problems): HTMLElement | null {
  if (model.factors.length === 0) return null;
  const { labels } = model;
  const nameOf = new Map(model.countermeasureGroups.flatMap((group) => group.items.map((item) => [item.id, item.cmId ?? item.action] as const)));
  const items = model.factors.map((factor) =>
    el(
      'li',
      {},
      itemButton(
        factor.id,
        `factor${factor.addressed ? '' : factor.accepted ? ' accepted' : ' unaddressed'}`,
        problems,
        factor.factorId ? el('code', { text: factor.factorId }) : null,
        el('span', { className: 'factor-text', text: factor.description }),
        el('span', { className: 'addressed-by', text: factor.addressed ? fmt(labels['notice.preview.addressedBy'], factor.addressedBy.map((id) => nameOf.get(id) ?? id).join(', ')) : factor.accepted ? '' : `⚠ ${labels['notice.preview.unaddressed']}` }),
        factor.accepted ? el('span', { className: 'accepted-risk', text: fmt(labels['notice.preview.acceptedRisk'], factor.accepted) }) : null,
      ),
    ),
  );
  return section('factors', labels['notice.preview.factors'], el('ul', { className: 'factors' }, ...items));
}

export function countermeasures(model: ViewModel, problems: Problems): HTMLElement {
  const { labels } = model;
  const groups = model.countermeasureGroups.map((group) =>
    el(
      'div',
      { className: 'cm-group' },
      el('h3', { text: group.label }),
      el(
        'ul',
        { className: 'countermeasures' },
        ...group.items.map((item) =>
          el(
            'li',
            {},
            itemButton(
              item.id,
              `cm status-${item.status ?? 'none'}${item.overdue ? ' overdue' : ''}`,
              problems,
              el('span', { className: 'status', text: item.statusLabel }),
              item.dateText ? el('span', { className: 'date', text: item.dateText }) : null,
              el('span', { className: 'action', text: item.action }),
              item.addresses.length > 0
                ? el('span', { className: 'addresses' }, ...item.addresses.map((address) => el('code', { className: address.itemId ? '' : 'unknown', text: address.itemId ? address.factorId : `${address.factorId} (${labels['notice.preview.unknownFactor']})` })))
                : null,
              actionDetails(item, model),
            ),
            ticketLink(item, model),
          ),
        ),
      ),
    ),
  );
  return section('countermeasures', labels['notice.section.countermeasures'], ...groups);
}
