import { kaplanMeierSorted } from './kaplan-meier.js';
import { type LogRankResult, logRankSorted } from './log-rank.js';
import { resolveOptions } from './options.js';
import { EMPTY, sortByKey } from './sample.js';
import type { GroupedObservation, KaplanMeierOptions, KaplanMeierResult } from './types.js';

/** One group's curve. */
export interface GroupSurvival extends KaplanMeierResult {
  readonly key: string;
}

/** Curves per group and the log-rank test between them. */
export interface SurvivalByGroup {
  readonly groups: readonly GroupSurvival[];
  /** Null with fewer than two groups (R's survdiff refuses a single group). */
  readonly logRank: LogRankResult | null;
}

/** Options for `survivalByGroup`. */
export interface SurvivalByGroupOptions extends KaplanMeierOptions {
  /**
   * Group order in the result. By default keys are sorted by code point, which for the usual
   * ASCII labels is the order of R's factor levels; keys not listed follow, sorted.
   */
  readonly order?: readonly string[];
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Kaplan–Meier curves per group and the log-rank test between the groups, from one pass over the
 * observations and one sort per group: R's `survfit(Surv(time, status) ~ group)` with `summary()`
 * and `print()`, and `survdiff(Surv(time, status) ~ group)`.
 *
 * @throws AnalyticsInputError for a negative or non-finite time or an invalid option.
 */
export function survivalByGroup(
  observations: readonly GroupedObservation[],
  options: SurvivalByGroupOptions = {},
): SurvivalByGroup {
  resolveOptions(options); // reject a bad option even when there is no group to estimate
  const byKey = sortByKey(observations, (o) => o.group);
  const order = [...new Set(options.order ?? [])];
  const listed = order.filter((key) => byKey.has(key));
  const rest = [...byKey.keys()].filter((key) => !order.includes(key)).sort(byCodePoint);
  const samples = [...listed, ...rest].map((key) => ({ key, sample: byKey.get(key) ?? EMPTY }));
  const groups = samples.map(({ key, sample }) => ({ key, ...kaplanMeierSorted(sample, options) }));
  return { groups, logRank: samples.length >= 2 ? logRankSorted(samples) : null };
}
