import { childOf, stringValue } from '../../../parse/tree';
import { revisionsOf, stringList } from '../../../views/text';
import { personCounts, type Field, type ProfileInput, type ProfileWriter } from './common';
import { DETECTION_METHODS, isOneOf } from '../../../../contracts/vocabulary';

/** Fields more than one profile fills the same way. */

/** `data_exposed`: the kinds listed, "none" when the document says `none`, else not stated. */
export function dataItems(out: ProfileWriter, input: ProfileInput, label?: string): Field {
  const exposed = input.facts.dataExposed?.value;
  if (exposed === 'none') return { label, text: out.l10n.t('profile.none') };
  return { label, items: exposed ?? [] };
}

/** The persons concerned; when no count is one of persons, every count, flagged for checking. */
export function personsField(out: ProfileWriter, input: ProfileInput, label?: string): Field {
  const persons = personCounts(input.facts);
  if (persons.length > 0 || input.facts.counts.length === 0) return { label, items: out.counts(persons) };
  return { label: out.l10n.t('profile.countsUnsure'), items: out.counts(input.facts.counts) };
}

/** `impact.summary` and `impact.effects`: what the document says people saw or may suffer. */
export function consequences(input: ProfileInput): Field[] {
  const impact = childOf(input.facts.root, 'impact');
  return [{ text: stringValue(childOf(impact, 'summary')) }, { items: stringList(childOf(impact, 'effects')) }];
}

export function revisions(out: ProfileWriter, input: ProfileInput): string[] {
  return revisionsOf(input.facts.root, out.zone, out.l10n).map((revision) => (revision.note ? out.l10n.t('profile.revision', revision.dateText, revision.note) : revision.dateText));
}

/** `published` (or the notice's `published` event) and the revisions since. */
export function publication(out: ProfileWriter, input: ProfileInput, publishedLabel: string, revisionsLabel: string): Field[] {
  const { facts } = input;
  const date = facts.published ? out.day(facts.published.text) : undefined;
  return [
    { label: publishedLabel, text: date ?? out.events(facts, ['published'])[0] },
    { label: revisionsLabel, items: revisions(out, input) },
  ];
}

/** "How it was found: user report (a user asked about the video)". */
export function detectionText(out: ProfileWriter, input: ProfileInput): string | undefined {
  const detection = childOf(input.facts.root, 'detection');
  const method = stringValue(childOf(detection, 'method'));
  const summary = stringValue(childOf(detection, 'summary'));
  if (!method && !summary) return undefined;
  const label = isOneOf(DETECTION_METHODS, method) ? out.l10n.t(`notice.method.${method}`) : method;
  const how = label && summary ? out.l10n.t('notice.text.paren', label, summary) : (label ?? summary ?? '');
  return out.l10n.t('profile.detection', how);
}

/** Contact, notes of the regulatory entries, how it was found: the "other" item's common lines. */
export function otherLines(out: ProfileWriter, input: ProfileInput, regime: string, contact: string | undefined): string[] {
  const lines = [...out.notes(input, regime)];
  const detection = detectionText(out, input);
  if (detection) lines.push(detection);
  if (contact) lines.push(out.l10n.t('profile.contact', contact));
  return lines;
}
