import { RequestType } from 'vscode-languageserver-protocol';
import type { NoticeAudience, NoticeFormat, ReportProfile, TimelineModel } from '../service';
import type { Patch } from './patch';

export interface TimelineParams {
  uri: string;
  /** The revision of the model the client holds (from an earlier answer); absent for the whole model. */
  since?: string;
}

export type TimelinePatch = Patch<TimelineModel>;

/**
 * The preview's data, computed by the server from its cached parse: the whole model, or a patch
 * against the client's revision `since` when the server still holds that model (it keeps the last
 * one it answered per open document). Null for unknown documents. A revision names one answer of
 * one server process, so a restarted server never mistakes an old one for its own.
 */
export type TimelineAnswer = { kind: 'model'; revision: string; model: TimelineModel } | { kind: 'patch'; revision: string; since: string; patch: TimelinePatch };

export const TimelineRequest = new RequestType<TimelineParams, TimelineAnswer | null, void>('postmortem/timeline');

/**
 * After a patch, both sides keep the model it was made against when the new one does not parse and
 * the old one did: the preview keeps showing the last good picture, and the next patch is made
 * against it. The one rule server and client follow, so their revisions stay in step.
 */
export function keepsBase(base: { problem?: unknown }, next: { problem?: unknown }): boolean {
  return next.problem !== undefined && base.problem === undefined;
}

export interface ExportNoticeParams {
  uri: string;
  format: NoticeFormat;
  /** Absent means `public`: a client that does not know audiences gets the publishable notice. */
  audience?: NoticeAudience;
  /** A regulator's report items instead of the public notice. */
  profile?: ReportProfile;
}

export const ExportNoticeRequest = new RequestType<ExportNoticeParams, { text: string } | null, void>('postmortem/exportNotice');
