import type { ServiceContext } from '../context';
import type { ParsedPostmortem } from '../parse/parse';
import type { NoticeFormat } from './notice';
import { renderHtml } from './notice/html';
import { renderMarkdown } from './notice/markdown';
import { reportOutline, type ReportProfile } from './reports/profiles';

/** Export profiles: a regulator's report items as Markdown or HTML, with the notice's renderers (so the same escaping). */
export function createReports(context: ServiceContext) {
  return {
    renderReport(parsed: ParsedPostmortem, profile: ReportProfile, format: NoticeFormat): string {
      const blocks = reportOutline(parsed, profile, context);
      return format === 'html' ? renderHtml(blocks, profile === 'gdpr' ? 'en' : 'ja') : renderMarkdown(blocks);
    },
  };
}

export { REPORT_PROFILES, type ReportProfile } from './reports/profiles';
