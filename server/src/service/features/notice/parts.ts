import type { Localizer } from '../../l10n';
import type { CountermeasureView, TimelineModel } from '../../views/model';
import { joinList } from '../../views/text';
import type { Inline, OutlineContext } from './outline';
import { prose } from './text';

/**
 * Factors are numbered (Factor 1, 要因1) when a countermeasure names one, so that the reader can see
 * which measure answers which cause: the ids (`cache-config`) are the authors' handles, not the
 * readers'. Keyed by the factor's item id.
 */
export function factorNumbers(model: TimelineModel): Map<string, number> {
  const numbers = new Map<string, number>();
  const referenced = model.countermeasureGroups.some((group) => group.items.some((item) => item.addresses.some((address) => address.itemId)));
  if (!referenced) return numbers;
  model.factors.filter((factor) => factor.description).forEach((factor, index) => numbers.set(factor.id, index + 1));
  return numbers;
}

/**
 * One countermeasure: its action, status and date, the factors it answers, and, in the internal
 * version only, owner, due date, priority and ticket. A `wont_do` gives its reason in both: a
 * reader deserves to know why something will not be done.
 */
export function countermeasureLine(item: CountermeasureView, numbers: ReadonlyMap<string, number>, l10n: Localizer, internal: boolean): Inline[] {
  // The reason sits inside the parentheses: its own closing full stop would end the sentence early.
  const status = item.status === 'wont_do' && item.reason ? l10n.t('notice.cm.wontDoReason', item.reason.replace(/[.。]\s*$/, '')) : statusText(item, l10n);
  const answered = item.addresses.flatMap((address) => {
    const number = address.itemId === undefined ? undefined : numbers.get(address.itemId);
    return number === undefined ? [] : [l10n.t('notice.cm.addressesFactor', number)];
  });
  const details = [status, ...(answered.length > 0 ? [l10n.t('notice.cm.addresses', joinList(answered, l10n))] : [])];
  const line = prose(l10n.t('notice.text.paren', item.action, details.join(l10n.locale === 'ja' ? '、' : '; ')));
  if (!internal) return line;
  const extra: Inline[][] = [];
  if (item.owner) extra.push(prose(l10n.t('notice.cm.owner', item.owner)));
  if (item.dueText) extra.push(prose(item.overdue ? l10n.t('notice.text.paren', l10n.t('notice.cm.due', item.dueText), l10n.t('notice.cm.overdue')) : l10n.t('notice.cm.due', item.dueText)));
  if (item.priority) extra.push(prose(l10n.t('notice.cm.priority', item.priority)));
  if (item.ticket) {
    const label = l10n.t('notice.cm.ticket', '');
    extra.push([{ text: label }, item.ticket.url ? { link: new URL(item.ticket.url).href, label: item.ticket.text } : { text: item.ticket.text }]);
  }
  return extra.length === 0 ? line : [...line, { text: ' — ' }, ...extra.flatMap((part, index) => (index === 0 ? part : [{ text: ' · ' }, ...part]))];
}

function statusText(item: CountermeasureView, l10n: Localizer): string {
  if (!item.dateText) return item.statusLabel;
  if (item.status === 'done') return l10n.t('notice.cmStatus.doneOn', item.dateText);
  return l10n.t('notice.cmStatus.dated', item.statusLabel, item.dateText);
}

/** The internal version's own sections: the lessons after the countermeasures; links and `x-` fields at the end. */
export function internalSections(context: OutlineContext, which: 'lessons' | 'links'): void {
  const { model, blocks, section, sub } = context;
  if (which === 'lessons') {
    if (model.lessons.length === 0) return;
    section('notice.section.lessons');
    for (const list of model.lessons) sub(list.label, list.items.map(prose));
    return;
  }
  if (model.references.length > 0) {
    section('notice.section.links');
    blocks.push({ kind: 'list', items: model.references.map((reference): Inline[] => (reference.https ? [{ text: `${reference.title}: ` }, { link: new URL(reference.url).href, label: reference.url }] : [{ text: `${reference.title}: ${reference.url}` }])) });
  }
  if (model.extensions.length > 0) {
    section('notice.section.internal');
    blocks.push({ kind: 'list', items: model.extensions.map((extension): Inline[] => [{ code: extension.path }, { text: `: ${extension.text}` }]) });
  }
}
