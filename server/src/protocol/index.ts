export * from './settings';
export * from './timeline';
export * from './template';
export type { NoticeFormat, ReportProfile, TimelineModel } from '../service';
export * from './snippets';
