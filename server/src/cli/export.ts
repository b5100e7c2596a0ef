import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { localDate } from '../protocol/today';
import { applyProjectConfig, takeConfigOption } from './projectConfig';
import { createLocalizer, createPostmortemService, REPORT_PROFILES, type Localizer, type NoticeAudience, type NoticeFormat, type ReportProfile } from '../service';

/** The I/O the command line needs, injected so tests can run it in-process. */
export interface CliIo {
  /** One line (or block) of output; the implementation adds the final line break. */
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
}

interface ExportOptions {
  file: string;
  format: NoticeFormat;
  audience: NoticeAudience;
  output: string | undefined;
  deadlineDays: number | undefined;
  profile: ReportProfile | undefined;
}

/**
 * `postmortem-lint export <file> [--format md|html] [--output <file>]`: the same notice as the
 * editor's "Export Notice" command, from the same service. Exit 0 written, 1 the document does not
 * parse (nothing is written: a notice from half a document is worse than none), 2 bad usage or I/O.
 */
export async function runExport(args: string[], io: CliIo, locale: string | undefined): Promise<number> {
  const l10n = createLocalizer(locale);
  const configOption = takeConfigOption([...args], l10n);
  const options = typeof configOption === 'string' ? configOption : parseExportArguments(configOption.argv, l10n);
  if (typeof options === 'string') {
    io.stderr(options === 'help' ? `${l10n.t('notice.cli.usage')}\n${l10n.t('report.cli.usage')}` : options);
    return options === 'help' ? 0 : 2;
  }
  let text: string;
  try {
    text = await io.readFile(options.file);
  } catch (error) {
    io.stderr(l10n.t('cli.unreadable', options.file, error instanceof Error ? error.message : String(error)));
    return 2;
  }
  const service = createPostmortemService({ locale: l10n.locale, ...(options.deadlineDays === undefined ? {} : { settings: { disclosureDeadlineDays: options.deadlineDays } }) });
  // Today is the machine's date, as for the lint: the internal version marks overdue action items.
  service.configure({ today: localDate() });
  // The team's configuration (regimes, deadline, ticket URLs) shapes the export as it does in the editor.
  if ((await applyProjectConfig(service, { path: typeof configOption === 'string' ? undefined : configOption.path, deadlineDays: options.deadlineDays }, io.stderr, l10n)).failed) return 2;
  const document = { uri: pathToFileURL(resolve(options.file)).href, version: 1, getText: () => text };
  const problem = service.timelineModel(document).problem;
  if (problem) {
    io.stderr(l10n.t('notice.cli.notParsed', options.file, problem.message));
    return 1;
  }
  const notice = options.profile ? service.exportReport(document, options.profile, options.format) : service.exportNotice(document, options.format, options.audience);
  if (options.output === undefined) {
    io.stdout(notice.replace(/\n$/, ''));
    return 0;
  }
  try {
    await io.writeFile(options.output, notice);
  } catch (error) {
    io.stderr(l10n.t('cli.unreadable', options.output, error instanceof Error ? error.message : String(error)));
    return 2;
  }
  return 0;
}

function parseExportArguments(args: readonly string[], l10n: Localizer): ExportOptions | string {
  const files: string[] = [];
  let format: string | undefined;
  let audience: string | undefined;
  let output: string | undefined;
  let deadlineDays: number | undefined;
  let profile: ReportProfile | undefined;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index] as string;
    const value = (): string | undefined => args[++index];
    const [flag, inline] = argument.startsWith('--') && argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    const take = (): string | undefined => inline ?? value();
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--format':
      case '-f':
        format = take();
        if (format === undefined) return l10n.t('cli.missingValue', flag);
        break;
      case '--audience':
        audience = take();
        if (audience === undefined) return l10n.t('cli.missingValue', flag);
        if (audience !== 'public' && audience !== 'internal') return l10n.t('notice.cli.badAudience', audience);
        break;
      case '--output':
      case '-o':
        output = take();
        if (output === undefined) return l10n.t('cli.missingValue', flag);
        break;
      case '--deadline-days': {
        const days = take();
        if (days === undefined) return l10n.t('cli.missingValue', flag);
        if (!/^\d+$/.test(days)) return l10n.t('cli.badNumber', flag, days);
        deadlineDays = Number(days);
        break;
      }
      case '--profile': {
        const name = take();
        if (name === undefined) return l10n.t('cli.missingValue', flag);
        if (!(REPORT_PROFILES as readonly string[]).includes(name)) return l10n.t('report.cli.badProfile', name);
        profile = name as ReportProfile;
        break;
      }
      case '--locale':
        // Read by the caller already; skip its value.
        take();
        break;
      default:
        if (argument.startsWith('-') && argument !== '-') return l10n.t('cli.unknownOption', argument);
        files.push(argument);
    }
  }
  if (files.length === 0) return l10n.t('notice.cli.noFile');
  if (files.length > 1) return l10n.t('notice.cli.tooMany', files.length);
  const chosen = format ?? (output && /\.html?$/i.test(output) ? 'html' : 'md');
  if (chosen !== 'md' && chosen !== 'html') return l10n.t('notice.cli.badFormat', chosen);
  return { file: files[0] as string, format: chosen, audience: audience === 'internal' ? 'internal' : 'public', output, deadlineDays, profile };
}
