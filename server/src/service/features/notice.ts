import type { ServiceContext } from '../context';
import type { ParsedPostmortem } from '../parse/parse';
import { renderHtml } from './notice/html';
import { renderMarkdown } from './notice/markdown';
import { noticeOutline } from './notice/outline';
import { createTimeline } from './timeline';

export type NoticeFormat = 'md' | 'html';
/**
 * Who the notice is for. `public` (the default) is what gets published: it leaves out everything a
 * team tracks only for itself (owners, tickets, priorities, lessons, `x-` fields). `internal` keeps them.
 */
export type NoticeAudience = 'public' | 'internal';
export const NOTICE_AUDIENCES: readonly NoticeAudience[] = ['public', 'internal'];

/** The public notice, rendered from the same model as the preview: what one shows, the other says. */
export function createNotice(context: ServiceContext) {
  const timeline = createTimeline(context);
  return {
    renderNotice(parsed: ParsedPostmortem, format: NoticeFormat, audience: NoticeAudience = 'public'): string {
      const model = timeline.provideTimelineModel(parsed);
      const blocks = noticeOutline(model, audience);
      return format === 'html' ? renderHtml(blocks, model.header.languageTag ?? model.language) : renderMarkdown(blocks);
    },
  };
}
