import { createLocalizer } from '../../../l10n';
import { factsOf } from '../../../model/facts';
import type { ParsedPostmortem } from '../../../parse/parse';
import { analyzeRegulatory } from '../../../regulatory/engine';
import type { RegimeDefinition } from '../../../regulatory/regimes';
import { renderHtml } from '../html';
import { renderMarkdown } from '../markdown';
import type { Block } from '../outline';
import { appiProfile } from './appi';
import type { ProfileInput } from './common';
import { gdprProfile } from './gdpr';
import type { ReportProfile } from './list';
import { telecomProfile } from './telecom';

/** The export profiles: drafts of the reports a regulation asks for, one file each. */
const PROFILES = {
  appi: { language: 'ja', build: appiProfile },
  'telecom-jp': { language: 'ja', build: telecomProfile },
  gdpr: { language: 'en', build: gdprProfile },
} as const satisfies Record<ReportProfile, { language: 'en' | 'ja'; build: (input: ProfileInput) => Block[] }>;


export interface ProfileOptions {
  today: string | undefined;
  ui: string;
  /** The team's regimes from postmortem.config.yaml (one may redefine a built-in one's deadlines). */
  regimes: readonly RegimeDefinition[] | undefined;
}

/** The profile as outline blocks, and the language (fixed by the regulation) it is written in. */
export function profileOutline(parsed: ParsedPostmortem, profile: ReportProfile, options: ProfileOptions): { blocks: Block[]; language: 'en' | 'ja' } {
  const definition = PROFILES[profile];
  const input: ProfileInput = {
    parsed,
    facts: factsOf(parsed),
    analyses: analyzeRegulatory(parsed, options.regimes ?? []),
    today: options.today,
    ui: createLocalizer(options.ui),
  };
  return { blocks: definition.build(input), language: definition.language };
}

/** The profile in the notice's formats: the same renderers, so the same escaping and page. */
export function renderProfile(parsed: ParsedPostmortem, profile: ReportProfile, format: 'md' | 'html', options: ProfileOptions): string {
  const { blocks, language } = profileOutline(parsed, profile, options);
  return format === 'html' ? renderHtml(blocks, language) : renderMarkdown(blocks);
}
