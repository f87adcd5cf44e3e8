/**
 * Kaplan–Meier curves as the survival route publishes them, turned into what the chart and its
 * tables draw: step points, confidence bands, censoring marks and numbers at risk. Pure (no React,
 * no DOM), so it is unit-tested on its own.
 *
 * The route gives times in days and, per group, only the rows where a relapse happened (R's
 * `summary()` rows): no censoring times, no `nCensor`, no end of follow-up (`maxTime`). Where that
 * leaves a figure unknown, the helpers say so (a range, an open tail) rather than guess. Should the
 * route add `nCensor` on every row (censored times included) or `maxTime`, the helpers use them and
 * the figures become exact.
 */

/** Days in a month for "months after the escape": a mean Gregorian month (365.25 / 12), as the server's SVG. */
export const DAYS_PER_MONTH = 365.25 / 12;

/** Fewer households than this are not shown as a count (the programme's small-cell rule). */
export const MIN_HOUSEHOLDS = 5;

/** A row of a published curve (the route's shape; `nCensor` only if the route ever sends it). */
export interface CurveRow {
  time: number | null;
  nRisk: number | null;
  nEvent: number | null;
  survival: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
  nCensor?: number | null | undefined;
}

/** A group's published curve (the route's shape; `maxTime` only if the route ever sends it). */
export interface CurveInput {
  key: string;
  suppressed: boolean;
  n: number | null;
  events: number | null;
  median: number | null;
  medianLower: number | null;
  medianUpper: number | null;
  table: CurveRow[] | null;
  maxTime?: number | null | undefined;
}

/** One step of a curve: the estimate just after `time` (days). */
export interface Step {
  time: number;
  nRisk: number;
  nEvent: number;
  /** Null when the rows carry no censoring counts. */
  nCensor: number | null;
  survival: number;
  lower: number;
  upper: number;
}

/** A curve ready to draw (published, i.e. not withheld). */
export interface PreparedCurve {
  key: string;
  n: number;
  steps: Step[];
  /** Rows after a withheld one (a small risk set) are left out: the tail is not published. */
  tailWithheld: boolean;
  /** End of follow-up in days when the route gives it. */
  maxTime: number | null;
  /**
   * No episode of the group can be followed longer than this (days): the end of follow-up when
   * given, else a bound the caller knows (an escape-year group cannot be followed past as-of).
   */
  limit: number | null;
  /** True when the rows list censored times too (every row has `nCensor`): at-risk counts are exact. */
  complete: boolean;
  /** Households still followed after the last step (neither relapsed nor censored by then, as far as known). */
  remaining: number;
}

export const toMonths = (days: number) => days / DAYS_PER_MONTH;
export const toDays = (months: number) => months * DAYS_PER_MONTH;

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The drawable part of a published curve; null for a withheld group. Rows stop at the first withheld
 * one (its time is not published, so nothing after it can be placed). A missing limit (the log
 * interval at S = 0) is drawn as the estimate itself.
 */
export function prepareCurve(curve: CurveInput, limit?: number | null): PreparedCurve | null {
  if (curve.suppressed || !isNumber(curve.n)) return null;
  const steps: Step[] = [];
  let tailWithheld = false;
  for (const row of curve.table ?? []) {
    if (row.suppressed || !isNumber(row.time) || !isNumber(row.survival) || !isNumber(row.nRisk)) {
      tailWithheld = true;
      break;
    }
    steps.push({
      time: row.time,
      nRisk: row.nRisk,
      nEvent: isNumber(row.nEvent) ? row.nEvent : 0,
      nCensor: isNumber(row.nCensor) ? row.nCensor : null,
      survival: row.survival,
      lower: isNumber(row.lower) ? row.lower : row.survival,
      upper: isNumber(row.upper) ? row.upper : row.survival,
    });
  }
  steps.sort((a, b) => a.time - b.time);
  const last = steps.at(-1);
  const complete = steps.length > 0 && steps.every((s) => s.nCensor !== null);
  const remaining = last ? last.nRisk - last.nEvent - (last.nCensor ?? 0) : curve.n;
  const maxTime = isNumber(curve.maxTime) ? curve.maxTime : null;
  return {
    key: curve.key,
    n: curve.n,
    steps,
    tailWithheld,
    maxTime,
    limit: maxTime ?? (isNumber(limit) ? limit : null),
    complete,
    remaining: Math.max(0, remaining),
  };
}

export type Point = readonly [time: number, value: number];

