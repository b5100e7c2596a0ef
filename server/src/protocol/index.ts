export * from './settings';
export * from './timeline';
export * from './template';
export type { NoticeAudience, NoticeFormat, TimelineModel } from '../service';
