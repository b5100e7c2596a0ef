import type { ParsedPostmortem } from '../parse/parse';
import { renderHtml } from './notice/html';
import { renderMarkdown } from './notice/markdown';
import { noticeOutline } from './notice/outline';
import type { Timeline } from './timeline';

import type { NoticeAudience, NoticeFormat } from '../../contracts/export';

export { NOTICE_AUDIENCES, type NoticeAudience, type NoticeFormat } from '../../contracts/export';

/** The public notice, rendered from the same model as the preview: what one shows, the other says. */
export function createNotice(timeline: Timeline) {
  return {
    renderNotice(parsed: ParsedPostmortem, format: NoticeFormat, audience: NoticeAudience = 'public'): string {
      const model = timeline.provideTimelineModel(parsed);
      const blocks = noticeOutline(model, audience);
      return format === 'html' ? renderHtml(blocks, model.header.languageTag ?? model.language) : renderMarkdown(blocks);
    },
  };
}
