import { SETTING_FLAGS, type ServiceSideSettings, type SettingRow } from '../contracts/settings';
import type { Localizer } from '../service/l10n';
import { optionValue, type OptionSpec, type ParsedArguments } from './options';

/** The settings table's flags (`--deadline-days`), for `lint` and `export` alike. */
export const SETTING_OPTIONS: readonly OptionSpec[] = SETTING_FLAGS.map(({ flag, row }) => ({ name: flag, value: row.type === 'string' ? 'text' : 'count' }));

/** `--deadline-days <n>`: the flag with what its value looks like. */
function flagWithValue(flag: string, row: SettingRow): string {
  return `--${flag} <${row.enum?.join('|') ?? (row.type === 'string' ? 'text' : 'n')}>`;
}

/** The column where `--help` starts the text of an option (the usage message is aligned to it). */
const HELP_COLUMN = 28;

/**
 * The lines `postmortem-lint --help` gives the setting flags, composed from the table (its help in
 * the localizer's language, its default), each starting with a line break: `cli.usage` puts them
 * where its `{0}` is.
 */
export function settingFlagsUsage(l10n: Localizer): string {
  return SETTING_FLAGS.map(({ flag, help, row }) => {
    const option = `  ${flagWithValue(flag, row)}`;
    return `\n${option.padEnd(HELP_COLUMN - 1)} ${l10n.t('cli.flagHelp', help[l10n.locale], String(row.default))}`;
  }).join('');
}

/** `[--deadline-days <n>]` for each setting flag: the synopsis of `postmortem-lint export --help`. */
export function settingFlagsSynopsis(): string {
  return SETTING_FLAGS.map(({ flag, row }) => ` [${flagWithValue(flag, row)}]`).join('');
}

/**
 * The settings given as flags. They win over the project configuration's values, as the editor's
 * user settings do not (the file governs the team's documents; a flag is this one run's choice).
 */
export function settingsFromFlags(parsed: ParsedArguments): Partial<ServiceSideSettings> {
  const given: Record<string, unknown> = {};
  for (const { key, flag, row } of SETTING_FLAGS) {
    const value = optionValue(parsed, flag);
    if (value !== undefined && row.service) given[key] = row.type === 'string' ? value : Number(value);
  }
  return given as Partial<ServiceSideSettings>;
}
