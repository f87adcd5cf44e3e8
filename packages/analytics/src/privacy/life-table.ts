import { weightOf } from '../survival/sample.js';
import type { KaplanMeierResult, KaplanMeierRow, SurvivalObservation } from '../survival/types.js';
import { bandEnds, roundToMonth } from './calendar.js';
import { publishableCount, type WithheldReason } from './cells.js';
import { MIN_CELL_SIZE } from './suppress.js';
import type { PublishedCurve, PublishedRow } from './survival.js';

/** A stretch of follow-up (start, end] in days, with what happened in it. */
export interface Interval {
  /** Exclusive; −∞ for the first interval, so a relapse on the day of the escape counts in it. */
  readonly start: number;
  readonly end: number;
  /** Households still followed after `start`. */
  readonly nRisk: number;
  readonly nEvent: number;
  readonly nCensor: number;
}

const ok = (i: { nEvent: number; nCensor: number }, threshold: number) =>
  publishableCount(i.nEvent, threshold) && publishableCount(i.nCensor, threshold);

/**
 * Cuts follow-up at `cuts` (ascending, the last ≥ every time) and merges consecutive stretches
 * until each has 0 or at least `threshold` relapses and 0 or at least `threshold` censorings: a
 * published row never shows that 1 to 4 households relapsed (or stopped being followed) in it. The
 * stretches are on a fixed grid, and a last stretch too small on its own is merged backwards, so
 * the whole follow-up is covered. Null when even the whole follow-up has 1 to 4 of either.
 */
export function mergeIntervals(
  observations: readonly SurvivalObservation[],
  cuts: readonly number[],
  threshold = MIN_CELL_SIZE,
): Interval[] | null {
  // An observation with a count stands for that many households; each is weighed once, here.
  const weighed = observations.map((o, index) => ({ time: o.time, event: o.event, weight: weightOf(o, index) }));
  const times = weighed.sort((a, b) => a.time - b.time);
  const total = times.reduce((sum, o) => sum + o.weight, 0);
  const rows: Interval[] = [];
  let open = { start: Number.NEGATIVE_INFINITY, end: Number.NEGATIVE_INFINITY, nEvent: 0, nCensor: 0, nRisk: total };
  let i = 0;
  let seen = 0;
  for (const cut of cuts) {
    while (i < times.length && (times[i]?.time ?? 0) <= cut) {
      const o = times[i++];
      if (o === undefined) break; // unreachable: i is below the length
      if (o.event) open.nEvent += o.weight;
      else open.nCensor += o.weight;
      seen += o.weight;
    }
    open.end = cut;
    // An empty stretch joins the next one: rows are where something happened.
    if (open.nEvent + open.nCensor > 0 && ok(open, threshold)) {
      rows.push(open);
      // Every household with a time at or before the cut has been counted: the rest are at risk.
      open = { start: cut, end: cut, nEvent: 0, nCensor: 0, nRisk: total - seen };
    }
  }
  // What is left (1 to 4 of either) joins the rows before it until the sum may be shown.
  while (open.nEvent + open.nCensor > 0 && !ok(open, threshold)) {
    const last = rows.pop();
    if (!last) return null;
    open = {
      start: last.start,
      end: open.end,
      nEvent: last.nEvent + open.nEvent,
      nCensor: last.nCensor + open.nCensor,
      nRisk: last.nRisk,
    };
  }
  if (open.nEvent + open.nCensor > 0) rows.push(open);
  return rows;
}

/** The Kaplan–Meier row in force at `time` (the last at or before it), or null before the first. */
function rowAt(table: readonly KaplanMeierRow[], time: number): KaplanMeierRow | null {
  let found: KaplanMeierRow | null = null;
  for (const row of table) {
    if (row.time > time) break;
    found = row;
  }
  return found;
}

/** A published curve with its group and, when withheld in part or whole, why. */
export type ProtectedCurve = PublishedCurve & {
  readonly key: string;
  /** Null when the curve is published; else why its figures (all, or all but n) are withheld. */
  readonly withheld: WithheldReason | null;
};

/** A curve withheld whole. */
export function withheldCurve(
  key: string,
  reason: WithheldReason,
  km: Pick<KaplanMeierResult, 'confType' | 'confLevel'>,
): ProtectedCurve {
  return {
    key,
    withheld: reason,
    suppressed: true,
    confType: km.confType,
    confLevel: km.confLevel,
    n: null,
    events: null,
    maxTime: null,
    table: null,
    median: null,
    medianLower: null,
    medianUpper: null,
  };
}

/**
 * A curve of 5 households or more as it may be published: its life table on the fixed quarter
 * grid (rows merged by `mergeIntervals`, each at the end of its stretch with the Kaplan–Meier
 * estimate and limits there, which are R's at that time), the end of follow-up at the end of the
 * last stretch, and the medians rounded to whole months — so no row or figure names a day on which
 * one household relapsed. When 1 to 4 households relapsed (or 1 to 4 did not), only n is shown.
 */
export function bandedCurve(
  key: string,
  km: KaplanMeierResult,
  observations: readonly SurvivalObservation[],
  threshold = MIN_CELL_SIZE,
): ProtectedCurve {
  const intervals =
    km.maxTime === null || !publishableCount(km.events, threshold) || !publishableCount(km.n - km.events, threshold)
      ? null
      : mergeIntervals(observations, bandEnds(km.maxTime), threshold);
  if (intervals === null) return { ...withheldCurve(key, 'few_events', km), n: km.n };
  const table = intervals.map((iv): PublishedRow => {
    const at = rowAt(km.table, iv.end);
    return {
      time: iv.end,
      nRisk: iv.nRisk,
      nEvent: iv.nEvent,
      nCensor: iv.nCensor,
      survival: at ? at.survival : 1,
      stdErr: at ? at.stdErr : 0,
      lower: at ? at.lower : 1,
      upper: at ? at.upper : 1,
      suppressed: false,
    };
  });
  return {
    key,
    withheld: null,
    suppressed: false,
    confType: km.confType,
    confLevel: km.confLevel,
    n: km.n,
    events: km.events,
    maxTime: intervals.at(-1)?.end ?? null,
    table,
    median: roundToMonth(km.median),
    medianLower: roundToMonth(km.medianLower),
    medianUpper: roundToMonth(km.medianUpper),
  };
}
