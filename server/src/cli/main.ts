import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { pathToFileURL } from 'node:url';
import { createLocalizer, createPostmortemService, type Localizer } from '../service';
import { runExport, type CliIo } from './export';
import { expandInput } from './files';
import { applyProjectConfig, takeConfigOption } from './projectConfig';
import { localDate } from '../protocol/today';

const VERSION = '0.1.0';

interface LintOptions {
  inputs: string[];
  excludes: string[];
  deadlineDays: number | undefined;
  locale: string | undefined;
  quiet: boolean;
}

/** The command line: the same service as the editor, so the same findings, printed one per line. */
export async function main(argv: string[], io: CliIo, environmentLocale: string | undefined): Promise<number> {
  const localeArgument = argv.indexOf('--locale');
  const locale = (localeArgument >= 0 ? argv[localeArgument + 1] : undefined) ?? environmentLocale;
  const l10n = createLocalizer(locale);
  if (argv[0] === 'export') return runExport(argv.slice(1), io, locale);

  const configOption = takeConfigOption(argv, l10n);
  const parsed = typeof configOption === 'string' ? configOption : parseArguments(configOption.argv, l10n);
  if (typeof parsed === 'string') {
    io.stderr(parsed === 'help' ? l10n.t('cli.usage') : parsed === 'version' ? VERSION : parsed);
    return parsed === 'help' || parsed === 'version' ? 0 : 2;
  }

  const files: string[] = [];
  let unreadable = false;
  for (const input of parsed.inputs) {
    const expansion = await expandInput(input);
    if (expansion.kind === 'files') files.push(...expansion.files.filter((file) => !parsed.excludes.some((exclude) => file.includes(exclude))));
    else {
      io.stderr(l10n.t(expansion.kind === 'missing' ? 'cli.notFound' : 'cli.noneFound', input));
      unreadable = true;
    }
  }

  const service = createPostmortemService({ locale: l10n.locale, ...(parsed.deadlineDays === undefined ? {} : { settings: { disclosureDeadlineDays: parsed.deadlineDays } }) });
  service.configure({ today: localDate() });
  // The project configuration is checked with the postmortems, so its own mistakes show in the same report.
  const project = await applyProjectConfig(service, { path: typeof configOption === 'string' ? undefined : configOption.path, deadlineDays: parsed.deadlineDays }, io.stderr, l10n);
  files.push(...project.files);
  unreadable ||= project.failed;
  const totals = { errors: 0, warnings: 0, infos: 0 };
  const inputs: { file: string; uri: string; text: string }[] = [];
  for (const file of [...new Set(files)]) {
    try {
      inputs.push({ file, uri: pathToFileURL(file).href, text: await io.readFile(file) });
    } catch (error) {
      io.stderr(l10n.t('cli.unreadable', file, error instanceof Error ? error.message : String(error)));
      unreadable = true;
    }
  }
  // The files given are the workspace: language versions of one incident among them are compared.
  service.setWorkspaceDocuments(inputs.map(({ uri, text }) => ({ uri, version: 1, getText: () => text })));
  for (const { file, uri, text } of inputs) {
    const diagnostics = service.validate({ uri, version: 1, getText: () => text });
    for (const diagnostic of diagnostics) {
      if (diagnostic.severity === DiagnosticSeverity.Error) totals.errors++;
      else if (diagnostic.severity === DiagnosticSeverity.Warning) totals.warnings++;
      else totals.infos++;
      if (!parsed.quiet || diagnostic.severity === DiagnosticSeverity.Error) io.stdout(formatDiagnostic(relative(process.cwd(), file) || file, diagnostic, l10n));
    }
  }
  io.stderr(l10n.t('cli.summary', new Set(files).size, totals.errors, totals.warnings, totals.infos));
  if (unreadable) return 2;
  return totals.errors > 0 ? 1 : 0;
}

export function formatDiagnostic(file: string, diagnostic: Diagnostic, l10n: Localizer): string {
  const { line, character } = diagnostic.range.start;
  return `${file}:${line + 1}:${character + 1} ${severityWord(diagnostic.severity, l10n)} ${diagnostic.message} [${String(diagnostic.code)}]`;
}

function severityWord(severity: DiagnosticSeverity | undefined, l10n: Localizer): string {
  switch (severity) {
    case DiagnosticSeverity.Warning:
      return l10n.t('severity.warning');
    case DiagnosticSeverity.Information:
      return l10n.t('severity.info');
    case DiagnosticSeverity.Hint:
      return l10n.t('severity.hint');
    default:
      return l10n.t('severity.error');
  }
}

function parseArguments(argv: string[], l10n: Localizer): LintOptions | string {
  const options: LintOptions = { inputs: [], excludes: [], deadlineDays: undefined, locale: undefined, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] ?? '';
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(l10n.t('cli.missingValue', argument));
      return next;
    };
    try {
      if (argument === '-h' || argument === '--help') return 'help';
      if (argument === '-v' || argument === '--version') return 'version';
      if (argument === '--exclude') options.excludes.push(value());
      else if (argument === '--locale') options.locale = value();
      else if (argument === '--quiet') options.quiet = true;
      else if (argument === '--deadline-days') {
        const text = value();
        const days = Number(text);
        if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(days)) return l10n.t('cli.badNumber', argument, text);
        options.deadlineDays = days;
      } else if (argument.startsWith('-') && argument !== '-') return l10n.t('cli.unknownOption', argument);
      else options.inputs.push(argument);
    } catch (error) {
      if (error instanceof UsageError) return error.message;
      throw error;
    }
  }
  return options.inputs.length === 0 ? l10n.t('cli.noInputs') : options;
}

class UsageError extends Error {}

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n'),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: async (path, text) => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path, text, 'utf8');
  },
};

/** Entry of the `postmortem-lint` bin: runs with the process's arguments and sets its exit code. */
export function runCli(): void {
  main(process.argv.slice(2), nodeIo, process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
