import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createLocalizer, createPostmortemService, type Localizer } from '../service';
import { runExport } from './export';
import { collectInputs } from './files';
import { FORMATS, formatGithub, formatJson, formatStylish, type FileResult, type FormatName } from './formats';
import { type CliIo, nodeIo } from './io';
import { SETTING_OPTIONS, settingFlagsUsage, settingsFromFlags } from './settingFlags';
import { isUsageProblem, optionCount, optionValue, parseArguments, type OptionSpec } from './options';
import { decode, MAX_DOCUMENT_BYTES, megabytes, readSource, type InputProblem } from './read';
import { TOOL_VERSION } from './rules';
import { applyProjectConfig } from './projectConfig';
import { formatSarif } from './sarif';

export type { CliIo } from './io';

const LINT_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', alias: 'f', value: 'text' },
  { name: 'max-warnings', value: 'count' },
  { name: 'quiet' },
  { name: 'stdin' },
  { name: 'stdin-filename', value: 'text' },
  { name: 'exclude', value: 'text', repeatable: true },
  { name: 'config', value: 'text' },
  ...SETTING_OPTIONS,
  { name: 'locale', value: 'text' },
  { name: 'help', alias: 'h' },
  { name: 'version', alias: 'v' },
];

/**
 * The command line: the same service as the editor, so the same findings. Exit 0 clean, 1 errors (or
 * more warnings than --max-warnings), 2 bad usage or a file that could not be read.
 */
export async function main(argv: string[], io: CliIo, environmentLocale: string | undefined): Promise<number> {
  if (argv[0] === 'export') return runExport(argv.slice(1), io, environmentLocale);
  const parsed = parseArguments(argv, LINT_OPTIONS);
  const l10n = createLocalizer(parsed.locale ?? environmentLocale);
  if (isUsageProblem(parsed)) return usageError(io, l10n.t(parsed.key, ...parsed.args));
  if (parsed.values.has('help')) {
    io.stdout(l10n.t('cli.usage', settingFlagsUsage(l10n)));
    return 0;
  }
  if (parsed.values.has('version')) {
    io.stdout(TOOL_VERSION);
    return 0;
  }
  const format = optionValue(parsed, 'format') ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) return usageError(io, l10n.t('cli.badFormat', format));
  const stdinName = optionValue(parsed, 'stdin-filename');
  const useStdin = parsed.values.has('stdin') || parsed.positionals.includes('-');
  if (stdinName !== undefined && !useStdin) return usageError(io, l10n.t('cli.stdinFilenameAlone'));
  if (useStdin && parsed.positionals.some((input) => input !== '-')) return usageError(io, l10n.t('cli.stdinWithFiles'));
  if (!useStdin && parsed.positionals.length === 0) return usageError(io, l10n.t('cli.noInputs'));

  const overrides = settingsFromFlags(parsed);
  const service = createPostmortemService({ locale: l10n.locale, settings: { today: io.today(), ...overrides } });
  // The project configuration governs every file (its size limit too), and is checked with them.
  const project = await applyProjectConfig(service, { path: optionValue(parsed, 'config'), overrides, cwd: io.cwd }, io.stderr, l10n);
  const limit = overrides.maxDocumentBytes ?? project.maxDocumentBytes ?? MAX_DOCUMENT_BYTES;

  const problems: InputProblem[] = [];
  const documents: { path: string; text: string }[] = [];
  if (useStdin) {
    const bytes = await io.readStdin(limit);
    const name = stdinName ?? '<stdin>';
    if (bytes === undefined) problems.push({ key: 'cli.tooLarge', args: [name, `> ${megabytes(limit)}`, megabytes(limit)] });
    else {
      const { text, invalidUtf8 } = decode(bytes);
      if (invalidUtf8) io.stderr(l10n.t('cli.invalidUtf8', name));
      documents.push({ path: name, text });
    }
  } else {
    const collected = await collectInputs(parsed.positionals, parsed.values.get('exclude') ?? [], io.cwd);
    problems.push(...collected.problems);
    for (const file of collected.files) {
      const source = await readSource(resolve(io.cwd, file), limit, file);
      if ('problem' in source) problems.push(source.problem);
      else {
        if (source.invalidUtf8) io.stderr(l10n.t('cli.invalidUtf8', file));
        documents.push({ path: file, text: source.text });
      }
    }
  }
  for (const problem of problems) io.stderr(l10n.t(problem.key, ...problem.args));
  if (documents.length === 0) return 2;

  let configUnreadable = project.failed;
  for (const file of project.files) {
    const source = await readSource(resolve(io.cwd, file), limit, file);
    if ('problem' in source) {
      io.stderr(l10n.t(source.problem.key, ...source.problem.args));
      configUnreadable = true;
    } else documents.push({ path: file, text: source.text });
  }
  // The files given are the workspace: language versions of one incident among them are compared.
  service.setWorkspaceDocuments(documents.map(({ path, text }) => ({ uri: pathToFileURL(resolve(io.cwd, path)).href, version: 1, getText: () => text })));
  const totals = { errors: 0, warnings: 0, infos: 0 };
  const results: FileResult[] = [];
  const quiet = parsed.values.has('quiet');
  for (const { path, text } of documents) {
    const absolute = resolve(io.cwd, path);
    const uri = pathToFileURL(absolute).href;
    const diagnostics = service.validate({ uri, version: 1, getText: () => text });
    for (const diagnostic of diagnostics) {
      if (diagnostic.severity === DiagnosticSeverity.Error) totals.errors++;
      else if (diagnostic.severity === DiagnosticSeverity.Warning) totals.warnings++;
      else totals.infos++;
    }
    const shown = quiet ? diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error) : diagnostics;
    results.push({ path: displayPath(io.cwd, path, absolute), uri, text, diagnostics: shown });
  }
  for (const line of render(format as FormatName, results, l10n, io.cwd)) io.stdout(line);
  io.stderr(l10n.t('cli.summary', documents.length, totals.errors, totals.warnings, totals.infos));
  const maxWarnings = optionCount(parsed, 'max-warnings');
  const tooManyWarnings = maxWarnings !== undefined && totals.warnings > maxWarnings;
  if (tooManyWarnings) io.stderr(l10n.t('cli.tooManyWarnings', totals.warnings, maxWarnings));
  if (problems.length > 0 || configUnreadable) return 2;
  return totals.errors > 0 || tooManyWarnings ? 1 : 0;
}

function render(format: FormatName, results: FileResult[], l10n: Localizer, cwd: string): string[] {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, l10n, cwd);
    case 'github':
      return formatGithub(results);
    case 'stylish':
      return formatStylish(results);
  }
}

/** Relative to the working folder when inside it, so that matchers and code scanning find the file. */
function displayPath(cwd: string, given: string, absolute: string): string {
  if (given.startsWith('<')) return given;
  const inside = relative(cwd, absolute);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : absolute;
}

function usageError(io: CliIo, message: string): number {
  io.stderr(message);
  return 2;
}

/** Entry of the `postmortem-lint` bin: runs with the process's arguments and sets its exit code. */
export function runCli(): void {
  // `postmortem-lint … | head` closes the pipe early: stop quietly, as other command line tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2), nodeIo, process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
