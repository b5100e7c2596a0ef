import type { ServiceContext } from '../context';
import type { ParsedPostmortem } from '../parse/parse';

export type NoticeFormat = 'md' | 'html';

// PLACEHOLDER: replaced by the notice export (issue: timeline preview and export).
export function createNotice(_context: ServiceContext) {
  return {
    renderNotice(_parsed: ParsedPostmortem, _format: NoticeFormat): string {
      return '';
    },
  };
}
