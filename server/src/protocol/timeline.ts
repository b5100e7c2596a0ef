import { RequestType } from 'vscode-languageserver-protocol';
import type { NoticeAudience, NoticeFormat, ReportProfile, TimelineModel } from '../service';

export interface TimelineParams {
  uri: string;
}

/** The preview's data, computed by the server from its cached parse; null for unknown documents. */
export const TimelineRequest = new RequestType<TimelineParams, TimelineModel | null, void>('postmortem/timeline');

export interface ExportNoticeParams {
  uri: string;
  format: NoticeFormat;
  /** Absent means `public`: a client that does not know audiences gets the publishable notice. */
  audience?: NoticeAudience;
  /** A regulator's report items instead of the public notice. */
  profile?: ReportProfile;
}

export const ExportNoticeRequest = new RequestType<ExportNoticeParams, { text: string } | null, void>('postmortem/exportNotice');
