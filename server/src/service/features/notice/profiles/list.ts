/** The profile ids, apart from their renderers so the CLI and the LSP wire can check a name cheaply. */
export const REPORT_PROFILES = ['appi', 'telecom-jp', 'gdpr'] as const;
export type ReportProfile = (typeof REPORT_PROFILES)[number];
