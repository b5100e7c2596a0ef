import type { Hover, Position } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import { factsOf, type PostmortemFacts } from '../model/facts';
import type { ParsedPostmortem } from '../parse/parse';
import { formatOffset, isValidTimeZone, zoneOffsetAtInstant } from '../time';
import { countryByCode } from '../format/countries';
import { describe, enumMeaning, enumValues, fieldInfo, proposedValues, typeLabel } from '../schema/docs';
import { factorHover } from './hover/factor';
import { locate, type HoverTarget } from './hover/locate';
import { regulatoryHover } from './hover/regulatory';
import { projectHover } from './hover/project';
import { timeHover } from './hover/time';

export function createHover(context: ServiceContext) {
  const { l10n } = context;

  /** The field's documentation: name, whether required, its shape and allowed values, then the description. */
  const keyHover = (path: (string | number)[]): string | undefined => {
    const info = fieldInfo(context.schema, path);
    if (!info) return undefined;
    const name = String(info.name);
    const facts: string[] = [info.required ? l10n.t('hover.required') : info.conditional ? l10n.t('hover.requiredWhen', info.conditional.key, String(info.conditional.value)) : l10n.t('hover.optional'), typeLabel(l10n, context.schema, path)];
    const values = enumValues(info.resolved);
    if (values.length > 1) facts.push(l10n.t('hover.oneOf', values.map((value) => `\`${String(value)}\``).join(', ')));
    if (info.resolved?.default !== undefined) facts.push(l10n.t('hover.default', String(info.resolved.default)));
    const lines = [`**${name}** · ${facts.join(' · ')}`];
    if (path.at(-2) === 'breakdown') lines.push('', breakdownKey(name));
    const description = describe(info, l10n.locale);
    if (description) lines.push('', description);
    return lines.join('\n');
  };

  const breakdownKey = (key: string): string => {
    if (key === 'other') return l10n.t('hover.breakdownOther');
    const country = countryByCode(key);
    return country && key === country[0] ? l10n.t('hover.breakdownKey', key, l10n.locale === 'ja' ? country[2] : country[1]) : '';
  };

  const valueHover = (target: HoverTarget, facts: PostmortemFacts, parsed: ParsedPostmortem): string | undefined => {
    const { path, node } = target;
    const fromProject = projectHover(l10n, context.settings(parsed.uri).project, path, node);
    if (fromProject) return fromProject;
    const field = path.at(-1);
    const regulatory = regulatoryHover(l10n, parsed, context.settings(parsed.uri), path, facts.zone);
    if (regulatory) return field === 'at' && typeof node.value === 'string' ? [regulatory, timeHover(l10n, facts, node)].filter(Boolean).join('\n\n---\n\n') : regulatory;
    const isFactorId = (path.length === 4 && path[0] === 'cause' && path[1] === 'factors' && field === 'id') || (path.at(-2) === 'addresses' && typeof field === 'number');
    if (isFactorId) return factorHover(l10n, facts, String(node.value));
    const resolved = context.schema.at(path);
    if (resolved?.definition === 'time' && typeof node.value === 'string') return timeHover(l10n, facts, node);
    if (path.length === 1 && field === 'timezone' && typeof node.value === 'string') return zoneHover(node.value, facts);
    if (path.length === 1 && field === 'language' && typeof node.value === 'string') return languageHover(node.value);
    const meaning = proposedValues(resolved).includes(node.value as string) ? enumMeaning(l10n, field, node.value) : undefined;
    if (!meaning) return undefined;
    const isDefault = resolved?.default === node.value ? ` · ${l10n.t('hover.default', String(node.value))}` : '';
    return `**${String(field)}: ${String(node.value)}**${isDefault}\n\n${meaning}`;
  };

  const zoneHover = (zone: string, facts: PostmortemFacts): string | undefined => {
    if (!isValidTimeZone(zone)) return l10n.t('hover.zone.unknown', zone);
    if (/^[+-]\d{2}:\d{2}$/.test(zone)) return l10n.t('hover.zone.fixed', zone);
    const start = facts.period?.start;
    if (!start?.time) return undefined;
    return l10n.t('hover.zone.offset', zone, formatOffset(zoneOffsetAtInstant(zone, start.time.start)), start.text);
  };

  const languageHover = (tag: string): string | undefined => {
    try {
      const name = new Intl.DisplayNames([l10n.locale], { type: 'language' }).of(tag);
      return name && name !== tag ? l10n.t('hover.language', tag, name) : undefined;
    } catch {
      // Not a well-formed tag: the diagnostics say so; a hover has nothing to add.
      return undefined;
    }
  };

  return {
    /** Markdown for the key or value under the cursor; null on blank lines, comments and free text. */
    provideHover(parsed: ParsedPostmortem, position: Position): Hover | null {
      const offset = parsed.lines.offsetAt(position);
      const target = locate(parsed.root, offset);
      if (!target) return null;
      const facts = factsOf(parsed);
      const value = target.kind === 'key' ? keyHover(target.path) : valueHover(target, facts, parsed);
      if (!value) return null;
      return { contents: { kind: 'markdown', value }, range: parsed.lines.range(target.node.start, target.node.end) };
    },
  };
}
