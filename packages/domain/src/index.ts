/**
 * @benvung/domain: the household decider, its events and commands, poverty standards and geography
 * as data. Pure: no clock, no randomness, no I/O.
 */

export {
  type CsvProblem,
  type CsvRecord,
  parseConversionCsv,
  parseCrosswalkCsv,
  parseCsv,
  parseCsvRecords,
  parseUnitListCsv,
  parseUnitsCsv,
  type UnnumberedConversion,
} from './geography/csv.js';
export { DEMO_CROSSWALK, DEMO_UNITS } from './geography/data/demo-communes.js';
export { PROVINCE_COUNTS, PROVINCE_CROSSWALK, PROVINCE_UNITS } from './geography/data/provinces.js';
export { defaultUnitRegistry, unitAsOf, unitCovers } from './geography/default-registry.js';
export { createUnitRegistry, extendUnitRegistry, LATEST, type UnitRegistry } from './geography/registry.js';
// geography
export type { UnitLevel } from './geography/unit-code.js';
export { UnitCode, unitLevel } from './geography/unit-code.js';
export { applyUnitList, type UnitListChanges } from './geography/unit-list-update.js';
export type { AdminUnit, CrosswalkEntry, UnitData, UnitKind } from './geography/units.js';
export { areaOfKind, DISTRICTS_ABOLISHED_ON, PROVINCE_MERGER_DATE, UNIT_KINDS } from './geography/units.js';
export type { EncodedHouseholdEvent } from './household/codec.js';
export { decodeHouseholdEnvelope, decodeHouseholdEvent, encodeHouseholdEvent } from './household/codec.js';
export * from './household/commands.js';
export { DEFAULT_DECIDE_CONTEXT, type DecideContext } from './household/decide/context.js';
export { decide } from './household/decide.js';
export { householdDecider, householdStreamId, replay } from './household/decider.js';
export { ETHNIC_GROUPS, EthnicityCode, ethnicGroupName, KINH } from './household/ethnicity.js';
export * from './household/events.js';
export { derive as deriveFromLog, type EvolveInput, evolve, stateBefore } from './household/evolve.js';
export { isCorrection } from './household/facts.js';
export { SUPPORT_LIMITS } from './household/limits.js';
export * from './household/state.js';
export {
  afterReview,
  classificationOn,
  currentNewlyEscapedUntil,
  deriveTransition,
  escapeOf,
  type ListHistory,
  listHistoryOf,
  NEWLY_ESCAPED_MONTHS,
  NO_LIST_HISTORY,
  newlyEscapedOn,
  newlyEscapedUntil,
} from './household/transitions.js';
// household
export * from './household/values.js';
// problem messages: every problem code's title and detail in Vietnamese and English (browser-safe)
export {
  formatProblemTemplate,
  PROBLEM_LOCALES,
  type ProblemLocale,
  type ProblemText,
  type ProblemTexts,
  templatePlaceholders,
} from './messages/format.js';
export { labelOf, type ValueVocabulary, VOCABULARIES } from './messages/labels.js';
export {
  type ApiProblemCode,
  isProblemCode,
  type LocalizedProblem,
  localizeProblem,
  PROBLEM_MESSAGES,
  type ProblemCode,
  type ProblemLike,
} from './messages/problem-messages.js';
// review rounds
export * from './review-round/index.js';
// rules as versioned data
export {
  programmeRowOn,
  REVIEW_TYPES,
  RuleBook,
  type RuleSet,
  type RuleVersion,
  sectionsOf,
  type Versioned,
} from './rules/rule-book.js';
export * from './rules/schemas.js';
export { SHIPPED_RULE_BOOK, SHIPPED_RULE_DOCUMENTS } from './rules/shipped.js';
export { loadInto, type RuleProblem, validateRuleSet } from './rules/validate.js';
export { addDays, addMonths, yearOf } from './shared/dates.js';
// shared
export type { Decider } from './shared/decider.js';
export { DOMAIN_ERROR_CODES, type DomainErrorCode, domainError } from './shared/error-codes.js';
export * from './shared/errors.js';
export { assertNever } from './shared/exhaustive.js';
export { foldText } from './shared/fold-text.js';
export { FORBIDDEN_CHARACTERS_ISSUE, forbiddenCharacterIn, type TextRule } from './shared/text.js';
export {
  type ClassificationResult,
  type ClassifyInput,
  classifyHousehold,
  MAX_INCOME_PER_CAPITA_VND,
} from './standards/classify.js';
export { classifyByFormScores, FormScoresInput, type FormScoresRecord } from './standards/form-scores.js';
export { LIST_YEAR_RULES, listYearFor } from './standards/list-year-rule.js';
export * from './standards/loan-programmes.js';
export { DEFAULT_STANDARDS_DATA, POVERTY_STANDARDS, standardById, standardForListYear } from './standards/standards.js';
// poverty standards
export type * from './standards/types.js';
// a unit's figures (denominators) and targets
export * from './unit-figures/index.js';
