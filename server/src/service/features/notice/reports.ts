import type { ServiceContext } from '../../context';
import type { ParsedPostmortem } from '../../parse/parse';
import type { NoticeFormat } from '../notice';
import { renderProfile } from './profiles';
import type { ReportProfile } from './profiles/list';

/**
 * Export profiles: a regulator's report draft (one file per profile in `notice/profiles/`) as
 * Markdown or HTML, with the notice's renderers (so the same escaping). Today and the team's regimes
 * come from the settings, as for the checks.
 */
export function createReports(context: Pick<ServiceContext, 'l10n' | 'settings'>) {
  return {
    renderReport(parsed: ParsedPostmortem, profile: ReportProfile, format: NoticeFormat): string {
      const settings = context.settings(parsed.uri);
      return renderProfile(parsed, profile, format, { today: settings.today, ui: context.l10n.locale, regimes: settings.project.regimes });
    },
  };
}

export { REPORT_PROFILES, type ReportProfile } from './profiles/list';
