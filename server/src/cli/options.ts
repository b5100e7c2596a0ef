import type { MessageKey } from '../service/l10n';

/** One option of a command: `--name value`, `--name=value` and the short alias all mean the same. */
export interface OptionSpec {
  readonly name: string;
  readonly alias?: string;
  /** Options without a value are flags; `--flag=x` is refused rather than silently ignored. */
  readonly value?: 'text' | 'count';
  readonly repeatable?: boolean;
}

export interface ParsedArguments {
  /** Values by option name (without the dashes); flags are `'true'`. Repeatable options collect every value. */
  readonly values: Map<string, string[]>;
  readonly positionals: string[];
  /** Seen even when parsing fails, so the error itself can be worded in the asked-for language. */
  readonly locale: string | undefined;
}

export interface UsageProblem {
  readonly key: MessageKey;
  readonly args: (string | number)[];
  readonly locale: string | undefined;
}

/**
 * The one option parser of `postmortem-lint` and `postmortem-lint export`. `-` alone is a positional
 * (standard input); `--` ends the options. Numbers (`count`) are whole and not negative.
 */
export function parseArguments(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArguments | UsageProblem {
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  let locale: string | undefined;
  const problem = (key: MessageKey, ...args: (string | number)[]): UsageProblem => ({ key, args, locale });
  // A first pass for the locale, so that a problem anywhere is reported in the right language.
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] ?? '';
    if (argument === '--') break;
    if (argument.startsWith('--locale=')) locale = argument.slice('--locale='.length);
    else if (argument === '--locale') locale = argv[i + 1];
  }
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] ?? '';
    if (argument === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!argument.startsWith('-') || argument === '-') {
      positionals.push(argument);
      continue;
    }
    const equals = argument.startsWith('--') ? argument.indexOf('=') : -1;
    const flag = equals >= 0 ? argument.slice(0, equals) : argument;
    const spec = specs.find((candidate) => `--${candidate.name}` === flag || (candidate.alias !== undefined && `-${candidate.alias}` === flag));
    if (!spec) return problem('cli.unknownOption', flag);
    let value: string;
    if (!spec.value) {
      if (equals >= 0) return problem('cli.noValueExpected', flag);
      value = 'true';
    } else if (equals >= 0) {
      value = argument.slice(equals + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined) return problem('cli.missingValue', flag);
      value = next;
      i++;
    }
    if (spec.value && value === '') return problem('cli.missingValue', flag);
    if (spec.value === 'count' && !/^\d+$/.test(value)) return problem('cli.badNumber', flag, value);
    const previous = values.get(spec.name);
    if (previous && !spec.repeatable && previous[0] !== value) return problem('cli.repeated', flag);
    values.set(spec.name, spec.repeatable ? [...(previous ?? []), value] : [value]);
  }
  return { values, positionals, locale };
}

export function isUsageProblem(result: ParsedArguments | UsageProblem): result is UsageProblem {
  return 'key' in result;
}

/** The last value of an option, if given. */
export function optionValue(parsed: ParsedArguments, name: string): string | undefined {
  return parsed.values.get(name)?.at(-1);
}

export function optionCount(parsed: ParsedArguments, name: string): number | undefined {
  const value = optionValue(parsed, name);
  return value === undefined ? undefined : Number(value);
}
