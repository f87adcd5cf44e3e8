import { type CohortEpisode, type CohortOptions, cumulativeRelapseByCohort } from '../cohorts/cumulative-relapse.js';
import { checkCount } from '../survival/sample.js';
import { roundToMonth } from './calendar.js';
import {
  anyWithheld,
  groupReasons,
  isPublished,
  protectCells,
  publishableCount,
  type WithheldReason,
} from './cells.js';
import { mergeIntervals } from './life-table.js';
import { MIN_CELL_SIZE } from './suppress.js';

/** Households of one atom (recorded unit) and escape year with the same follow-up. */
export interface CohortCell {
  readonly atom: string;
  readonly cohort: number;
  readonly time: number;
  readonly event: boolean;
  readonly count: number;
}

export interface ProtectedCohortPoint {
  readonly years: number;
  readonly days: number;
  readonly withinFollowUp: boolean;
  /** Households still followed after the horizon (time > days). */
  readonly nRisk: number | null;
  readonly cumulativeRelapse: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly suppressed: boolean;
}

export interface ProtectedCohortRow {
  readonly cohort: number;
  readonly suppressed: boolean;
  /** Null when published; else why (for `few_events`, n alone is shown). */
  readonly withheld: WithheldReason | null;
  readonly n: number | null;
  readonly events: number | null;
  /** End of follow-up, rounded to whole months. */
  readonly maxTime: number | null;
  readonly points: readonly ProtectedCohortPoint[];
}

/**
 * Cumulative relapse by escape year under the publication rules: cells (unit × escape year) of
 * fewer than 5 households left out, with complementary cells; a cohort whose relapses or
 * non-relapses number 1 to 4 shows n alone; and a horizon is shown only where the relapses and the
 * censorings since the previous shown horizon (and after the last) are each 0 or 5 and more, so
 * neither the points nor their differences single out fewer than 5 households.
 */
export function protectedCohorts(
  cells: readonly CohortCell[],
  options: CohortOptions & { readonly threshold?: number } = {},
): { cohorts: ProtectedCohortRow[]; leftOut: boolean } {
  const threshold = options.threshold ?? MIN_CELL_SIZE;
  const households = new Map<string, number>();
  let index = 0;
  for (const c of cells) {
    checkCount(c.count, index++);
    const key = `${c.atom}\u0000${c.cohort}`;
    households.set(key, (households.get(key) ?? 0) + c.count);
  }
  const decisions = protectCells(
    [...households].map(([key, n]) => {
      const [atom = '', group = ''] = key.split('\u0000');
      return { atom, group, households: n };
    }),
    threshold,
  );
  // One episode per published (cohort, time, event), counting its households: the estimators
  // weigh each by its count, so memory follows the distinct follow-ups, not the households.
  const merged = new Map<string, { cohort: number; time: number; event: boolean; count: number }>();
  for (const c of cells) {
    if (c.count === 0 || !isPublished(decisions, c.atom, String(c.cohort))) continue;
    const key = `${c.cohort}\u0000${c.time}\u0000${c.event ? 1 : 0}`;
    const o = merged.get(key);
    if (o) o.count += c.count;
    else merged.set(key, { cohort: c.cohort, time: c.time, event: c.event, count: c.count });
  }
  const episodes = [...merged.values()];
  const byCohort = new Map<number, CohortEpisode[]>();
  for (const o of episodes) {
    const list = byCohort.get(o.cohort);
    if (list) list.push(o);
    else byCohort.set(o.cohort, [o]);
  }
  const rows = new Map<number, ProtectedCohortRow>();
  for (const row of cumulativeRelapseByCohort(episodes, options)) {
    const observations = byCohort.get(row.cohort) ?? [];
    const inFollowUp = row.points.filter((p) => p.withinFollowUp);
    const cuts = [...inFollowUp.map((p) => p.days), row.maxTime ?? 0].sort((a, b) => a - b);
    const intervals =
      publishableCount(row.events, threshold) && publishableCount(row.n - row.events, threshold)
        ? mergeIntervals(observations, cuts, threshold)
        : null;
    const ends = new Set(intervals?.map((iv) => iv.end) ?? []);
    rows.set(row.cohort, {
      cohort: row.cohort,
      suppressed: intervals === null,
      withheld: intervals === null ? 'few_events' : null,
      n: row.n,
      events: intervals === null ? null : row.events,
      maxTime: intervals === null ? null : roundToMonth(row.maxTime),
      points: row.points.map((p) => {
        const shown = intervals !== null && p.withinFollowUp && ends.has(p.days);
        const nRisk = observations.reduce((sum, o) => (o.time > p.days ? sum + (o.count ?? 1) : sum), 0);
        return {
          years: p.years,
          days: p.days,
          withinFollowUp: p.withinFollowUp,
          nRisk: shown ? nRisk : null,
          cumulativeRelapse: shown ? p.cumulativeRelapse : null,
          lower: shown ? p.lower : null,
          upper: shown ? p.upper : null,
          suppressed: p.withinFollowUp && !shown,
        };
      }),
    });
  }
  const horizons = options.years ?? [1, 2, 3, 4, 5];
  const daysPerYear = options.daysPerYear ?? 365.25;
  for (const [group, reason] of groupReasons(decisions)) {
    const cohort = Number(group);
    if (rows.has(cohort)) continue;
    rows.set(cohort, {
      cohort,
      suppressed: true,
      withheld: reason ?? 'small',
      n: null,
      events: null,
      maxTime: null,
      points: horizons.map((k) => ({
        years: k,
        days: k * daysPerYear,
        withinFollowUp: false,
        nRisk: null,
        cumulativeRelapse: null,
        lower: null,
        upper: null,
        suppressed: true,
      })),
    });
  }
  return { cohorts: [...rows.values()].sort((a, b) => a.cohort - b.cohort), leftOut: anyWithheld(decisions) };
}
