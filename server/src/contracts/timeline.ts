import { RequestType } from 'vscode-languageserver-protocol';
import type { TimelineModel } from './model';

export interface TimelineParams {
  uri: string;
}

/** The preview's data, computed by the server from its cached parse; null for unknown documents. */
export const TimelineRequest = new RequestType<TimelineParams, TimelineModel | null, void>('postmortem/timeline');
