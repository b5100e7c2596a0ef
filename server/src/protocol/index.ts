export * from './settings';
export * from './timeline';
export * from './patch';
export * from './template';
export type { NoticeAudience, NoticeFormat, ReportProfile, TimelineModel } from '../service';
/** The one rule for links, shared with the extension (which opens what the webview asks for). */
export { isHttpsUrl } from '../service/util/url';
export * from './snippets';
