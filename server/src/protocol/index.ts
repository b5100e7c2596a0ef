export * from './settings';
export * from './timeline';
export * from './template';
export type { ExportProfile, NoticeFormat, TimelineModel } from '../service';
export * from './snippets';
