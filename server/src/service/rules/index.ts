import type { MessageKey } from '../l10n';
import { countSum } from './countSum';
import { doneWithoutDate } from './doneWithoutDate';
import { insecureContact } from './insecureContact';
import { detectedBeforeImpact } from './detectedBeforeImpact';
import { documentTooLarge } from './documentTooLarge';
import { doneInFuture } from './doneInFuture';
import { duplicateAddress } from './duplicateAddress';
import { duplicateId } from './duplicateId';
import { unaddressedFactor } from './unaddressedFactor';
import { unknownFactor } from './unknownFactor';
import { overdue } from './overdue';
import { parityMismatch } from './parityMismatch';
import { periodOrder } from './periodOrder';
import { unknownCategory, unknownSeverity } from './projectScales';
import {
  regulatoryBeforeClock,
  regulatoryDue,
  regulatoryHint,
  regulatoryLate,
  regulatoryNoClock,
  regulatoryOverdue,
  regulatoryPrompt,
  regulatoryUnknownRegime,
  regulatoryUnknownStage,
} from './regulatory';
import type { Check } from './rule';
import { schemaConst, schemaEmpty, schemaEnum, schemaMinimum, schemaRequired, schemaType, schemaUnknownKey, yamlSyntax } from './schema';
import { timelineOrder } from './timelineOrder';
import { ambiguousTime } from './ambiguousTime';
import { disclosureLag } from './disclosureLag';
import { schemaFormat } from './schemaFormat';
import { schemaTimezone } from './schemaTimezone';
import { timezoneAbbreviation } from './timezoneAbbreviation';
import { unknownRule } from './unknownRule';
import { untilOrder } from './untilOrder';

/**
 * Every check, each once, in the order of the format's checks table: the one list that validation
 * runs, the project configuration's `rules:` accepts, the code actions dispatch on, the CLI's SARIF
 * lists and the documentation's tables are tested against. A new check is one file and one line here.
 */
const ALL = [
  yamlSyntax,
  schemaRequired,
  schemaUnknownKey,
  schemaType,
  schemaEnum,
  schemaConst,
  schemaFormat,
  schemaEmpty,
  schemaMinimum,
  schemaTimezone,
  timelineOrder,
  periodOrder,
  untilOrder,
  detectedBeforeImpact,
  countSum,
  unknownFactor,
  duplicateAddress,
  unaddressedFactor,
  duplicateId,
  ambiguousTime,
  disclosureLag,
  doneWithoutDate,
  doneInFuture,
  overdue,
  insecureContact,
  timezoneAbbreviation,
  unknownSeverity,
  unknownCategory,
  regulatoryUnknownRegime,
  regulatoryUnknownStage,
  regulatoryNoClock,
  regulatoryLate,
  regulatoryPrompt,
  regulatoryOverdue,
  regulatoryDue,
  regulatoryBeforeClock,
  regulatoryHint,
  parityMismatch,
  documentTooLarge,
  unknownRule,
] as const;

/** A diagnostic code of this checker: tools and users may rely on them (the spec's table). */
export type CheckCode = (typeof ALL)[number]['code'];

export const CHECKS: readonly Check<CheckCode>[] = ALL;

/**
 * The key of a code's one line of help (SARIF's rule description), `rule.<code>` in any messages
 * module, English and Japanese (a module's two tables have the same keys, the type checker
 * insists). A check without its line does not compile here.
 */
export function helpKeyOf(code: CheckCode): MessageKey {
  const key: Extract<`rule.${CheckCode}`, MessageKey> = `rule.${code}`;
  return key;
}

/** The checks a postmortem's findings come from, which the project configuration's `rules:` may tune. */
export function postmortemChecks(): readonly Check<CheckCode>[] {
  return CHECKS.filter((check) => check.scope !== 'config');
}

/** The codes a `rules:` entry of postmortem.config.yaml may name. */
export function tunableChecks(): readonly Check<CheckCode>[] {
  return postmortemChecks().filter((check) => check.tunable !== false);
}

const BY_CODE = new Map<string, Check<CheckCode>>(CHECKS.map((check) => [check.code, check]));

/** The check of a diagnostic's code (which may come back from the client as any JSON). */
export function checkOf(code: unknown): Check<CheckCode> | undefined {
  return typeof code === 'string' ? BY_CODE.get(code) : undefined;
}
