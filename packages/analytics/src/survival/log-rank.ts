import { AnalyticsInputError } from '../errors.js';
import { chiSquareUpperTail } from '../math/chi-square.js';
import { solveSymmetric } from '../math/cholesky.js';
import { type SortedSample, sortSample, total } from './sample.js';
import type { SurvivalObservation } from './types.js';

/** The log-rank test between k groups, as R's `survdiff(…, rho = 0)` reports it. */
export interface LogRankResult {
  /** Group keys, in the order of every array below. */
  readonly groups: readonly string[];
  readonly n: readonly number[];
  readonly observed: readonly number[];
  readonly expected: readonly number[];
  /** The k × k variance-covariance matrix of observed − expected (survdiff's `var`). */
  readonly variance: readonly (readonly number[])[];
  readonly chisq: number;
  /** Groups with expected > 0, minus one (minus any further dimension a singular variance loses). */
  readonly df: number;
  /** P(χ²_df > chisq); null when df = 0 (no two groups with events at risk to compare). */
  readonly p: number | null;
}

/** A group's sample for the test. */
export interface LogRankGroup {
  readonly key: string;
  readonly obs: readonly SurvivalObservation[];
}

/** Observed, expected and variance, accumulated over the distinct event times (survdiff2.c). */
function accumulate(samples: readonly SortedSample[]) {
  const k = samples.length;
  const observed = samples.map((s) => total(s.eventCounts));
  const expected = new Float64Array(k);
  const variance = new Float64Array(k * k);
  const evCursor = new Int32Array(k);
  const ceCursor = new Int32Array(k);
  // Observations of each group not yet past: its risk set at the next time.
  const remaining = Float64Array.from(samples, (s, g) => (observed[g] ?? 0) + total(s.censorCounts));
  const risk = new Float64Array(k);
  const none = new Float64Array(0);
  const eventTimes = samples.map((s) => s.eventTimes);
  const eventCounts = samples.map((s) => s.eventCounts);
  const censorTimes = samples.map((s) => s.censorTimes);
  const censorCounts = samples.map((s) => s.censorCounts);

  for (;;) {
    // The next event time over all groups: a k-way merge of the sorted event arrays.
    let t = Number.POSITIVE_INFINITY;
    for (let g = 0; g < k; g++) {
      const ev = eventTimes[g] ?? none;
      const c = evCursor[g] ?? 0;
      if (c < ev.length && (ev[c] ?? 0) < t) t = ev[c] ?? 0;
    }
    if (t === Number.POSITIVE_INFINITY) break;

    let nrisk = 0;
    let d = 0;
    for (let g = 0; g < k; g++) {
      const ev = eventTimes[g] ?? none;
      const ce = censorTimes[g] ?? none;
      const ceCount = censorCounts[g] ?? none;
      // At risk at t: observations with time ≥ t; censorings below t have left the risk set.
      let c = ceCursor[g] ?? 0;
      let atRisk = remaining[g] ?? 0;
      while (c < ce.length && (ce[c] ?? 0) < t) atRisk -= ceCount[c++] ?? 0;
      ceCursor[g] = c;
      // Events below t were all at earlier event times, already taken off the risk set.
      const e = evCursor[g] ?? 0;
      let dg = 0;
      if (e < ev.length && ev[e] === t) {
        dg = eventCounts[g]?.[e] ?? 0;
        evCursor[g] = e + 1;
      }
      remaining[g] = atRisk - dg;
      risk[g] = atRisk;
      nrisk += atRisk;
      d += dg;
    }

    for (let g = 0; g < k; g++) expected[g] = (expected[g] ?? 0) + (d * (risk[g] ?? 0)) / nrisk;
    // "only 1 subject, so no variance": survdiff2.c skips the hypergeometric term when n = 1.
    if (nrisk === 1) continue;
    const factor = (d * (nrisk - d)) / (nrisk * (nrisk - 1));
    for (let a = 0; a < k; a++) {
      const tmp = factor * (risk[a] ?? 0);
      if (tmp === 0) continue; // a group with nobody at risk adds nothing to its row
      variance[a * k + a] = (variance[a * k + a] ?? 0) + tmp;
      for (let b = 0; b < k; b++) variance[a * k + b] = (variance[a * k + b] ?? 0) - (tmp * (risk[b] ?? 0)) / nrisk;
    }
  }
  return { observed, expected, variance };
}

/** The test on samples already split by group and sorted. At least two groups. */
export function logRankSorted(groups: readonly { key: string; sample: SortedSample }[]): LogRankResult {
  if (groups.length < 2) {
    throw new AnalyticsInputError('ANALYTICS_TOO_FEW_GROUPS', 'the log-rank test needs at least two groups', {
      groups: groups.length,
    });
  }
  const k = groups.length;
  const { observed, expected, variance } = accumulate(groups.map((g) => g.sample));
  const matrix = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => variance[a * k + b] ?? 0));

  // survdiff: drop groups with no expected events, then the first remaining group (the k
  // deviations sum to zero), and take (O − E)ᵀ V⁻¹ (O − E) over the rest.
  const kept: number[] = [];
  for (let g = 0; g < k; g++) if ((expected[g] ?? 0) > 0) kept.push(g);
  let chisq = 0;
  let df = kept.length - 1;
  if (kept.length >= 2) {
    const rest = kept.slice(1);
    const deviation = rest.map((g) => (observed[g] ?? 0) - (expected[g] ?? 0));
    const vv = rest.map((a) => rest.map((b) => matrix[a]?.[b] ?? 0));
    const { x, rank } = solveSymmetric(vv, deviation);
    chisq = x.reduce((sum, xi, i) => sum + xi * (deviation[i] ?? 0), 0);
    df = rank;
  }
  return {
    groups: groups.map((g) => g.key),
    n: groups.map((g) => total(g.sample.eventCounts) + total(g.sample.censorCounts)),
    observed,
    expected: Array.from(expected),
    variance: matrix,
    chisq,
    df,
    p: df > 0 ? chiSquareUpperTail(chisq, df) : null,
  };
}

/**
 * The log-rank (Mantel–Haenszel) test that k survival curves are equal, matching R's
 * `survdiff(Surv(time, status) ~ group)` with rho = 0: observed and expected events per group, the
 * variance-covariance matrix, chi-square on k − 1 degrees of freedom and its p-value.
 *
 * Where R's `solve()` would fail on a singular variance matrix, a generalized inverse is used (see
 * `solveSymmetric`) and `df` is its rank.
 *
 * Cost: O(n log n) to sort, then O(D · k²) over the D distinct event times (whole days keep D in
 * the thousands).
 *
 * @throws AnalyticsInputError with fewer than two groups, or for an invalid time.
 */
export function logRank(groups: readonly LogRankGroup[]): LogRankResult {
  return logRankSorted(groups.map((g) => ({ key: g.key, sample: sortSample(g.obs) })));
}
