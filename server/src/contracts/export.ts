import { RequestType } from 'vscode-languageserver-protocol';

/** The export's formats: Markdown or a standalone HTML page. */
export const NOTICE_FORMATS = ['md', 'html'] as const;
export type NoticeFormat = (typeof NOTICE_FORMATS)[number];

/**
 * Who the notice is for. `public` (the default) is what gets published: it leaves out everything a
 * team tracks only for itself (owners, tickets, priorities, lessons, `x-` fields). `internal` keeps them.
 */
export const NOTICE_AUDIENCES = ['public', 'internal'] as const;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];

/** The regulators' report profiles (the service renders each; the CLI and the wire check a name cheaply). */
export const REPORT_PROFILES = ['appi', 'telecom-jp', 'gdpr'] as const;
export type ReportProfile = (typeof REPORT_PROFILES)[number];

export interface ExportNoticeParams {
  uri: string;
  format: NoticeFormat;
  /** Absent means `public`: a client that does not know audiences gets the publishable notice. */
  audience?: NoticeAudience;
  /** A regulator's report items instead of the public notice. */
  profile?: ReportProfile;
}

/**
 * The rendered text, or why there is none: a notice from half a document is worse than none, so a
 * document whose YAML does not parse answers its first problem (the line is 1-based, as the
 * message words it; the same as the timeline model's `problem`). Null for a
 * document the server does not hold.
 */
export type ExportNoticeResult = { text: string } | { problem: { line: number; message: string } };

export const ExportNoticeRequest = new RequestType<ExportNoticeParams, ExportNoticeResult | null, void>('postmortem/exportNotice');