/**
 * The step function through `steps` as corner points, from (0, 1): flat to each step's time, then
 * down (or up, for a limit) to its value; flat on to `end` when it lies past the last step.
 * Consecutive duplicates (a step at time 0) are dropped.
 */
export function stepPoints(steps: readonly Step[], field: 'survival' | 'lower' | 'upper', end?: number): Point[] {
  const points: Point[] = [[0, 1]];
  const push = (p: Point) => {
    const last = points.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
  };
  let previous = 1;
  for (const step of steps) {
    push([step.time, previous]);
    previous = step[field];
    push([step.time, previous]);
  }
  const lastTime = steps.at(-1)?.time ?? 0;
  if (end !== undefined && end > lastTime) push([end, previous]);
  return points;
}

/** The confidence band as a closed polygon: the upper step function out, the lower one back. */
export function bandPoints(steps: readonly Step[], end?: number): Point[] {
  return [...stepPoints(steps, 'upper', end), ...stepPoints(steps, 'lower', end).reverse()];
}

/** An SVG path through points mapped by the chart's scales (0.1 px precision). */
export function pathOf(points: readonly Point[], x: (t: number) => number, y: (s: number) => number, close = false) {
  if (points.length === 0) return '';
  const r = (v: number) => Math.round(v * 10) / 10;
  const d = points.map(([t, s], i) => `${i === 0 ? 'M' : 'L'}${r(x(t))},${r(y(s))}`).join('');
  return close ? `${d}Z` : d;
}

/** Where the solid curve ends: the end of follow-up when known, else the last relapse. */
export function solidEnd(curve: PreparedCurve): number {
  return curve.maxTime ?? curve.steps.at(-1)?.time ?? 0;
}

/**
 * Households censored (no longer followed, not relapsed) in a stretch of the curve. With censored
 * rows (`complete`) each mark is exact (`from === to`). Without them the count between two relapses
 * is still exact — nRisk before, minus relapses, minus nRisk at the next relapse — but not where in
 * between; `to` is null for the tail after the last relapse when the end of follow-up is unknown.
 */
export interface CensorMark {
  from: number;
  to: number | null;
  count: number;
  survival: number;
}

export function censorMarks(curve: PreparedCurve): CensorMark[] {
  const marks: CensorMark[] = [];
  if (curve.complete) {
    for (const s of curve.steps) {
      if ((s.nCensor ?? 0) > 0) marks.push({ from: s.time, to: s.time, count: s.nCensor ?? 0, survival: s.survival });
    }
    if (curve.remaining > 0 && curve.maxTime !== null) {
      marks.push({ from: curve.maxTime, to: curve.maxTime, count: curve.remaining, survival: lastSurvival(curve) });
    }
    return marks;
  }
  let atRisk = curve.n;
  let from = 0;
  let survival = 1;
  for (const s of curve.steps) {
    const censored = atRisk - s.nRisk;
    if (censored > 0) marks.push({ from, to: s.time, count: censored, survival });
    atRisk = s.nRisk - s.nEvent;
    from = s.time;
    survival = s.survival;
  }
  if (atRisk > 0 && !curve.tailWithheld) {
    marks.push({ from, to: curve.maxTime, count: atRisk, survival });
  }
  return marks;
}

function lastSurvival(curve: PreparedCurve): number {
  return curve.steps.at(-1)?.survival ?? 1;
}

/** Households at risk at a time: exact when `low === high`, else the bounds the published rows allow. */
export interface AtRisk {
  low: number;
  high: number;
}

/**
 * Households at risk (time ≥ t: neither relapsed nor censored before t) at each of `times` (days).
 * Exact at 0, past the end of follow-up (or its known bound), and whenever the rows list censored times. Otherwise
 * bounded: at least the risk set of the next relapse at or after t (0 when there is none), at most
 * those left after the last relapse before t.
 */
export function atRiskAt(curve: PreparedCurve, times: readonly number[]): AtRisk[] {
  const steps = curve.steps;
  return times.map((t) => {
    if (t <= 0) return { low: curve.n, high: curve.n };
    if (curve.limit !== null && t > curve.limit) return { low: 0, high: 0 };
    const next = steps.find((s) => s.time >= t);
    if (curve.complete) {
      const value = next ? next.nRisk : 0;
      return { low: value, high: value };
    }
    let before: Step | undefined;
    for (const s of steps) {
      if (s.time < t) before = s;
      else break;
    }
    const high = before ? before.nRisk - before.nEvent : curve.n;
    const low = next ? next.nRisk : 0;
    return { low: Math.min(low, high), high };
  });
}

