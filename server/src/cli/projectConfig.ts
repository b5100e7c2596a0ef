import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { ServiceSideSettings } from '../contracts/settings';
import { PROJECT_CONFIG_NAMES, readProjectConfigText, type Localizer, type PostmortemService } from '../service';

/** `--config <path>` taken out of the arguments, so the rest parse as before; a string is a usage error. */
export function takeConfigOption(argv: string[], l10n: Localizer): { argv: string[]; path: string | undefined } | string {
  const index = argv.indexOf('--config');
  if (index < 0) return { argv, path: undefined };
  const path = argv[index + 1];
  if (path === undefined) return l10n.t('cli.missingValue', '--config');
  return { argv: [...argv.slice(0, index), ...argv.slice(index + 2)], path };
}

export interface ConfigOptions {
  /** `--config`: the file, or the folder holding it; undefined looks in `cwd`. */
  path: string | undefined;
  /** The settings given as flags (`--deadline-days`), which win over the file's values. */
  overrides: Partial<ServiceSideSettings>;
  cwd?: string;
}

/**
 * The project configuration the editor reads, for the command line: `--config <file|folder>`, else
 * `postmortem.config.yaml` in the current directory. The file keeps its name everywhere (the editor
 * finds it by name at the workspace root), so `--config` names it or the folder holding it. What it
 * declares governs every file checked; the file's path is returned so it is checked (and reported)
 * with the postmortems. `failed` (after a message on `stderr`) means exit status 2.
 */
export async function applyProjectConfig(service: PostmortemService, options: ConfigOptions, stderr: (text: string) => void, l10n: Localizer): Promise<{ files: string[]; failed: boolean; maxDocumentBytes?: number }> {
  const found = await findConfig(options, l10n);
  if ('error' in found) {
    stderr(found.error);
    return { files: [], failed: true };
  }
  if (!found.file) return { files: [], failed: false };
  const config = readProjectConfigText(found.text);
  const merged = { ...config, ...options.overrides };
  service.configureProject(merged);
  return { files: [found.file], failed: false, ...(merged.maxDocumentBytes === undefined ? {} : { maxDocumentBytes: merged.maxDocumentBytes }) };
}

async function findConfig(options: ConfigOptions, l10n: Localizer): Promise<{ file?: string; text: string } | { error: string }> {
  const cwd = options.cwd ?? process.cwd();
  const given = options.path === undefined ? undefined : resolve(cwd, options.path);
  const isFolder = given === undefined || (await stat(given).then((info) => info.isDirectory(), () => false));
  if (!isFolder && !(PROJECT_CONFIG_NAMES as readonly string[]).includes(basename(given ?? '').toLowerCase())) return { error: l10n.t('config.cli.badName', options.path ?? '') };
  const candidates = isFolder ? PROJECT_CONFIG_NAMES.map((name) => join(given ?? cwd, name)) : [given ?? cwd];
  for (const candidate of candidates) {
    try {
      // Reported under the name the user gave (relative stays relative), like the postmortems.
      const file = options.path === undefined ? join(options.cwd ?? '.', basename(candidate)) : isFolder ? join(options.path, basename(candidate)) : options.path;
      return { file, text: await readFile(candidate, 'utf8') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Without --config, no file simply means no project configuration.
      if (code === 'ENOENT' && (options.path === undefined || isFolder)) continue;
      return { error: l10n.t('cli.unreadable', candidate, error instanceof Error ? error.message : String(error)) };
    }
  }
  return options.path === undefined ? { text: '' } : { error: l10n.t('config.cli.notFound', options.path) };
}
