import { type RawBuilder, sql, type Transaction } from 'kysely';
import { type BulkTable, insertStatement, unnestRows, upsertStatement } from '../sql/bulk.js';
import type { ReadModelDatabase } from '../tables/database.js';
import type { NewHouseholdNationalIds } from '../tables/household-national-ids.js';
import type { NewHouseholdStatus } from '../tables/household-status.js';
import type { NewListMovements } from '../tables/list-movements.js';
import type { NewListSpells } from '../tables/list-spells.js';
import type { NewRelapseEpisodes } from '../tables/relapse-episodes.js';
import type { NewSupportLedger } from '../tables/support-ledger.js';
import { UNIT_YEAR_COUNTS, type UnitYearDelta } from './unit-year.js';

type Trx = Transaction<ReadModelDatabase>;

const STATUS: BulkTable<NewHouseholdStatus> = {
  table: 'household_status',
  key: ['household_id'],
  columns: [
    ['household_id', 'uuid'],
    ['household_code', 'text'],
    ['unit_code', 'text'],
    ['unit_code_now', 'text'],
    ['area', 'text'],
    ['village', 'text'],
    ['member_count', 'integer'],
    ['head_name', 'text'],
    ['head_name_search', 'text'],
    ['classification', 'text'],
    ['standard_id', 'text'],
    ['list_year', 'integer'],
    ['last_review_date', 'date'],
    ['last_review_type', 'text'],
    ['latest_escape_date', 'date'],
    ['newly_escaped_until', 'date'],
    ['escape_count', 'integer'],
    ['relapsed_count', 'integer'],
    ['relapsed_near_poverty_count', 'integer'],
    ['unable_to_escape', 'boolean'],
    ['unable_to_escape_basis', 'text'],
    ['unable_to_escape_since', 'date'],
    ['support_totals', 'json'],
    ['status', 'text'],
    ['closed_on', 'date'],
    ['close_reason', 'text'],
    ['registered_on', 'date'],
    ['version', 'integer'],
    ['last_position', 'text'],
    ['updated_at', 'timestamptz'],
  ],
};
// The head's name (and its search form) comes with the registration only: later batches leave it as it is.
const REGISTRATION_ONLY: ReadonlySet<string> = new Set(['household_id', 'head_name', 'head_name_search']);
const STATUS_UPDATE = STATUS.columns.map(([c]) => c).filter((c) => !REGISTRATION_ONLY.has(c));

const NATIONAL_IDS: BulkTable<NewHouseholdNationalIds> = {
  table: 'household_national_ids',
  key: ['household_id', 'member_key'],
  columns: [
    ['household_id', 'uuid'],
    ['member_key', 'uuid'],
    ['digest', 'text'],
  ],
};

const LEDGER: BulkTable<NewSupportLedger> = {
  table: 'support_ledger',
  key: ['event_id'],
  columns: [
    ['event_id', 'uuid'],
    ['household_id', 'uuid'],
    ['version', 'integer'],
    ['kind', 'text'],
    ['event_type', 'text'],
    ['action', 'text'],
    ['starts_support', 'boolean'],
    ['occurred_on', 'date'],
    ['amount_vnd', 'bigint'],
    ['programme', 'text'],
    ['project', 'text'],
    ['reference', 'text'],
    ['details', 'json'],
    ['unit_code', 'text'],
    ['voided', 'boolean'],
    ['amended', 'boolean'],
  ],
};

const EPISODES: BulkTable<NewRelapseEpisodes> = {
  table: 'relapse_episodes',
  key: ['household_id', 'escape_event_id'],
  columns: [
    ['household_id', 'uuid'],
    ['escape_event_id', 'uuid'],
    ['escape_date', 'date'],
    ['escape_from', 'text'],
    ['escape_to', 'text'],
    ['relapse_poor_date', 'date'],
    ['relapse_listed_date', 'date'],
    ['closed_date', 'date'],
    ['support_kinds', 'text'],
    ['area', 'text'],
    ['unit_code', 'text'],
    ['province_then', 'text'],
    ['province_now', 'text'],
    ['unit_code_now', 'text'],
    ['cohort', 'integer'],
    ['head_ethnicity', 'text'],
  ],
};

