import { SETTING_FLAGS, SETTINGS, type ServiceSideSettings, type SettingRow } from '../contracts/settings';
import { optionValue, type OptionSpec, type ParsedArguments } from './options';

/** The settings table's flags (`--deadline-days`), for `lint` and `export` alike. */
export const SETTING_OPTIONS: readonly OptionSpec[] = SETTING_FLAGS.map(({ key, flag }) => ({ name: flag, value: (SETTINGS[key] as SettingRow).type === 'string' ? 'text' : 'count' }));

/**
 * The settings given as flags. They win over the project configuration's values, as the editor's
 * user settings do not (the file governs the team's documents; a flag is this one run's choice).
 */
export function settingsFromFlags(parsed: ParsedArguments): Partial<ServiceSideSettings> {
  const given: Record<string, unknown> = {};
  for (const { key, flag } of SETTING_FLAGS) {
    const row: SettingRow = SETTINGS[key];
    const value = optionValue(parsed, flag);
    if (value !== undefined && row.service) given[key] = row.type === 'string' ? value : Number(value);
  }
  return given as Partial<ServiceSideSettings>;
}
