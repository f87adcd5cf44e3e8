import type { ColumnType, Insertable, Selectable } from 'kysely';

/**
 * Every poverty-reduction target ever set for a unit and year, one row per `UnitTargetSet` event,
 * never updated (see UnitFiguresTable): the latest row recorded by a date, per list and kind, is the
 * target in force then; a null `value` withdrew it.
 */
export interface UnitTargetsTable {
  event_id: string;
  unit_code: string;
  year: number;
  list: 'poor' | 'near_poor';
  /** `rate_reduction_points`, `households_reduction` or `rate_below_percent`. */
  kind: string;
  /** float8; null: withdrawn. */
  value: number | null;
  note: string | null;
  recorded_by: string;
  recorded_at: ColumnType<Date, Date | string, Date | string>;
}

export type UnitTargetsRow = Selectable<UnitTargetsTable>;
export type NewUnitTargets = Insertable<UnitTargetsTable>;