const SPELLS: BulkTable<NewListSpells> = {
  table: 'list_spells',
  key: ['household_id', 'spell_no'],
  columns: [
    ['household_id', 'uuid'],
    ['spell_no', 'integer'],
    ['unit_code', 'text'],
    ['classification', 'text'],
    ['valid_from', 'date'],
    ['valid_to', 'date'],
  ],
};

/** A household whose spells become its first `count` (those written with the batch). */
export interface SpellHousehold {
  householdId: string;
  count: number;
}

const MOVEMENTS: BulkTable<NewListMovements> = {
  table: 'list_movements',
  key: ['household_id', 'movement_no'],
  columns: [
    ['household_id', 'uuid'],
    ['movement_no', 'integer'],
    ['list', 'text'],
    ['unit_code', 'text'],
    ['occurred_on', 'date'],
    ['sign', 'integer'],
    ['reason', 'text'],
    ['detail', 'text'],
    ['area', 'text'],
    ['minority', 'boolean'],
    ['unable', 'boolean'],
  ],
};

const MOVEMENT_COUNTS: BulkTable<{ household_id: string; movement_count: number }> = {
  table: 'list_movements',
  key: ['household_id'],
  columns: [
    ['household_id', 'uuid'],
    ['movement_count', 'integer'],
  ],
};

const SPELL_COUNTS: BulkTable<{ household_id: string; spell_count: number }> = {
  table: 'list_spells',
  key: ['household_id'],
  columns: [
    ['household_id', 'uuid'],
    ['spell_count', 'integer'],
  ],
};

const UNIT_YEAR: BulkTable<UnitYearDelta> = {
  table: 'unit_year_stats',
  key: ['unit_code', 'year'],
  columns: [['unit_code', 'text'], ['year', 'integer'], ...UNIT_YEAR_COUNTS.map((c) => [c, 'integer'] as const)],
};

/** Everything a slice of a batch writes. */
export interface BatchWrites {
  status: NewHouseholdStatus[];
  ledger: NewSupportLedger[];
  /** Households whose episodes become exactly `episodes` (theirs among them). */
  episodeHouseholds: string[];
  episodes: NewRelapseEpisodes[];
  /** Households whose spells become exactly `spells` (theirs among them). */
  spellHouseholds: SpellHousehold[];
  spells: NewListSpells[];
  /** Households whose movements become their first `count` (those written with the batch). */
  movementHouseholds: SpellHousehold[];
  movements: NewListMovements[];
  unitYear: UnitYearDelta[];
  /** ID-number digests set (see national-ids.ts). */
  ids: NewHouseholdNationalIds[];
  /** People whose number is gone (taken off the list). */
  idsGone: Array<Omit<NewHouseholdNationalIds, 'digest'>>;
  /** Households whose numbers become exactly their rows in `ids`. */
  idHouseholds: string[];
}

/** Nothing to write yet. */
export const emptyWrites = (): BatchWrites => ({
  status: [],
  ledger: [],
  episodeHouseholds: [],
  episodes: [],
  spellHouseholds: [],
  spells: [],
  movementHouseholds: [],
  movements: [],
  unitYear: [],
  ids: [],
  idsGone: [],
  idHouseholds: [],
});

/** The deltas added to the counts already stored (an upsert that sums instead of replacing). */
function unitYearSums(deltas: readonly UnitYearDelta[]): RawBuilder<unknown> {
  const sums = UNIT_YEAR_COUNTS.map((c) => sql`${sql.id(c)} = unit_year_stats.${sql.id(c)} + EXCLUDED.${sql.id(c)}`);
  return sql`${insertStatement(UNIT_YEAR, deltas)} ON CONFLICT (unit_code, year) DO UPDATE SET ${sql.join(sums)}`;
}

/**
 * Every write of a slice as ONE statement (data-modifying WITH queries), so that PostgreSQL executes
 * it while this process folds the next slice instead of waiting for statement after statement. The
 * parts touch disjoint rows: episodes (and ID rows) are upserted and the households' others deleted.
 */
