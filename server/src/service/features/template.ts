import { createLocalizer } from '../l10n';

/**
 * A new postmortem that is valid from the first keystroke, in the user's language. `today` comes
 * from the caller so the service stays deterministic.
 */
export function createTemplate() {
  return {
    provideTemplate(locale: string, today: string): string {
      const l10n = createLocalizer(locale);
      const date = /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : '2026-01-01';
      const quote = (text: string) => JSON.stringify(text);
      return [
        'postmortem: 1',
        'id: new-incident',
        `title: ${quote(l10n.t('template.title'))}`,
        'status: draft',
        `language: ${l10n.locale}`,
        `timezone: ${l10n.t('template.zone')}`,
        `overview: ${quote(l10n.t('template.overview'))}`,
        'impact:',
        '  period:',
        `    start: ${date}T09:00`,
        `  summary: ${quote(l10n.t('template.impactSummary'))}`,
        'cause:',
        `  summary: ${quote(l10n.t('template.causeSummary'))}`,
        '  factors:',
        '    - id: root-cause',
        `      description: ${quote(l10n.t('template.factor'))}`,
        'detection:',
        '  method: internal_monitoring',
        'timeline:',
        `  - at: ${date}T09:00`,
        `    event: ${quote(l10n.t('template.event'))}`,
        '    kind: occurred',
        'countermeasures:',
        `  - action: ${quote(l10n.t('template.action'))}`,
        '    type: technical',
        '    status: planned',
        '    addresses: [root-cause]',
        'contact:',
        '  url: https://example.com/contact',
        '',
      ].join('\n');
    },
  };
}
