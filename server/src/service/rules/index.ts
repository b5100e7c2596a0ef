import { countSum } from './countSum';
import { doneWithoutDate, insecureContact } from './countermeasures';
import { detectedBeforeImpact } from './detectedBeforeImpact';
import { doneInFuture } from './doneInFuture';
import { duplicateAddress } from './duplicateAddress';
import { duplicateId, unaddressedFactor, unknownFactor } from './factors';
import { overdue } from './overdue';
import { periodOrder } from './periodOrder';
import { unknownCategory, unknownSeverity } from './projectScales';
import { REGULATORY_RULES } from './regulatory';
import type { Rule } from './rule';
import { timelineOrder } from './timelineOrder';
import { ambiguousTime, disclosureLag, impossibleTime, unknownTimeZone } from './times';
import { timezoneAbbreviation } from './timezoneAbbreviation';
import { untilOrder } from './untilOrder';

/** Every cross-field check of the format, in the order of the spec's table. */
export const RULES: readonly Rule[] = [
  timelineOrder,
  periodOrder,
  countSum,
  unknownFactor,
  unaddressedFactor,
  duplicateId,
  ambiguousTime,
  disclosureLag,
  doneWithoutDate,
  insecureContact,
  unknownTimeZone,
  impossibleTime,
  untilOrder,
  detectedBeforeImpact,
  doneInFuture,
  overdue,
  duplicateAddress,
  timezoneAbbreviation,
  unknownSeverity,
  unknownCategory,
  ...REGULATORY_RULES,
];
