import type { SurvivalByGroup } from '../survival/by-group.js';
import type { LogRankResult } from '../survival/log-rank.js';
import type { ConfType, KaplanMeierResult, KaplanMeierRow } from '../survival/types.js';
import { isSmallCount, type SuppressionOptions } from './suppress.js';

/** Options for suppressing survival results. */
export interface SurvivalSuppressionOptions extends SuppressionOptions {
  /**
   * Also withhold the rows of a published curve where fewer than `threshold` households are still
   * at risk (the tail, where one event is one identifiable household). False by default, so that
   * published curves stay identical to R's.
   */
  readonly suppressSmallRiskSets?: boolean;
}

/** A survival table row, nulled when withheld. */
export type PublishedRow = { readonly [K in keyof KaplanMeierRow]: KaplanMeierRow[K] | null } & {
  readonly suppressed: boolean;
};

/** A curve as it may be shown to an analyst. */
export interface PublishedCurve {
  readonly suppressed: boolean;
  readonly confType: ConfType;
  readonly confLevel: number;
  readonly n: number | null;
  readonly events: number | null;
  readonly maxTime: number | null;
  /** Null when the whole group is withheld. */
  readonly table: readonly PublishedRow[] | null;
  readonly median: number | null;
  readonly medianLower: number | null;
  readonly medianUpper: number | null;
}

/** The log-rank test with the per-group figures of withheld groups nulled. */
export interface PublishedLogRank extends Omit<LogRankResult, 'n' | 'observed' | 'expected' | 'variance'> {
  readonly n: readonly (number | null)[];
  readonly observed: readonly (number | null)[];
  readonly expected: readonly (number | null)[];
  readonly variance: readonly (readonly (number | null)[])[];
  /** Keys of the groups whose figures are withheld. */
  readonly suppressedGroups: readonly string[];
}

const NULL_ROW: PublishedRow = {
  time: null,
  nRisk: null,
  nEvent: null,
  nCensor: null,
  survival: null,
  stdErr: null,
  lower: null,
  upper: null,
  suppressed: true,
};

/**
 * Withholds a curve about fewer than `threshold` households: every figure null, `suppressed: true`
 * (and, with `suppressSmallRiskSets`, the rows of a published curve with a small risk set).
 */
export function suppressCurve(curve: KaplanMeierResult, options: SurvivalSuppressionOptions = {}): PublishedCurve {
  const { confType, confLevel } = curve;
  if (isSmallCount(curve.n, options)) {
    return {
      suppressed: true,
      confType,
      confLevel,
      n: null,
      events: null,
      maxTime: null,
      table: null,
      median: null,
      medianLower: null,
      medianUpper: null,
    };
  }
  const table = curve.table.map(
    (row): PublishedRow =>
      options.suppressSmallRiskSets && isSmallCount(row.nRisk, options) ? NULL_ROW : { ...row, suppressed: false },
  );
  return { ...curve, suppressed: false, table };
}

/**
 * Applies `suppressCurve` to every group, and nulls the withheld groups' counts in the log-rank
 * test. The test statistic and p-value stay: they summarise all groups together and do not reveal
 * a small group's counts on their own.
 */
export function suppressSurvival(
  result: SurvivalByGroup,
  options: SurvivalSuppressionOptions = {},
): { groups: (PublishedCurve & { readonly key: string })[]; logRank: PublishedLogRank | null } {
  const groups = result.groups.map((g) => ({ key: g.key, ...suppressCurve(g, options) }));
  const test = result.logRank;
  if (test === null) return { groups, logRank: null };
  const hidden = test.n.map((n) => isSmallCount(n, options));
  const mask = <T>(values: readonly T[]) => values.map((v, i) => (hidden[i] ? null : v));
  return {
    groups,
    logRank: {
      ...test,
      n: mask(test.n),
      observed: mask(test.observed),
      expected: mask(test.expected),
      variance: test.variance.map((row, i) => (hidden[i] ? row.map(() => null) : mask(row))),
      suppressedGroups: test.groups.filter((_, i) => hidden[i]),
    },
  };
}
