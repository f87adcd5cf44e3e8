import type { ReadModelDatabase } from '@benvung/projections';
import { type Kysely, sql } from 'kysely';

/** What a relapse means: back on the poor list (default), or back on either list. */
export type RelapseDefinition = 'poor' | 'poor_or_near_poor';
export type EpisodeGrouping = 'none' | 'supportKind' | 'province' | 'cohort' | 'area' | 'ethnicity' | 'ethnicMinority';

export interface EpisodeFilter {
  definition: RelapseDefinition;
  /** Analysis date (YYYY-MM-DD): episodes escaping later are left out, open ones are censored here. */
  asOf: string;
  /** Unit codes (current and old) the episodes' units must be among; undefined for no restriction. */
  unitCodes: readonly string[] | undefined;
}

/** Counts of episodes per (group, time in days, outcome): all Kaplan–Meier needs, a few thousand rows. */
export interface EpisodeCount {
  group: string;
  time: number;
  event: boolean;
  count: number;
}

const GROUP_COLUMN: Record<EpisodeGrouping, string> = {
  none: "'all'",
  supportKind: 'support_kinds',
  // Resolved to the province holding the unit on asOf by the caller (geography is not in SQL).
  province: 'unit_code',
  cohort: 'cohort::text',
  area: 'area',
  // The head's ethnic group by national code, or whether the household is an ethnic-minority one.
  ethnicity: "coalesce(head_ethnicity, 'unknown')",
  ethnicMinority:
    "CASE WHEN head_ethnicity IS NULL THEN 'unknown' WHEN head_ethnicity = '01' THEN 'kinh' ELSE 'minority' END",
};

/**
 * The filter as SQL, shared by the counts and the export so exported rows give the same survival
 * curve: where episodes start, the unit restriction, and the columns `relapsed_on` and `closed_on`
 * (the relapse of the definition and the closure, each null past asOf). Over those columns, how an
 * episode ends: by its relapse, unless the household was closed first — then, as when nothing
 * happened, it is censored at the closure or at asOf, whichever is earlier.
 */
function episodeSql(filter: EpisodeFilter) {
  const relapse = filter.definition === 'poor' ? sql.ref('relapse_poor_date') : sql.ref('relapse_listed_date');
  const relapsed = sql`(relapsed_on IS NOT NULL AND (closed_on IS NULL OR relapsed_on <= closed_on))`;
  return {
    start: filter.definition === 'poor' ? sql`escape_from = 'poor'` : sql`escape_to = 'non_poor'`,
    units: filter.unitCodes ? sql`AND unit_code = ANY(${[...filter.unitCodes]}::text[])` : sql``,
    endDates: sql`CASE WHEN ${relapse} <= ${filter.asOf}::date THEN ${relapse} END AS relapsed_on,
                  CASE WHEN closed_date <= ${filter.asOf}::date THEN closed_date END AS closed_on`,
    relapsed,
    ended: sql`(CASE WHEN ${relapsed} THEN relapsed_on ELSE LEAST(closed_on, ${filter.asOf}::date) END)`,
  };
}

/**
 * The episodes of the definition, each ended by its relapse (an event) or censored at the household's
 * closure or at asOf, aggregated in PostgreSQL so a million episodes cross the wire as a few thousand
 * rows. Under `poor` an episode starts at an escape from poverty and ends at the next poor
 * classification; under `poor_or_near_poor` it starts when the household leaves both lists and ends
 * when it is on either again.
 */
export async function countEpisodes(
  db: Kysely<ReadModelDatabase>,
  filter: EpisodeFilter,
  grouping: EpisodeGrouping,
): Promise<EpisodeCount[]> {
  const { start, units, endDates, relapsed, ended } = episodeSql(filter);
  const result = await sql<{ grp: string; time: number; event: boolean; n: string }>`
    WITH e AS (
      SELECT ${sql.raw(GROUP_COLUMN[grouping])} AS grp, escape_date, ${endDates}
      FROM relapse_episodes
      WHERE ${start} AND escape_date <= ${filter.asOf}::date ${units}
    )
    SELECT grp, (${ended} - escape_date)::int AS time, ${relapsed} AS event, count(*) AS n
    FROM e GROUP BY 1, 2, 3`.execute(db);
  return result.rows.map((r) => ({ group: r.grp, time: r.time, event: r.event, count: Number(r.n) }));
}

