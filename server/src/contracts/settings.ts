/**
 * The extension's settings: ONE table. From it come the TypeScript type, the defaults,
 * `normalizeSettings`, what the server hands the service, what the client reads from VS Code and
 * the command line's flags and their help; `npm run gen` (scripts/gen/) writes package.json's
 * `contributes.configuration` and the descriptions in package.nls.json / package.nls.ja.json from
 * it, and a unit test fails while they are stale. Adding a setting: a row here and its use
 * (docs/ARCHITECTURE.md, "Adding a setting").
 */
export const SETTINGS_SECTION = 'postmortem';

/** A text in both languages of the extension. */
export interface Words {
  readonly en: string;
  readonly ja: string;
}

export interface SettingRow {
  /** package.json's type. `integer` and `number` are numbers in TypeScript. */
  readonly type: 'number' | 'integer' | 'string';
  readonly default: number | string;
  readonly minimum?: number;
  readonly enum?: readonly string[];
  /** The service reads it: the server passes it on, the service's settings include it. */
  readonly service: boolean;
  /** The command line's flag for it (`--deadline-days`), if it has one, with its line of `--help`. */
  readonly flag?: { readonly name: string; readonly help: Words };
  /** The Settings editor's Markdown description (package.nls*.json as `config.<key>`). */
  readonly description: Words;
}

/** Keyed by the name under `postmortem.` in the user's settings. */
export const SETTINGS = {
  /** Days after the first `detected` event within which the public notice is due (`disclosure-lag`). */
  disclosureDeadlineDays: {
    type: 'number', default: 30, minimum: 0, service: true,
    flag: { name: 'deadline-days', help: { en: 'disclosure deadline in days', ja: '公表期限の日数' } },
    description: {
      en: 'Days after the first `detected` event within which the public notice is due. A later `published` date is reported as `disclosure-lag` (information). Default 30: the span Japan gives a carrier for its detailed report on a telecom-secrecy leak. A `disclosure_deadline_days` in the workspace\'s `postmortem.config.yaml` wins over this setting.',
      ja: '最初の `detected` の出来事から公表までの期限（日数）。`published` の日付がこれより後なら `disclosure-lag`（情報）として知らせます。既定は 30 日（通信の秘密の漏えいについて電気通信事業者が詳細な報告を行う期間）。ワークスペースの `postmortem.config.yaml` に `disclosure_deadline_days` があれば、そちらが優先されます。',
    },
  },
  /** Above this size in UTF-8 bytes a document is not checked (one information finding says so). */
  maxDocumentBytes: {
    type: 'integer', default: 2_000_000, minimum: 1, service: true,
    description: {
      en: 'Above this size in bytes a postmortem is not checked: one information diagnostic says so, and completion, hover, the outline and the preview are off for it. Keeps the editor responsive on huge files; raise it to check one anyway.',
      ja: 'このサイズ（バイト）を超える障害報告は検査しません。その旨を情報の診断で示し、補完・ホバー・アウトライン・プレビューは無効になります。巨大なファイルでもエディターが止まらないための上限です。検査したい場合は大きくしてください。',
    },
  },
  /** The LSP traffic in the output channel (read by vscode-languageclient itself). */
  'trace.server': {
    type: 'string', default: 'off', enum: ['off', 'messages', 'verbose'], service: false,
    description: {
      en: 'Traces the communication between VS Code and the postmortem language server (shown in its output channel).',
      ja: 'VS Code とポストモーテム言語サーバーの間の通信を出力チャネルに記録します。',
    },
  },
} as const satisfies Record<string, SettingRow>;

export type SettingKey = keyof typeof SETTINGS;
type Row<K extends SettingKey> = (typeof SETTINGS)[K];
type ValueOf<R> = R extends { enum: readonly (infer E)[] } ? E : R extends { type: 'string' } ? string : number;

/** The settings, complete and valid, flat by key (`'trace.server'` included). */
export type PostmortemSettings = { -readonly [K in SettingKey]: ValueOf<Row<K>> };
export type TraceLevel = PostmortemSettings['trace.server'];

/** The keys the service reads, and their part of the settings (the service's own type extends it). */
export type ServiceSettingKey = { [K in SettingKey]: Row<K>['service'] extends true ? K : never }[SettingKey];
export type ServiceSideSettings = Pick<PostmortemSettings, ServiceSettingKey>;

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
export const SERVICE_SETTING_KEYS = SETTING_KEYS.filter((key) => SETTINGS[key].service) as ServiceSettingKey[];

export const DEFAULT_SETTINGS: Readonly<PostmortemSettings> = Object.freeze(Object.fromEntries(SETTING_KEYS.map((key) => [key, SETTINGS[key].default])) as PostmortemSettings);

/** Whether `value` is a valid value of the setting (its type, minimum and enum). */
function valid(row: SettingRow, value: unknown): boolean {
  if (row.type === 'string') return typeof value === 'string' && (!row.enum || row.enum.includes(value));
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (row.type === 'integer' && !Number.isInteger(value)) return false;
  return row.minimum === undefined || value >= row.minimum;
}

/**
 * Reads whatever a client sent (possibly partial or mistyped) into complete, valid settings. A key
 * is looked up flat (`'trace.server'`, as normalized settings are) or as its path (`trace: { server }`,
 * as `workspace/configuration` answers); anything invalid is its default.
 */
export function normalizeSettings(raw: unknown): PostmortemSettings {
  const source = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const entries = SETTING_KEYS.map((key) => {
    const value = key in source ? source[key] : valueAt(source, key);
    return [key, valid(SETTINGS[key], value) ? value : SETTINGS[key].default];
  });
  return Object.fromEntries(entries) as PostmortemSettings;
}

/** `trace.server` in `{ trace: { server: … } }`. */
export function valueAt(source: Record<string, unknown>, key: string): unknown {
  let node: unknown = source;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

/** The service's part of the settings. */
export function serviceSettings(settings: PostmortemSettings): ServiceSideSettings {
  return Object.fromEntries(SERVICE_SETTING_KEYS.map((key) => [key, settings[key]])) as ServiceSideSettings;
}

/** The settings the command line offers as flags, with their flag names and help. */
export const SETTING_FLAGS = SETTING_KEYS.flatMap((key) => {
  const row: SettingRow = SETTINGS[key];
  return row.flag === undefined ? [] : [{ key, flag: row.flag.name, help: row.flag.help, row }];
});
