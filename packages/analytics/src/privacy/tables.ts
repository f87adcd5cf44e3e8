import type { CohortPoint, CohortRow } from '../cohorts/cumulative-relapse.js';
import type { UnitYearFlow } from '../cohorts/flows.js';
import type { TransitionCell, TransitionMatrix } from '../cohorts/transitions.js';
import { isSmallCount, type Suppressible, type SuppressionOptions, suppressFields, withhold } from './suppress.js';
import type { SurvivalSuppressionOptions } from './survival.js';

/** A transition matrix as it may be shown to an analyst. */
export interface PublishedTransitionMatrix extends Omit<TransitionMatrix, 'rows' | 'n'> {
  readonly n: number | null;
  readonly suppressed: boolean;
  readonly rows: readonly {
    readonly from: TransitionCell['from'];
    readonly total: number | null;
    readonly suppressed: boolean;
    readonly cells: readonly Suppressible<TransitionCell, 'count' | 'proportion'>[];
  }[];
}

/**
 * Withholds every cell, and every row total, counting fewer than `threshold` households. A
 * withheld cell loses its proportion too (proportion × total would give the count back).
 */
export function suppressTransitionMatrix(
  matrix: TransitionMatrix,
  options?: SuppressionOptions,
): PublishedTransitionMatrix {
  const rows = matrix.rows.map((row) => ({
    from: row.from,
    total: isSmallCount(row.total, options) ? null : row.total,
    suppressed: isSmallCount(row.total, options),
    cells: row.cells.map((cell) => suppressFields(cell, cell.count, ['count', 'proportion'], options)),
  }));
  const small = isSmallCount(matrix.n, options);
  return { ...matrix, n: small ? null : matrix.n, suppressed: small, rows };
}

/** Flow figures with the small counts (and the ratios built on them) withheld. */
export type PublishedFlow = {
  readonly [K in keyof UnitYearFlow]: K extends 'unitCode' | 'year' ? UnitYearFlow[K] : UnitYearFlow[K] | null;
} & {
  readonly suppressed: boolean;
  readonly suppressedFields: readonly (keyof UnitYearFlow)[];
};

/** The household counts of a flow row. */
const FLOW_COUNTS = ['escaped', 'relapsed', 'newlyPoor', 'atRiskStart', 'relapsedFromAtRisk'] as const;

/**
 * Withholds each count of fewer than `threshold` households; a ratio is withheld with either of
 * its terms, since the other term and the ratio would give the count back.
 */
export function suppressFlows(rows: readonly UnitYearFlow[], options?: SuppressionOptions): PublishedFlow[] {
  return rows.map((row) => {
    const hide = (field: (typeof FLOW_COUNTS)[number]) => isSmallCount(row[field], options);
    const hideRatio = hide('escaped') || hide('relapsed');
    const hideHazard = hide('atRiskStart') || hide('relapsedFromAtRisk');
    const suppressedFields: (keyof UnitYearFlow)[] = FLOW_COUNTS.filter(hide);
    if (hideRatio) suppressedFields.push('relapsedPerEscaped');
    if (hideHazard) suppressedFields.push('hazard');
    return {
      unitCode: row.unitCode,
      year: row.year,
      escaped: hide('escaped') ? null : row.escaped,
      relapsed: hide('relapsed') ? null : row.relapsed,
      newlyPoor: hide('newlyPoor') ? null : row.newlyPoor,
      relapsedPerEscaped: hideRatio ? null : row.relapsedPerEscaped,
      atRiskStart: hide('atRiskStart') ? null : row.atRiskStart,
      relapsedFromAtRisk: hide('relapsedFromAtRisk') ? null : row.relapsedFromAtRisk,
      hazard: hideHazard ? null : row.hazard,
      suppressed: suppressedFields.length > 0,
      suppressedFields,
    };
  });
}

/** A cohort row as it may be shown to an analyst. */
export interface PublishedCohortRow {
  readonly cohort: number;
  readonly suppressed: boolean;
  readonly n: number | null;
  readonly events: number | null;
  readonly maxTime: number | null;
  readonly points: readonly Suppressible<CohortPoint, 'nRisk' | 'cumulativeRelapse' | 'lower' | 'upper'>[];
}

/**
 * Withholds a cohort of fewer than `threshold` episodes' households (every point null), and with
 * `suppressSmallRiskSets` the points where fewer than `threshold` are still at risk.
 */
export function suppressCohorts(
  rows: readonly CohortRow[],
  options: SurvivalSuppressionOptions = {},
): PublishedCohortRow[] {
  const fields = ['nRisk', 'cumulativeRelapse', 'lower', 'upper'] as const;
  return rows.map((row) => {
    const small = isSmallCount(row.n, options);
    // A withheld cohort withholds every point, whatever its risk set.
    const points = row.points.map((p) =>
      withhold(p, fields, small || (options.suppressSmallRiskSets === true && isSmallCount(p.nRisk, options))),
    );
    return {
      cohort: row.cohort,
      suppressed: small,
      n: small ? null : row.n,
      events: small ? null : row.events,
      maxTime: small ? null : row.maxTime,
      points,
    };
  });
}