export function writeStatement(w: BatchWrites): RawBuilder<unknown> | undefined {
  const parts: RawBuilder<unknown>[] = [];
  const part = (name: string, statement: RawBuilder<unknown>) =>
    parts.push(sql`${sql.id(name)} AS (${statement} RETURNING 1)`);
  if (w.status.length > 0) part('status', upsertStatement(STATUS, w.status, STATUS_UPDATE));
  if (w.ledger.length > 0) part('ledger', upsertStatement(LEDGER, w.ledger));
  if (w.episodeHouseholds.length > 0) {
    // Escape event ids are unique across households: the ones kept are enough to tell the others.
    const kept = w.episodes.map((e) => e.escape_event_id);
    part(
      'episodes_gone',
      sql`DELETE FROM relapse_episodes WHERE household_id = ANY(${w.episodeHouseholds}::uuid[])
          AND NOT (escape_event_id = ANY(${kept}::uuid[]))`,
    );
    if (w.episodes.length > 0) part('episodes', upsertStatement(EPISODES, w.episodes));
  }
  if (w.spellHouseholds.length > 0) {
    // Spells are numbered 0…n−1: those at n or beyond are gone, the others are upserted.
    const counts = w.spellHouseholds.map((h) => ({ household_id: h.householdId, spell_count: h.count }));
    part(
      'spells_gone',
      sql`DELETE FROM list_spells s USING ${unnestRows(SPELL_COUNTS, counts)}
          WHERE s.household_id = r.household_id AND s.spell_no >= r.spell_count`,
    );
    if (w.spells.length > 0) part('spells', upsertStatement(SPELLS, w.spells));
  }
  if (w.movementHouseholds.length > 0) {
    // Numbered 0…n−1 like spells.
    const counts = w.movementHouseholds.map((h) => ({ household_id: h.householdId, movement_count: h.count }));
    part(
      'movements_gone',
      sql`DELETE FROM list_movements m USING ${unnestRows(MOVEMENT_COUNTS, counts)}
          WHERE m.household_id = r.household_id AND m.movement_no >= r.movement_count`,
    );
    if (w.movements.length > 0) part('movements', upsertStatement(MOVEMENTS, w.movements));
  }
  if (w.idHouseholds.length > 0) {
    const kept = w.ids.filter((r) => w.idHouseholds.includes(r.household_id));
    part(
      'ids_replaced',
      sql`DELETE FROM household_national_ids WHERE household_id = ANY(${w.idHouseholds}::uuid[])
          AND (household_id, member_key) NOT IN (
            SELECT * FROM unnest(${kept.map((r) => r.household_id)}::uuid[], ${kept.map((r) => r.member_key)}::uuid[]))`,
    );
  }
  if (w.idsGone.length > 0) {
    part(
      'ids_gone',
      sql`DELETE FROM household_national_ids t
          USING unnest(${w.idsGone.map((r) => r.household_id)}::uuid[], ${w.idsGone.map((r) => r.member_key)}::uuid[])
            AS g(household_id, member_key)
          WHERE t.household_id = g.household_id AND t.member_key = g.member_key`,
    );
  }
  if (w.ids.length > 0) part('ids', upsertStatement(NATIONAL_IDS, w.ids));
  if (w.unitYear.length > 0) part('unit_year', unitYearSums(w.unitYear));
  return parts.length === 0 ? undefined : sql`WITH ${sql.join(parts)} SELECT 1`;
}

/** Unit-years whose every count went back to zero are deleted, as a rebuild would not have them. */
export async function deleteEmptyUnitYears(trx: Trx, keys: readonly UnitYearDelta[]): Promise<void> {
  if (keys.length === 0) return;
  const allZero = sql.join(
    UNIT_YEAR_COUNTS.map((c) => sql`s.${sql.id(c)} = 0`),
    sql` AND `,
  );
  await sql`
    DELETE FROM unit_year_stats s USING ${unnestRows(UNIT_YEAR, keys)}
    WHERE s.unit_code = r.unit_code AND s.year = r.year AND ${allZero}`.execute(trx);
}