/**
 * The estimate at `t` days: the last step at or before it. Null past what is known: the end of
 * follow-up when given, else the last relapse (the curve stays flat after it only as long as someone
 * is still followed, and the rows do not say how long that is).
 */
export function survivalAt(curve: PreparedCurve, t: number): number | null {
  const covered = curve.maxTime ?? curve.steps.at(-1)?.time ?? 0;
  if (t > covered) return null;
  let value = 1;
  for (const s of curve.steps) {
    if (s.time <= t) value = s.survival;
    else break;
  }
  return value;
}

/** Ticks of the time axis in months: every 6 up to 3 years, every 12 beyond; at least one year shown. */
export function monthTicks(horizonDays: number): { maxMonths: number; ticks: number[] } {
  const months = Math.max(12, toMonths(Math.max(0, horizonDays)));
  const step = months > 36 ? 12 : 6;
  const maxMonths = Math.ceil(months / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let m = 0; m <= maxMonths; m += step) ticks.push(m);
  return { maxMonths, ticks };
}

/**
 * The bottom of the survival axis: 0, or (zoomed) the tenth below the lowest limit drawn, at most
 * 0.9 so the curves never sit on the axis.
 */
export function survivalFloor(curves: readonly PreparedCurve[], zeroBased: boolean): number {
  if (zeroBased) return 0;
  let lowest = 1;
  for (const c of curves) for (const s of c.steps) lowest = Math.min(lowest, s.lower, s.survival);
  return Math.max(0, Math.min(0.9, Math.floor(lowest * 10 - 1e-9) / 10));
}

/** Ticks of the survival axis from `floor` to 1: tenths, or fifths of a wide range. */
export function survivalTicks(floor: number): number[] {
  const step = 1 - floor > 0.5 ? 0.2 : 0.1;
  const ticks: number[] = [];
  for (let v = 1; v >= floor - 1e-9; v -= step) ticks.push(Math.round(v * 100) / 100);
  return ticks.reverse();
}

/** The horizon of the chart in days: the longest follow-up known, else the latest relapse. */
export function horizonOf(curves: readonly PreparedCurve[]): number {
  return Math.max(0, ...curves.map((c) => c.maxTime ?? c.steps.at(-1)?.time ?? 0));
}

/** Whether a count of households must not be shown (1 to 4; zero describes nobody). */
export const isSmallCount = (count: number | null | undefined): boolean =>
  typeof count === 'number' && count > 0 && count < MIN_HOUSEHOLDS;

/**
 * Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), in the server
 * SVG's order, without its yellow (too pale on white). Past seven groups a dash pattern tells
 * curves of the same colour apart.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;
const DASHES = [undefined, '6 3', '2 2', '8 3 2 3'] as const;

export function seriesStyle(index: number): { colour: string; dash: string | undefined } {
  return {
    colour: PALETTE[index % PALETTE.length] ?? '#000000',
    dash: DASHES[Math.floor(index / PALETTE.length) % DASHES.length],
  };
}

/** How a number at risk may be shown: exact, withheld (1 to 4), a range, or an upper bound only. */
export type AtRiskShown =
  | { kind: 'exact'; value: number }
  | { kind: 'withheld' }
  | { kind: 'range'; low: number; high: number }
  | { kind: 'atMost'; high: number };

/**
 * The small-cell rule on an at-risk figure: a count of 1 to 4 households is withheld; of a range,
 * a lower bound of 1 to 4 (or 0) is left out ("≤ 40"), and a range whose upper bound is small is
 * withheld whole.
 */
export function showAtRisk(value: AtRisk): AtRiskShown {
  if (value.low === value.high) {
    return isSmallCount(value.high) ? { kind: 'withheld' } : { kind: 'exact', value: value.high };
  }
  if (value.high < MIN_HOUSEHOLDS) return { kind: 'withheld' };
  if (value.low < MIN_HOUSEHOLDS) return { kind: 'atMost', high: value.high };
  return { kind: 'range', low: value.low, high: value.high };
}

/**
 * The longest follow-up an escape-year group can have: from 1 January of the year to the as-of date
 * (days); null for a key that is not a year or a year after as-of.
 */
export function cohortFollowUpLimit(year: string, asOf: string): number | null {
  if (!/^\d{4}$/.test(year) || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return null;
  const days = (Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000;
  return Number.isFinite(days) && days >= 0 ? days : null;
}
