export { allProjections, createAllProjections } from './all-projections.js';
export { createReadModelDb } from './db.js';
export { type ListMovement, type ListSpell, listMovements } from './household/list-movements.js';
export { UNIT_YEAR_COUNTS, type UnitYearCount } from './household/unit-year.js';
export type { HouseholdFlag, HouseholdFlagFacts } from './household-status/flags.js';
export { HOUSEHOLD_FLAG_COLUMNS, HOUSEHOLD_FLAGS, householdFlags } from './household-status/flags.js';
export { forgetHouseholdPersonalData } from './household-status/forget-personal.js';
export type { HouseholdProjectionOptions } from './household-status/household-status-projection.js';
export {
  createHouseholdProjection,
  householdStatusProjection,
} from './household-status/household-status-projection.js';
export type {
  HouseholdListQuery,
  HouseholdListRow,
  HouseholdPage,
  HouseholdSortKey,
} from './household-status/list-households.js';
export { HOUSEHOLD_LIST_COLUMNS, HOUSEHOLD_SORT_KEYS, listHouseholds } from './household-status/list-households.js';
export { getHouseholdStatus } from './household-status/queries.js';
export { NATIONAL_ID_PATTERN, nameSearchKey, nationalIdDigest } from './household-status/search-keys.js';
export { lateChangesProjection } from './late-changes/late-changes-projection.js';
export type { YearEndQuery, YearStatus } from './list-spells/queries.js';
export { yearEndStatuses } from './list-spells/queries.js';
export { migrateReadModels } from './migrate.js';
export { REBUILD_SCHEMA } from './rebuild/apply-page.js';
export type { RebuildOptions, RebuildProgress, RebuildResult } from './rebuild/rebuild.js';
export { rebuildProjections } from './rebuild/rebuild.js';
export type { RelapseEpisodeQuery } from './relapse-episodes/queries.js';
export { listRelapseEpisodes } from './relapse-episodes/queries.js';
export type { BalanceGrouping, BalanceRow, MovementCount } from './reports/balance.js';
export { listBalances, MOVEMENT_COUNTS } from './reports/balance.js';
export type { DeprivationCount, IndicatorDimension } from './reports/deprivations.js';
export { listDeprivations } from './reports/deprivations.js';
export type { UnitFigures, UnitTarget } from './reports/figures.js';
export { figuresAsOf, figuresHistory, targetsAsOf } from './reports/figures.js';
export type { LateChange } from './reports/late-changes.js';
export { lateChangesSince } from './reports/late-changes.js';
export type { RollupEntry } from './reports/rollup.js';
export { reviewHistoryProjection } from './review-history/review-history-projection.js';
export type { OnProjectionError } from './runtime/apply-batch.js';
export { readCheckpoint } from './runtime/checkpoint.js';
export type { ProjectionLag } from './runtime/lag.js';
export { CAUGHT_UP_GRACE_SECONDS, projectionLags } from './runtime/lag.js';
export type { ApplyContext, Projection, RebuildingProjection } from './runtime/projection.js';
export type { ProjectionState, ProjectionStatus, RunnerOptions } from './runtime/projection-runner.js';
export { runProjection } from './runtime/projection-runner.js';
export type { ProjectorOptions } from './runtime/projector.js';
export { Projector } from './runtime/projector.js';
export { retryDelayMs } from './runtime/retry-delay.js';
export type { SupportLedgerQuery } from './support-ledger/queries.js';
export { listSupportLedger } from './support-ledger/queries.js';
export type { ReadModelDatabase } from './tables/database.js';
export type { HouseholdNationalIdsRow, HouseholdNationalIdsTable } from './tables/household-national-ids.js';
export type {
  HouseholdStatusRow,
  HouseholdStatusTable,
  NewHouseholdStatus,
  SupportTotal,
} from './tables/household-status.js';
export type { LateChangesRow, LateChangesTable } from './tables/late-changes.js';
export type { ListMovementsRow, ListMovementsTable } from './tables/list-movements.js';
export type { ListSpellsRow, ListSpellsTable } from './tables/list-spells.js';
export type { ProjectionCheckpointRow, ProjectionCheckpointTable } from './tables/projection-checkpoint.js';
export type { RelapseEpisodesRow, RelapseEpisodesTable } from './tables/relapse-episodes.js';
export type { ReviewHistoryRow, ReviewHistoryTable } from './tables/review-history.js';
export type { SupportLedgerRow, SupportLedgerTable } from './tables/support-ledger.js';
export type { UnitFiguresRow, UnitFiguresTable } from './tables/unit-figures.js';
export type { UnitTargetsRow, UnitTargetsTable } from './tables/unit-targets.js';
export type { UnitYearHouseholdsRow, UnitYearHouseholdsTable } from './tables/unit-year-households.js';
export type { UnitYearStatsRow, UnitYearStatsTable } from './tables/unit-year-stats.js';
export type { UnitsRow, UnitsTable } from './tables/units.js';
export { unitFiguresProjection } from './unit-figures/unit-figures-projection.js';
export type { UnitYearHouseholds, UnitYearStatsQuery, UnitYearStatsWithRate } from './unit-year-stats/queries.js';
export { LIST_BALANCE, listUnitYearStats, upsertUnitYearHouseholds } from './unit-year-stats/queries.js';
export { syncUnitsTable } from './units/sync-units.js';
