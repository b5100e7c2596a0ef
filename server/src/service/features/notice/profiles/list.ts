/** The profile ids, apart from their renderers so the CLI and the LSP wire can check a name cheaply. */
export const EXPORT_PROFILES = ['appi', 'telecom-jp', 'gdpr'] as const;
export type ExportProfile = (typeof EXPORT_PROFILES)[number];

export function isExportProfile(value: unknown): value is ExportProfile {
  return typeof value === 'string' && (EXPORT_PROFILES as readonly string[]).includes(value);
}
