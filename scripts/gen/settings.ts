// The settings table's generated places: package.json's `contributes.configuration` and the
// settings' descriptions in package.nls.json / package.nls.ja.json.
import { SETTING_KEYS, SETTINGS, SETTINGS_SECTION, type SettingKey, type SettingRow, type Words } from '../../server/src/contracts/settings';

/** The nls key of a setting's description. */
export const descriptionKey = (key: SettingKey) => `config.${key}`;

interface Manifest {
  contributes: { configuration: { properties: unknown } };
}

/** package.json with one `contributes.configuration` property per row, in the table's order; the rest as it is. */
export function manifestText(current: string): string {
  const manifest = JSON.parse(current) as Manifest;
  manifest.contributes.configuration.properties = Object.fromEntries(
    SETTING_KEYS.map((key) => {
      const row: SettingRow = SETTINGS[key];
      return [`${SETTINGS_SECTION}.${key}`, { type: row.type, enum: row.enum, default: row.default, minimum: row.minimum, markdownDescription: `%${descriptionKey(key)}%` }];
    }),
  );
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * package.nls.json (or .ja) with the settings' descriptions where the first `config.` key is (at
 * the end if there is none), and every other key as it is, in its place.
 */
export function nlsText(current: string, locale: keyof Words): string {
  const entries = Object.entries(JSON.parse(current) as Record<string, string>);
  const settings = SETTING_KEYS.map((key): [string, string] => [descriptionKey(key), (SETTINGS[key] as SettingRow).description[locale]]);
  const isSetting = ([key]: [string, string]) => key.startsWith('config.');
  const at = entries.findIndex(isSetting);
  const others = entries.filter((entry) => !isSetting(entry));
  const insertAt = at < 0 ? others.length : entries.slice(0, at).filter((entry) => !isSetting(entry)).length;
  others.splice(insertAt, 0, ...settings);
  return `${JSON.stringify(Object.fromEntries(others), null, 2)}\n`;
}
