import { yearOfDate } from '../dates.js';
import { AnalyticsInputError } from '../errors.js';

/**
 * A relapse episode as the `relapse_episodes` read model holds it: from an escape to the relapse,
 * or to the date it was censored (closure), or still open. `unitCode` is the unit the figures are
 * reported under (the caller rolls old codes up to the unit that holds them).
 */
export interface FlowEpisode {
  readonly household: string;
  readonly unitCode: string;
  /** The escape's effective date, `YYYY-MM-DD`. */
  readonly escapedOn: string;
  /** The relapse or censoring date; null while the episode is open. */
  readonly endedOn: string | null;
  /** True when the episode ended in a relapse on `endedOn`. */
  readonly relapsed: boolean;
}

/**
 * A unit-year's flows as the read models count them (unit_year_stats: movements on and off the poor
 * list, each in the unit and year it happened): the one source of these counts, which this module
 * only divides.
 */
export interface UnitYearCounts {
  readonly unitCode: string;
  readonly year: number;
  /** Escapes from poverty (thoát nghèo) dated in the year. */
  readonly escaped: number;
  /** Relapses into poverty (tái nghèo) dated in the year, whenever the household escaped. */
  readonly relapsed: number;
  /** Households classified poor, never poor before (phát sinh nghèo), in the year. */
  readonly newlyPoor: number;
}

/** The official flow figures of a unit for a calendar year. */
export interface UnitYearFlow {
  readonly unitCode: string;
  readonly year: number;
  /** Escapes from poverty in the year (from the counts). */
  readonly escaped: number;
  /** Relapses in the year (from the counts). */
  readonly relapsed: number;
  /** Newly poor households in the year (from the counts). */
  readonly newlyPoor: number;
  /** relapsed ÷ escaped, a flow ratio (it can exceed 1); null when nobody escaped. */
  readonly relapsedPerEscaped: number | null;
  /** Households in an open episode on 1 January: escaped before the year, not relapsed or closed before it. */
  readonly atRiskStart: number;
  /** Of those, households that relapsed during the year. */
  readonly relapsedFromAtRisk: number;
  /** Annual hazard: relapsedFromAtRisk ÷ atRiskStart; null when nobody was at risk. */
  readonly hazard: number | null;
}

/** Options for `unitYearFlows`. */
export interface FlowOptions {
  /** Years to report; by default every year from the earliest to the latest dated record. */
  readonly years?: readonly number[];
}

interface Tally {
  escaped: number;
  relapsed: number;
  newlyPoor: number;
  atRisk: Set<string>;
  relapsedFromAtRisk: Set<string>;
}

const emptyTally = (): Tally => ({
  escaped: 0,
  relapsed: 0,
  newlyPoor: 0,
  atRisk: new Set(),
  relapsedFromAtRisk: new Set(),
});

/**
 * The official flow figures per unit and year: the counts as given (escaped, relapsed, newly poor),
 * and from the episodes the households at risk on 1 January and the annual hazard. Denominators:
 * - `relapsedPerEscaped` divides the households relapsing in the year by those escaping in the
 *   same year: two different populations, as the programme's reports compare them;
 * - `hazard` divides the households that relapsed during the year among those at risk on 1 January
 *   by the households at risk on 1 January. Households that escape during the year are in neither
 *   (their relapse still counts in `relapsed`), so the hazard is a proportion in [0, 1]. Episodes
 *   closed during the year stay in the denominator (a crude annual rate, no actuarial correction),
 *   and the current, incomplete year understates it.
 *
 * @throws AnalyticsInputError for a malformed date or an episode ending before it starts.
 */
export function unitYearFlows(
  input: { readonly episodes: readonly FlowEpisode[]; readonly counts?: readonly UnitYearCounts[] },
  options: FlowOptions = {},
): UnitYearFlow[] {
  const counts = input.counts ?? [];
  const parsed = input.episodes.map((e) => {
    const start = yearOfDate(e.escapedOn, 'escapedOn');
    const end = e.endedOn === null ? null : yearOfDate(e.endedOn, 'endedOn');
    if (e.endedOn !== null && e.endedOn < e.escapedOn) {
      throw new AnalyticsInputError('ANALYTICS_INVALID_DATE', 'an episode ends before its escape', {
        escapedOn: e.escapedOn,
        endedOn: e.endedOn,
      });
    }
    return { e, start, end };
  });
  const years =
    options.years ?? yearRange([...parsed.flatMap((p) => [p.start, p.end ?? p.start]), ...counts.map((c) => c.year)]);
  for (const y of years) {
    if (!Number.isInteger(y)) {
      throw new AnalyticsInputError('ANALYTICS_INVALID_YEAR', `year must be an integer, got ${y}`, { year: y });
    }
  }
  if (years.length === 0) return [];
  const lastYear = Math.max(...years);

  const tallies = new Map<string, Map<number, Tally>>();
  const tally = (unit: string, year: number): Tally => {
    let perUnit = tallies.get(unit);
    if (perUnit === undefined) {
      perUnit = new Map();
      tallies.set(unit, perUnit);
    }
    let t = perUnit.get(year);
    if (t === undefined) {
      t = emptyTally();
      perUnit.set(year, t);
    }
    return t;
  };

  for (const c of counts) {
    const t = tally(c.unitCode, c.year);
    t.escaped += c.escaped;
    t.relapsed += c.relapsed;
    t.newlyPoor += c.newlyPoor;
  }
  for (const { e, start, end } of parsed) {
    // At risk on 1 January of every year after the escape up to the year it ended (ended on or
    // after 1 January means still in the episode at the start of that year).
    const lastAtRisk = end ?? lastYear;
    for (let y = start + 1; y <= lastAtRisk; y++) {
      const t = tally(e.unitCode, y);
      t.atRisk.add(e.household);
      if (e.relapsed && end === y) t.relapsedFromAtRisk.add(e.household);
    }
  }
  const rows: UnitYearFlow[] = [];
  for (const unitCode of [...tallies.keys()].sort()) {
    for (const year of [...years].sort((a, b) => a - b)) {
      const t = tallies.get(unitCode)?.get(year) ?? emptyTally();
      const { escaped, relapsed } = t;
      const atRiskStart = t.atRisk.size;
      const relapsedFromAtRisk = t.relapsedFromAtRisk.size;
      rows.push({
        unitCode,
        year,
        escaped,
        relapsed,
        newlyPoor: t.newlyPoor,
        relapsedPerEscaped: escaped > 0 ? relapsed / escaped : null,
        atRiskStart,
        relapsedFromAtRisk,
        hazard: atRiskStart > 0 ? relapsedFromAtRisk / atRiskStart : null,
      });
    }
  }
  return rows;
}

/** Every year from the smallest to the largest of `years`. */
function yearRange(years: readonly number[]): number[] {
  for (const y of years) {
    if (!Number.isInteger(y)) {
      throw new AnalyticsInputError('ANALYTICS_INVALID_YEAR', `year must be an integer, got ${y}`, { year: y });
    }
  }
  if (years.length === 0) return [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const y of years) {
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}
