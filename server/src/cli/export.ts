import { realpath, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createLocalizer, createPostmortemService, REPORT_PROFILES, type NoticeAudience, type NoticeFormat, type ReportProfile } from '../service';
import type { CliIo } from './io';
import { SETTING_OPTIONS, settingFlagsSynopsis, settingsFromFlags } from './settingFlags';
import { isUsageProblem, optionValue, parseArguments, type OptionSpec } from './options';
import { applyProjectConfig } from './projectConfig';
import { MAX_DOCUMENT_BYTES, readSource } from './read';

const EXPORT_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', alias: 'f', value: 'text' },
  { name: 'output', alias: 'o', value: 'text' },
  { name: 'force' },
  { name: 'profile', value: 'text' },
  { name: 'audience', value: 'text' },
  { name: 'config', value: 'text' },
  ...SETTING_OPTIONS,
  { name: 'locale', value: 'text' },
  { name: 'help', alias: 'h' },
];

/**
 * `postmortem-lint export <file> [--format md|html] [--audience public|internal] [--output <file>] [--profile <name>] [--force]`: the
 * same notice as the editor's "Export Notice" command (or a regulator's report with --profile), from
 * the same service. Exit 0 written; 1 the document does
 * not parse, is not a postmortem, or has errors (without --force): a notice from a wrong document is
 * worse than none; 2 bad usage or I/O, including an --output that is the input itself.
 */
export async function runExport(args: string[], io: CliIo, environmentLocale: string | undefined): Promise<number> {
  const parsed = parseArguments(args, EXPORT_OPTIONS);
  const l10n = createLocalizer(parsed.locale ?? environmentLocale);
  const fail = (code: number, message: string) => {
    io.stderr(message);
    return code;
  };
  if (isUsageProblem(parsed)) return fail(2, l10n.t(parsed.key, ...parsed.args));
  if (parsed.values.has('help')) {
    io.stdout(`${l10n.t('notice.cli.usage', settingFlagsSynopsis())}\n${l10n.t('report.cli.usage')}`);
    return 0;
  }
  const [file, ...others] = parsed.positionals;
  if (file === undefined) return fail(2, l10n.t('notice.cli.noFile'));
  if (others.length > 0) return fail(2, l10n.t('notice.cli.tooMany', parsed.positionals.length));
  const output = optionValue(parsed, 'output');
  const format = optionValue(parsed, 'format') ?? (output && /\.html?$/i.test(output) ? 'html' : 'md');
  if (format !== 'md' && format !== 'html') return fail(2, l10n.t('notice.cli.badFormat', format));
  const profile = optionValue(parsed, 'profile');
  if (profile !== undefined && !(REPORT_PROFILES as readonly string[]).includes(profile)) return fail(2, l10n.t('report.cli.badProfile', profile));
  const audience = optionValue(parsed, 'audience') ?? 'public';
  if (audience !== 'public' && audience !== 'internal') return fail(2, l10n.t('notice.cli.badAudience', audience));
  const input = resolve(io.cwd, file);
  if (output !== undefined && (await sameFile(input, resolve(io.cwd, output)))) return fail(2, l10n.t('cli.export.sameFile', file));

  const source = await readSource(input, MAX_DOCUMENT_BYTES, file);
  if ('problem' in source) return fail(2, l10n.t(source.problem.key, ...source.problem.args));
  if (source.invalidUtf8) io.stderr(l10n.t('cli.invalidUtf8', file));
  const overrides = settingsFromFlags(parsed);
  const service = createPostmortemService({ locale: l10n.locale, settings: { today: io.today(), ...overrides } });
  // The team's configuration (regimes, deadline, ticket URLs) shapes the export as it does in the editor.
  if ((await applyProjectConfig(service, { path: optionValue(parsed, 'config'), overrides, cwd: io.cwd }, io.stderr, l10n)).failed) return 2;
  const document = { uri: pathToFileURL(input).href, version: 1, getText: () => source.text };
  const problem = service.timelineModel(document).problem;
  if (problem) return fail(1, l10n.t('notice.cli.notParsed', file, problem.message));
  const value = service.parse(document).value;
  if (typeof value !== 'object' || value === null || !('postmortem' in value)) return fail(1, l10n.t('cli.export.notPostmortem', file));
  const errors = service.validate(document).filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length;
  if (errors > 0 && !parsed.values.has('force')) return fail(1, l10n.t('cli.export.hasErrors', file, errors));

  const notice = profile ? service.exportReport(document, profile as ReportProfile, format as NoticeFormat) : service.exportNotice(document, format as NoticeFormat, audience as NoticeAudience);
  if (output === undefined) {
    io.stdout(notice.replace(/\n$/, ''));
    return 0;
  }
  try {
    await writeFile(resolve(io.cwd, output), notice, 'utf8');
  } catch (error) {
    return fail(2, l10n.t('cli.cannotWrite', output, error instanceof Error ? error.message : String(error)));
  }
  return 0;
}

/** The same file under another name too: a symbolic or hard link to the input counts. */
async function sameFile(input: string, output: string): Promise<boolean> {
  if (input === output) return true;
  const [a, b] = await Promise.all([stat(input).catch(() => undefined), stat(output).catch(() => undefined)]);
  if (a && b && a.dev === b.dev && a.ino === b.ino) return true;
  const [realA, realB] = await Promise.all([realpath(input).catch(() => input), realpath(output).catch(() => output)]);
  return realA === realB;
}
