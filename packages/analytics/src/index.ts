/**
 * @benvung/analytics: relapse statistics that match R's `survival` package — Kaplan–Meier curves
 * with Greenwood errors, confidence intervals and medians, the log-rank test — plus cohort tables,
 * transition matrices, official flow figures and small-cell suppression. Pure: no clock, no I/O.
 */

// cohorts, transitions and flows
export {
  type CohortEpisode,
  type CohortOptions,
  type CohortPoint,
  type CohortRow,
  cumulativeRelapseByCohort,
  DAYS_PER_YEAR,
} from './cohorts/cumulative-relapse.js';
export {
  type FlowEpisode,
  type FlowOptions,
  type UnitYearCounts,
  type UnitYearFlow,
  unitYearFlows,
} from './cohorts/flows.js';
export {
  POVERTY_STATUSES,
  type PovertyStatus,
  type StatusObservation,
  type TransitionCell,
  type TransitionMatrices,
  type TransitionMatrix,
  type TransitionRow,
  transitionMatrices,
} from './cohorts/transitions.js';
export { daysBetween } from './dates.js';
export { type AnalyticsErrorCode, AnalyticsInputError } from './errors.js';
// numerical building blocks
export { chiSquareUpperTail } from './math/chi-square.js';
export { logGamma, regularizedGammaP, regularizedGammaQ } from './math/gamma.js';
export { normalQuantile } from './math/normal-quantile.js';
// publication rules: calendar, cells across units, banded life tables, tables, the export
export {
  bandEnds,
  DAYS_PER_MONTH,
  MONTHS_PER_BAND,
  monthDays,
  publicationDate,
  roundToMonth,
} from './privacy/calendar.js';
export {
  type CellCount,
  type CellDecisions,
  groupReasons,
  isPublished,
  protectCells,
  publishableCount,
  type WithheldReason,
} from './privacy/cells.js';
export {
  type AnonymisedExport,
  anonymiseEpisodes,
  type ExportEpisode,
  GENERALISATION_LEVELS,
  type GeneralisationLevel,
  type GeneralisedRow,
  generalise,
} from './privacy/export.js';
export { bandedCurve, type Interval, mergeIntervals, type ProtectedCurve } from './privacy/life-table.js';
export {
  type CohortCell,
  type ProtectedCohortPoint,
  type ProtectedCohortRow,
  protectedCohorts,
} from './privacy/protected-cohorts.js';
export { protectedFlows } from './privacy/protected-flows.js';
export {
  type ProtectedLogRank,
  type ProtectedSurvival,
  protectedSurvival,
  type SurvivalCell,
} from './privacy/protected-survival.js';
export {
  type ProtectedTransitionCell,
  type ProtectedTransitionMatrix,
  type ProtectedTransitions,
  protectedTransitions,
  type UnitStatusObservation,
} from './privacy/protected-transitions.js';
// privacy
export {
  isSmallCount,
  MIN_CELL_SIZE,
  type Suppressible,
  type SuppressionOptions,
  suppressFields,
  withhold,
} from './privacy/suppress.js';
export {
  type PublishedCurve,
  type PublishedLogRank,
  type PublishedRow,
  type SurvivalSuppressionOptions,
  suppressCurve,
  suppressSurvival,
} from './privacy/survival.js';
export { protectTable } from './privacy/table-suppression.js';
export {
  type PublishedCohortRow,
  type PublishedFlow,
  type PublishedTransitionMatrix,
  suppressCohorts,
  suppressFlows,
  suppressTransitionMatrix,
} from './privacy/tables.js';
// survival
export {
  type GroupSurvival,
  type SurvivalByGroup,
  type SurvivalByGroupOptions,
  survivalByGroup,
} from './survival/by-group.js';
export { kaplanMeier } from './survival/kaplan-meier.js';
export { type LogRankGroup, type LogRankResult, logRank } from './survival/log-rank.js';
export { MEDIAN_TOLERANCE } from './survival/median.js';
export {
  CONF_TYPES,
  type ConfType,
  type GroupedObservation,
  type KaplanMeierOptions,
  type KaplanMeierResult,
  type KaplanMeierRow,
  type SurvivalObservation,
} from './survival/types.js';
