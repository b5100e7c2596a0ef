/**
 * The names the extension, the server and the command line agree on. package.json repeats the
 * language ids, the command ids and the first-line pattern (VS Code reads them before any code
 * runs); test/unit/contracts.test.ts keeps it in step with these.
 */
export const LANGUAGE_ID = 'postmortem';
/** `postmortem.config.yaml`: a project's configuration. */
export const CONFIG_LANGUAGE_ID = 'postmortem-config';

/** A postmortem's file name ends with one of these (package.json `extensions`). */
export const POSTMORTEM_SUFFIXES = ['.postmortem.yaml', '.postmortem.yml'] as const;

/** Whether a file name, path or URI ends with a postmortem suffix (the CLI ignores case, as file systems may). */
export function hasPostmortemSuffix(name: string, ignoreCase = false): boolean {
  const text = ignoreCase ? name.toLowerCase() : name;
  return POSTMORTEM_SUFFIXES.some((suffix) => text.endsWith(suffix));
}
/** A project's configuration file: one of these names (package.json `filenames` of the config language). */
export const PROJECT_CONFIG_NAMES = ['postmortem.config.yaml', 'postmortem.config.yml'] as const;

/** The `source` of every diagnostic the service reports. */
export const DIAGNOSTIC_SOURCE = 'postmortem';

/** The commands package.json contributes (the palette, menus and keybindings name them). */
export const COMMANDS = {
  newPostmortem: 'postmortem.newPostmortem',
  openPreviewToSide: 'postmortem.openPreviewToSide',
  exportNotice: 'postmortem.exportNotice',
  restartServer: 'postmortem.restartServer',
} as const;

/** The preview's webview panel type (`onWebviewPanel:` in package.json restores it). */
export const PREVIEW_VIEW_TYPE = 'postmortem.preview';

/** The language status item on postmortem files (the checker's state and a restart). */
export const STATUS_ITEM_ID = 'postmortem.server';

/**
 * The format's second way to name a postmortem, besides the `.postmortem.yaml` suffix: a YAML file
 * whose first line declares one of the format versions (`postmortem: 1`, `postmortem: 1.1`).
 */
export const FIRST_LINE_PATTERN = '^postmortem:\\s*1(\\.1)?\\s*(#.*)?$';
