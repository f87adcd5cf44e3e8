import { type Kysely, sql } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';

/** A unit's figures for a year as recorded by some time. */
export interface UnitFigures {
  unitCode: string;
  year: number;
  households: number;
  population: number | null;
  source: string;
  reason: string | null;
  recordedBy: string;
  recordedAt: Date;
}

/** A target in force. */
export interface UnitTarget {
  unitCode: string;
  year: number;
  list: 'poor' | 'near_poor';
  kind: string;
  value: number;
  note: string | null;
  recordedBy: string;
  recordedAt: Date;
}

interface Selection {
  unitCodes: readonly string[];
  years: readonly number[];
  /** Only what was recorded before this instant (a report's as-of date, its end in Vietnam). */
  recordedBefore: Date;
}

/** The latest figures recorded before `recordedBefore` per unit and year. */
export async function figuresAsOf(db: Kysely<ReadModelDatabase>, q: Selection): Promise<UnitFigures[]> {
  if (q.unitCodes.length === 0 || q.years.length === 0) return [];
  const result = await sql<UnitFigures>`
    SELECT DISTINCT ON (unit_code, year)
           unit_code AS "unitCode", year, households, population, source, reason,
           recorded_by AS "recordedBy", recorded_at AS "recordedAt"
    FROM unit_figures
    WHERE unit_code = ANY(${[...q.unitCodes]}::text[]) AND year = ANY(${[...q.years]}::int[])
      AND recorded_at < ${q.recordedBefore}
    ORDER BY unit_code, year, recorded_at DESC, event_id`.execute(db);
  return result.rows;
}

/** The targets in force (set and not withdrawn) before `recordedBefore` per unit, year, list and kind. */
export async function targetsAsOf(db: Kysely<ReadModelDatabase>, q: Selection): Promise<UnitTarget[]> {
  if (q.unitCodes.length === 0 || q.years.length === 0) return [];
  const result = await sql<UnitTarget & { value: number | null }>`
    SELECT * FROM (
      SELECT DISTINCT ON (unit_code, year, list, kind)
             unit_code AS "unitCode", year, list, kind, value, note,
             recorded_by AS "recordedBy", recorded_at AS "recordedAt"
      FROM unit_targets
      WHERE unit_code = ANY(${[...q.unitCodes]}::text[]) AND year = ANY(${[...q.years]}::int[])
        AND recorded_at < ${q.recordedBefore}
      ORDER BY unit_code, year, list, kind, recorded_at DESC, event_id
    ) t
    WHERE value IS NOT NULL
    ORDER BY "unitCode", year, list, kind`.execute(db);
  return result.rows as UnitTarget[];
}

/** Every figure and target recorded for a unit and year, oldest first: who changed what, when and why. */
export async function figuresHistory(
  db: Kysely<ReadModelDatabase>,
  unitCode: string,
  year: number,
): Promise<{ figures: UnitFigures[]; targets: Array<Omit<UnitTarget, 'value'> & { value: number | null }> }> {
  const figures = await sql<UnitFigures>`
    SELECT unit_code AS "unitCode", year, households, population, source, reason,
           recorded_by AS "recordedBy", recorded_at AS "recordedAt"
    FROM unit_figures WHERE unit_code = ${unitCode} AND year = ${year}
    ORDER BY recorded_at, event_id`.execute(db);
  const targets = await sql<Omit<UnitTarget, 'value'> & { value: number | null }>`
    SELECT unit_code AS "unitCode", year, list, kind, value, note,
           recorded_by AS "recordedBy", recorded_at AS "recordedAt"
    FROM unit_targets WHERE unit_code = ${unitCode} AND year = ${year}
    ORDER BY recorded_at, event_id`.execute(db);
  return { figures: figures.rows, targets: targets.rows };
}
