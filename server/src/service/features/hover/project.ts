import { scalarText, ticketLink, type ProjectConfig } from '../../config/projectConfig';
import { isTicketPath, scaleAt } from '../../config/scales';
import type { Localizer } from '../../l10n';
import type { JsonPath, YScalar } from '../../parse/tree';

/**
 * What the project configuration says about a value: the meaning of a severity level or a cause
 * category, or where a ticket key links to. Undefined where the configuration has nothing to add.
 */
export function projectHover(l10n: Localizer, project: ProjectConfig, path: JsonPath, node: YScalar): string | undefined {
  const value = scalarText(node);
  if (value === undefined) return undefined;
  const scale = scaleAt(path, project);
  if (scale) {
    const index = scale.entries.findIndex((entry) => entry.id === value);
    const entry = scale.entries[index];
    const heading = `**${scale.field}: ${value}**`;
    if (!entry) return `${heading}\n\n${l10n.t('hover.project.unknown')}`;
    const place = scale.field === 'severity' ? l10n.t('hover.project.severity', index + 1, scale.entries.length) : l10n.t('hover.project.category');
    return [heading, '', ...(entry.description ? [entry.description, ''] : []), `_${place}_`].join('\n');
  }
  if (isTicketPath(path)) {
    const target = ticketLink(value, project.ticketUrl);
    return target ? l10n.t('hover.project.ticket', value, target) : undefined;
  }
  return undefined;
}
