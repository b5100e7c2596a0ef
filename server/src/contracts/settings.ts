/**
 * The extension's settings: one typed definition with defaults. package.json `contributes.configuration`
 * documents the same keys (a unit test keeps the two in step).
 */
export const SETTINGS_SECTION = 'postmortem';

export type TraceLevel = 'off' | 'messages' | 'verbose';

export interface PostmortemSettings {
  /** Days after the first `detected` event within which the public notice is due (`disclosure-lag`). */
  disclosureDeadlineDays: number;
  /** Above this size in UTF-8 bytes a document is not checked (one information finding says so). */
  maxDocumentBytes: number;
  trace: { server: TraceLevel };
}

export const DEFAULT_SETTINGS: Readonly<PostmortemSettings> = Object.freeze({
  disclosureDeadlineDays: 30,
  maxDocumentBytes: 2_000_000,
  trace: Object.freeze({ server: 'off' as TraceLevel }),
});

/** Reads whatever a client sent (possibly partial or mistyped) into complete, valid settings. */
export function normalizeSettings(raw: unknown): PostmortemSettings {
  const source = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof PostmortemSettings, unknown>>;
  const days = source.disclosureDeadlineDays;
  const bytes = source.maxDocumentBytes;
  const trace = (source.trace && typeof source.trace === 'object' ? source.trace : {}) as { server?: unknown };
  return {
    disclosureDeadlineDays: typeof days === 'number' && Number.isFinite(days) && days >= 0 ? days : DEFAULT_SETTINGS.disclosureDeadlineDays,
    maxDocumentBytes: typeof bytes === 'number' && Number.isInteger(bytes) && bytes >= 1 ? bytes : DEFAULT_SETTINGS.maxDocumentBytes,
    trace: { server: trace.server === 'messages' || trace.server === 'verbose' ? trace.server : 'off' },
  };
}
