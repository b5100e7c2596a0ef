import type { Localizer } from '../../l10n';
import type { PostmortemFacts } from '../../model/facts';
import { escapeMarkdown } from './markdown';

/** A factor id's description and the countermeasures that point at it. */
export function factorHover(l10n: Localizer, facts: PostmortemFacts, id: string): string {
  const factor = facts.factors.find((candidate) => candidate.id?.id === id);
  if (!factor) return l10n.t('hover.factor.unknown', id);
  const lines = [`**${l10n.t('hover.factor.title', id)}**`];
  if (factor.description) lines.push('', escapeMarkdown(factor.description));
  const measures = facts.countermeasures.filter((measure) => measure.addresses.some((address) => address.id === id));
  lines.push('');
  if (measures.length === 0) {
    lines.push(`_${l10n.t('hover.factor.notAddressed')}_`);
  } else {
    lines.push(l10n.t('hover.factor.addressedBy'));
    for (const measure of measures) {
      const action = measure.action ? escapeMarkdown(measure.action) : l10n.t('hover.factor.noAction', measure.index + 1);
      lines.push(`- ${action}${measure.status ? ` (\`${measure.status}\`)` : ''}`);
    }
  }
  return lines.join('\n');
}
