import { countSum } from './countSum';
import { doneWithoutDate, insecureContact } from './countermeasures';
import { duplicateId, unaddressedFactor, unknownFactor } from './factors';
import { periodOrder } from './periodOrder';
import { unknownCategory, unknownSeverity } from './projectScales';
import { REGULATORY_RULES } from './regulatory';
import type { Rule } from './rule';
import { timelineOrder } from './timelineOrder';
import { ambiguousTime, disclosureLag, impossibleTime, unknownTimeZone } from './times';

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
  unknownSeverity,
  unknownCategory,
  ...REGULATORY_RULES,
];
