import type { HouseholdNationalIdsTable } from './household-national-ids.js';
import type { HouseholdStatusTable } from './household-status.js';
import type { LateChangesTable } from './late-changes.js';
import type { ListMovementsTable } from './list-movements.js';
import type { ListSpellsTable } from './list-spells.js';
import type { ProjectionCheckpointTable } from './projection-checkpoint.js';
import type { ProjectionDeadLetterTable } from './projection-dead-letter.js';
import type { RelapseEpisodesTable } from './relapse-episodes.js';
import type { ReviewHistoryTable } from './review-history.js';
import type { SupportLedgerTable } from './support-ledger.js';
import type { UnitFiguresTable } from './unit-figures.js';
import type { UnitTargetsTable } from './unit-targets.js';
import type { UnitYearHouseholdsTable } from './unit-year-households.js';
import type { UnitYearStatsTable } from './unit-year-stats.js';
import type { UnitsTable } from './units.js';

/** Every read-model table, as kysely sees them. */
export interface ReadModelDatabase {
  household_national_ids: HouseholdNationalIdsTable;
  household_status: HouseholdStatusTable;
  late_changes: LateChangesTable;
  list_movements: ListMovementsTable;
  list_spells: ListSpellsTable;
  projection_checkpoint: ProjectionCheckpointTable;
  projection_dead_letter: ProjectionDeadLetterTable;
  relapse_episodes: RelapseEpisodesTable;
  review_history: ReviewHistoryTable;
  support_ledger: SupportLedgerTable;
  unit_figures: UnitFiguresTable;
  unit_targets: UnitTargetsTable;
  unit_year_households: UnitYearHouseholdsTable;
  unit_year_stats: UnitYearStatsTable;
  units: UnitsTable;
  units_loaded: { id: number; digest: string; loaded_at: Date };
}
