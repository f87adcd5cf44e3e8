import { AnalyticsInputError } from '../errors.js';

/** A household's place on the lists after a review. */
export type PovertyStatus = 'poor' | 'near_poor' | 'non_poor';

/** Rows and columns of every transition matrix, in this order. */
export const POVERTY_STATUSES: readonly PovertyStatus[] = ['poor', 'near_poor', 'non_poor'];

/** A household's classification at the review of a year. */
export interface StatusObservation {
  readonly household: string;
  readonly year: number;
  readonly status: PovertyStatus;
}

/** Households moving from `from` to `to`, and their share of the row. */
export interface TransitionCell {
  readonly from: PovertyStatus;
  readonly to: PovertyStatus;
  readonly count: number;
  /** count ÷ row total; null when the row is empty. */
  readonly proportion: number | null;
}

/** All households that were `from` at the earlier review. */
export interface TransitionRow {
  readonly from: PovertyStatus;
  readonly total: number;
  readonly cells: readonly TransitionCell[];
}

/** Transitions between the reviews of `fromYear` and `toYear` (both null for the pooled matrix). */
export interface TransitionMatrix {
  readonly fromYear: number | null;
  readonly toYear: number | null;
  /** Households (pairs of reviews) counted. */
  readonly n: number;
  readonly rows: readonly TransitionRow[];
}

/** Matrices per pair of consecutive years, and all pairs pooled. */
export interface TransitionMatrices {
  readonly byYear: readonly TransitionMatrix[];
  readonly pooled: TransitionMatrix;
  /** Consecutive reviews of a household more than one year apart: not a year-to-year transition, not counted. */
  readonly gaps: number;
}

const index = (s: PovertyStatus) => POVERTY_STATUSES.indexOf(s);

function validate(o: StatusObservation): void {
  if (!Number.isInteger(o.year)) {
    throw new AnalyticsInputError('ANALYTICS_INVALID_YEAR', `year must be an integer, got ${o.year}`, { year: o.year });
  }
  if (index(o.status) < 0) {
    throw new AnalyticsInputError('ANALYTICS_INVALID_STATUS', `unknown status: ${String(o.status)}`, {
      status: o.status,
    });
  }
}

function toMatrix(fromYear: number | null, toYear: number | null, counts: Int32Array): TransitionMatrix {
  const k = POVERTY_STATUSES.length;
  let n = 0;
  const rows = POVERTY_STATUSES.map((from, i): TransitionRow => {
    let total = 0;
    for (let j = 0; j < k; j++) total += counts[i * k + j] ?? 0;
    n += total;
    const cells = POVERTY_STATUSES.map((to, j): TransitionCell => {
      const count = counts[i * k + j] ?? 0;
      return { from, to, count, proportion: total > 0 ? count / total : null };
    });
    return { from, total, cells };
  });
  return { fromYear, toYear, n, rows };
}

/**
 * Year-to-year transition matrices between consecutive annual reviews (rows: status at the review
 * of year y; columns: status at the review of y + 1), with row proportions, per pair of years and
 * pooled. A household reviewed in 2021 and next in 2023 contributes no transition (see `gaps`):
 * a two-year move is not a one-year transition probability.
 *
 * @throws AnalyticsInputError for a non-integer year, an unknown status, or a household observed
 * twice in one year (which review holds is the caller's decision, not a statistic's).
 */
export function transitionMatrices(observations: readonly StatusObservation[]): TransitionMatrices {
  const byHousehold = new Map<string, StatusObservation[]>();
  for (const o of observations) {
    validate(o);
    const list = byHousehold.get(o.household);
    if (list) list.push(o);
    else byHousehold.set(o.household, [o]);
  }
  const k = POVERTY_STATUSES.length;
  const perYear = new Map<number, Int32Array>();
  const pooled = new Int32Array(k * k);
  let gaps = 0;
  for (const list of byHousehold.values()) {
    list.sort((a, b) => a.year - b.year);
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1];
      const next = list[i];
      if (prev === undefined || next === undefined) continue;
      if (next.year === prev.year) {
        // No household id in the error: it may end up in a response an analyst reads.
        throw new AnalyticsInputError(
          'ANALYTICS_DUPLICATE_OBSERVATION',
          `a household has two classifications for ${next.year}`,
          { year: next.year },
        );
      }
      if (next.year !== prev.year + 1) {
        gaps++;
        continue;
      }
      let counts = perYear.get(prev.year);
      if (counts === undefined) {
        counts = new Int32Array(k * k);
        perYear.set(prev.year, counts);
      }
      const cell = index(prev.status) * k + index(next.status);
      counts[cell] = (counts[cell] ?? 0) + 1;
      pooled[cell] = (pooled[cell] ?? 0) + 1;
    }
  }
  const byYear = [...perYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, counts]) => toMatrix(year, year + 1, counts));
  return { byYear, pooled: toMatrix(null, null, pooled), gaps };
}