/** Households of one recorded unit (atom) and group with the same follow-up. */
export interface HouseholdCell {
  atom: string;
  group: string;
  time: number;
  event: boolean;
  count: number;
}

/**
 * Like `countEpisodes`, but one episode per household — its first escape of the definition up to
 * asOf, wherever it happened — counted per recorded unit (the atom the publication rules protect
 * whole). The first escape is chosen before the unit restriction, so a household belongs to one
 * unit in every request and two requests never differ by part of a household's history; n counts
 * households, never escapes.
 */
export async function countHouseholdCells(
  db: Kysely<ReadModelDatabase>,
  filter: EpisodeFilter,
  grouping: EpisodeGrouping,
): Promise<HouseholdCell[]> {
  const { start, endDates, relapsed, ended } = episodeSql(filter);
  const inUnits = filter.unitCodes
    ? sql`AND household_id IN (SELECT household_id FROM relapse_episodes WHERE unit_code = ANY(${[...filter.unitCodes]}::text[]))`
    : sql``;
  const units = filter.unitCodes ? sql`WHERE unit_code = ANY(${[...filter.unitCodes]}::text[])` : sql``;
  const result = await sql<{ atom: string; grp: string; time: number; event: boolean; n: string }>`
    WITH first AS (
      SELECT DISTINCT ON (household_id) *
      FROM relapse_episodes
      WHERE ${start} AND escape_date <= ${filter.asOf}::date ${inUnits}
      ORDER BY household_id, escape_date, escape_event_id
    ), e AS (
      SELECT unit_code, ${sql.raw(GROUP_COLUMN[grouping])} AS grp, escape_date, ${endDates}
      FROM first ${units}
    )
    SELECT unit_code AS atom, grp, (${ended} - escape_date)::int AS time, ${relapsed} AS event, count(*) AS n
    FROM e GROUP BY 1, 2, 3, 4`.execute(db);
  return result.rows.map((r) => ({ atom: r.atom, group: r.grp, time: r.time, event: r.event, count: Number(r.n) }));
}

/** One episode as exported (no household id: the caller pseudonymises it). */
export interface EpisodeExportRow {
  household_id: string;
  escape_event_id: string;
  escape_date: string;
  escape_from: string;
  escape_to: string;
  end_date: string;
  relapsed: boolean;
  time_days: number;
  support_kinds: string;
  area: string;
  province_then: string;
  province_now: string;
  cohort: number;
  /** The unit recorded on the escape date. */
  unit_code: string;
}

/** A page of episodes of the definition, ended or censored as in `countEpisodes`, in a stable order. */
export async function pageEpisodes(
  db: Kysely<ReadModelDatabase>,
  filter: EpisodeFilter,
  after: { householdId: string; escapeEventId: string } | undefined,
  limit: number,
): Promise<EpisodeExportRow[]> {
  const { start, units, endDates, relapsed, ended } = episodeSql(filter);
  const cursor = after
    ? sql`AND (household_id, escape_event_id) > (${after.householdId}::uuid, ${after.escapeEventId}::uuid)`
    : sql``;
  const result = await sql<EpisodeExportRow>`
    WITH e AS (
      SELECT *, ${endDates}
      FROM relapse_episodes
      WHERE ${start} AND escape_date <= ${filter.asOf}::date ${units} ${cursor}
      ORDER BY household_id, escape_event_id LIMIT ${limit}
    )
    SELECT household_id, escape_event_id, escape_date::text, escape_from, escape_to,
           ${ended}::text AS end_date, ${relapsed} AS relapsed, (${ended} - escape_date)::int AS time_days,
           support_kinds, area, province_then, province_now, cohort, unit_code
    FROM e ORDER BY household_id, escape_event_id`.execute(db);
  return result.rows;
}

/** Every episode of the filter, page by page (keyset on household and escape), in a stable order. */
export async function* allEpisodes(
  db: Kysely<ReadModelDatabase>,
  filter: EpisodeFilter,
  pageSize: number,
): AsyncGenerator<EpisodeExportRow[]> {
  let after: { householdId: string; escapeEventId: string } | undefined;
  for (;;) {
    const rows = await pageEpisodes(db, filter, after, pageSize);
    const last = rows.at(-1);
    if (!last) return;
    yield rows;
    after = { householdId: last.household_id, escapeEventId: last.escape_event_id };
  }
}
