import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseProjectConfig, PROJECT_CONFIG_NAMES, type Localizer, type PostmortemService } from '../service';
import type { CliIo } from './export';

/** `--config <file>` taken out of the arguments, so the rest parse as before; a string is a usage error. */
export function takeConfigOption(argv: string[], l10n: Localizer): { argv: string[]; path: string | undefined } | string {
  const index = argv.indexOf('--config');
  if (index < 0) return { argv, path: undefined };
  const path = argv[index + 1];
  if (path === undefined) return l10n.t('cli.missingValue', '--config');
  return { argv: [...argv.slice(0, index), ...argv.slice(index + 2)], path };
}

/**
 * The project configuration the editor reads, for the command line: `--config <file|directory>`,
 * else `postmortem.config.yaml` in the current directory. The file keeps its name everywhere (the
 * editor finds it by name at the workspace root), so `--config` names it or the folder holding it. What it declares governs every file checked;
 * the file itself is returned so it is checked (and reported) like the postmortems. An explicit
 * `--deadline-days` still wins over the file's `disclosure_deadline_days`.
 */
export async function applyProjectConfig(
  service: PostmortemService,
  options: { path: string | undefined; deadlineDays: number | undefined; cwd?: string },
  io: CliIo,
  l10n: Localizer,
): Promise<{ files: string[]; failed: boolean }> {
  const found = await findAndApply(service, options, l10n, io);
  if ('error' in found) io.stderr(found.error);
  return 'error' in found ? { files: [], failed: true } : { files: found.files, failed: false };
}

async function findAndApply(service: PostmortemService, options: { path: string | undefined; deadlineDays: number | undefined; cwd?: string }, l10n: Localizer, io: CliIo): Promise<{ files: string[] } | { error: string }> {
  const named = options.path !== undefined && !(await stat(options.path).then((info) => info.isDirectory(), () => false));
  if (named && !(PROJECT_CONFIG_NAMES as readonly string[]).includes(basename(options.path ?? '').toLowerCase())) return { error: l10n.t('config.cli.badName', options.path ?? '') };
  const folder = options.path ?? options.cwd ?? process.cwd();
  const candidates = named ? [folder] : PROJECT_CONFIG_NAMES.map((name) => join(folder, name));
  for (const file of candidates) {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (error) {
      // Without --config, no file simply means no project configuration.
      if (!named) continue;
      return { error: l10n.t('cli.unreadable', file, error instanceof Error ? error.message : String(error)) };
    }
    const { config } = parseProjectConfig(text, { uri: pathToFileURL(resolve(file)).href, locale: l10n.locale });
    service.configureProject(options.deadlineDays === undefined ? config : { ...config, disclosureDeadlineDays: options.deadlineDays });
    return { files: [file] };
  }
  return options.path === undefined ? { files: [] } : { error: l10n.t('config.cli.notFound', options.path) };
}
