import type { Localizer } from '../../l10n';
import type { CountermeasureFact, FactorFact } from '../../model/facts';
import { parseTime } from '../../time';
import { unfoldCjk } from '../../util/text';
import { ticketLink } from '../../config/projectConfig';
import { isHttpsUrl } from '../../util/url';
import { formatTime } from '../../views/format';
import type { CountermeasureGroup, CountermeasureType, CountermeasureView, FactorView, Language } from '../../views/model';
import { COUNTERMEASURE_STATUSES, COUNTERMEASURE_TYPES, isOneOf } from '../../../contracts/vocabulary';

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
