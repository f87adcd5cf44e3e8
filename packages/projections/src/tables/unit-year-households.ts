import type { ColumnType, Insertable, Selectable } from 'kysely';

/**
 * Data, not a projection: the total number of households of a unit in a year (the denominator of its
 * poverty rate), loaded from statistics offices' figures with `upsertUnitYearHouseholds`.
 */
export interface UnitYearHouseholdsTable {
  unit_code: string;
  year: number;
  total_households: number;
  /** Where the figure comes from (a decision, a statistical yearbook). */
  source: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type UnitYearHouseholdsRow = Selectable<UnitYearHouseholdsTable>;
export type NewUnitYearHouseholds = Insertable<UnitYearHouseholdsTable>;
