import { POVERTY_STATUSES, type PovertyStatus, type StatusObservation } from '../cohorts/transitions.js';
import { AnalyticsInputError } from '../errors.js';
import { publishableCount, type WithheldReason } from './cells.js';
import { MIN_CELL_SIZE } from './suppress.js';
import { protectTable } from './table-suppression.js';

/** A household's year-end standing, and the unit it was recorded in then. */
export interface UnitStatusObservation extends StatusObservation {
  readonly unit: string;
}

/** A published cell of a transition matrix. */
export interface ProtectedTransitionCell {
  readonly from: PovertyStatus;
  readonly to: PovertyStatus;
  /** Households of the published cells; null when none is published and some are withheld. */
  readonly count: number | null;
  readonly proportion: number | null;
  readonly suppressed: boolean;
  readonly withheld: WithheldReason | null;
}

export interface ProtectedTransitionMatrix {
  readonly fromYear: number | null;
  readonly toYear: number | null;
  /** Households (pairs of years, pooled) in published cells. */
  readonly n: number | null;
  readonly suppressed: boolean;
  readonly rows: readonly {
    readonly from: PovertyStatus;
    /** The sum of the row's published cells (not the row's true total, which would give a withheld cell back). */
    readonly total: number | null;
    readonly suppressed: boolean;
    readonly cells: readonly ProtectedTransitionCell[];
  }[];
}

export interface ProtectedTransitions {
  readonly byYear: readonly ProtectedTransitionMatrix[];
  /** The sum of the published cells of every year: never a withheld cell by difference. */
  readonly pooled: ProtectedTransitionMatrix;
  /** Reviews more than a year apart, not counted; null when 1 to 4. */
  readonly gaps: number | null;
  readonly leftOut: boolean;
}

const K = POVERTY_STATUSES.length;
const index = (s: PovertyStatus) => POVERTY_STATUSES.indexOf(s);

/** Published households and the worst reason among withheld contributions, per cell. */
interface Tally {
  published: number[];
  withheld: (WithheldReason | null)[];
}
const emptyTally = (): Tally => ({ published: new Array(K * K).fill(0), withheld: new Array(K * K).fill(null) });

function addWithheld(t: Tally, cell: number, reason: WithheldReason): void {
  if (t.withheld[cell] !== 'small') t.withheld[cell] = reason;
}

function toMatrix(fromYear: number | null, toYear: number | null, t: Tally): ProtectedTransitionMatrix {
  let n = 0;
  let anyWithheld = false;
  const rows = POVERTY_STATUSES.map((from, i) => {
    let total = 0;
    let rowWithheld = false;
    for (let j = 0; j < K; j++) {
      total += t.published[i * K + j] ?? 0;
      if (t.withheld[i * K + j]) rowWithheld = true;
    }
    n += total;
    anyWithheld ||= rowWithheld;
    const cells = POVERTY_STATUSES.map((to, j): ProtectedTransitionCell => {
      const count = t.published[i * K + j] ?? 0;
      const reason = t.withheld[i * K + j] ?? null;
      // A cell is shown as withheld only when nothing of it is published.
      const hidden = count === 0 && reason !== null;
      return {
        from,
        to,
        count: hidden ? null : count,
        proportion: hidden || total === 0 ? null : count / total,
        suppressed: hidden,
        withheld: hidden ? reason : null,
      };
    });
    const hiddenRow = total === 0 && rowWithheld;
    return { from, total: hiddenRow ? null : total, suppressed: hiddenRow, cells };
  });
  const hidden = n === 0 && anyWithheld;
  return { fromYear, toYear, n: hidden ? null : n, suppressed: hidden, rows };
}

/**
 * Year-to-year transition matrices under the publication rules. Each household-year pair belongs to
 * the pair of units it was recorded in (any request covers whole such atoms); each atom's matrix of
 * each pair of years is protected with `protectTable`, and a request's matrix sums the published
 * cells of its atoms. Row totals, n and the pooled matrix are sums of published cells, so no
 * withheld cell comes back by subtraction — from a margin, between units, or between the years and
 * the pooled matrix.
 */
export function protectedTransitions(
  observations: readonly UnitStatusObservation[],
  threshold = MIN_CELL_SIZE,
): ProtectedTransitions {
  const byHousehold = new Map<string, UnitStatusObservation[]>();
  for (const o of observations) {
    if (!Number.isInteger(o.year)) {
      throw new AnalyticsInputError('ANALYTICS_INVALID_YEAR', `year must be an integer, got ${o.year}`, {
        year: o.year,
      });
    }
    if (index(o.status) < 0) {
      throw new AnalyticsInputError('ANALYTICS_INVALID_STATUS', `unknown status: ${String(o.status)}`, {
        status: o.status,
      });
    }
    const list = byHousehold.get(o.household);
    if (list) list.push(o);
    else byHousehold.set(o.household, [o]);
  }
  // year → atom → counts
  const atoms = new Map<number, Map<string, number[]>>();
  let gaps = 0;
  for (const list of byHousehold.values()) {
    list.sort((a, b) => a.year - b.year);
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1];
      const next = list[i];
      if (!prev || !next) continue;
      if (next.year === prev.year) {
        throw new AnalyticsInputError(
          'ANALYTICS_DUPLICATE_OBSERVATION',
          `a household has two classifications for ${next.year}`,
          {
            year: next.year,
          },
        );
      }
      if (next.year !== prev.year + 1) {
        gaps++;
        continue;
      }
      let perAtom = atoms.get(prev.year);
      if (!perAtom) {
        perAtom = new Map();
        atoms.set(prev.year, perAtom);
      }
      const atom = `${prev.unit}>${next.unit}`;
      let counts = perAtom.get(atom);
      if (!counts) {
        counts = new Array(K * K).fill(0);
        perAtom.set(atom, counts);
      }
      const cell = index(prev.status) * K + index(next.status);
      counts[cell] = (counts[cell] ?? 0) + 1;
    }
  }
  const pooled = emptyTally();
  const byYear = [...atoms.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, perAtom]) => {
      const tally = emptyTally();
      for (const counts of perAtom.values()) {
        const grid = POVERTY_STATUSES.map((_, i) => counts.slice(i * K, i * K + K));
        const status = protectTable(grid, threshold);
        for (let cell = 0; cell < K * K; cell++) {
          const reason = status[Math.floor(cell / K)]?.[cell % K] ?? null;
          const count = counts[cell] ?? 0;
          for (const t of [tally, pooled]) {
            if (reason === null) t.published[cell] = (t.published[cell] ?? 0) + count;
            else addWithheld(t, cell, reason);
          }
        }
      }
      return toMatrix(year, year + 1, tally);
    });
  const leftOut = pooled.withheld.some((r) => r !== null);
  return {
    byYear,
    pooled: toMatrix(null, null, pooled),
    gaps: publishableCount(gaps, threshold) ? gaps : null,
    leftOut,
  };
}
