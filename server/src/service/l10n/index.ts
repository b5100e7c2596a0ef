import { actionsMessages } from './messages/actions';
import { limitsMessages } from './messages/limits';
import { checksMessages } from './messages/checks';
import { cliMessages } from './messages/cli';
import { templateMessages } from './messages/template';
import { completionMessages } from './messages/completion';
import { configMessages } from './messages/config';
import { hoverMessages } from './messages/hover';
import { noticeMessages } from './messages/notice';
import { notice11Messages } from './messages/notice11';
import { parityMessages } from './messages/parity';
import { regulatoryMessages } from './messages/regulatory';
import { reportMessages } from './messages/reports';
import { validationMessages } from './messages/validation';
import { format11Messages } from './messages/format11';

export type Locale = 'en' | 'ja';

/** One table per feature keeps the files small and lets features grow their strings independently. */
const modules = [validationMessages, completionMessages, hoverMessages, actionsMessages, noticeMessages, notice11Messages, cliMessages, templateMessages, format11Messages, checksMessages, configMessages, regulatoryMessages, parityMessages, reportMessages, limitsMessages] as const;

type Union<T> = T extends readonly (infer M)[] ? M : never;
type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;
type AllMessages = UnionToIntersection<Union<typeof modules>['en']>;

export type MessageKey = keyof AllMessages & string;

const tables: Record<Locale, Record<string, string>> = {
  en: Object.assign({}, ...modules.map((module) => module.en)) as Record<string, string>,
  ja: Object.assign({}, ...modules.map((module) => module.ja)) as Record<string, string>,
};

export interface Localizer {
  readonly locale: Locale;
  t(key: MessageKey, ...args: (string | number)[]): string;
}

/** Any BCP 47 tag or POSIX locale (`ja-JP`, `ja_JP.UTF-8`) maps onto the tables we have. */
export function resolveLocale(tag: string | undefined | null): Locale {
  return typeof tag === 'string' && /^ja(\b|[-_])/i.test(tag) ? 'ja' : 'en';
}

const cache = new Map<Locale, Localizer>();

export function createLocalizer(locale: string | undefined): Localizer {
  const resolved = resolveLocale(locale);
  let localizer = cache.get(resolved);
  if (!localizer) {
    const table = tables[resolved];
    localizer = {
      locale: resolved,
      t: (key, ...args) => format(table[key] ?? tables.en[key] ?? key, args),
    };
    cache.set(resolved, localizer);
  }
  return localizer;
}

function format(template: string, args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? match : String(value);
  });
}
