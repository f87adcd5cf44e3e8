import type { ColumnType, Insertable, Selectable } from 'kysely';

/**
 * Every figure ever recorded for a unit and year — its total households and population, the
 * denominators of its rates — one row per `UnitFiguresRecorded` event, never updated: a report asked
 * as of a date reads the latest row recorded by then, so a reprint uses the figures as they stood.
 */
export interface UnitFiguresTable {
  event_id: string;
  unit_code: string;
  year: number;
  households: number;
  population: number | null;
  /** Where the figures come from (a statistical yearbook, a decision, the commune's count). */
  source: string;
  /** Why they were entered or changed. */
  reason: string | null;
  recorded_by: string;
  recorded_at: ColumnType<Date, Date | string, Date | string>;
}

export type UnitFiguresRow = Selectable<UnitFiguresTable>;
export type NewUnitFigures = Insertable<UnitFiguresTable>;
