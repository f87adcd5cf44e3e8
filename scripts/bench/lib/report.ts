import type { Comparison, Scenario } from './measure.js';

export interface Outcome extends Comparison {
  target: number;
  /** Judged on the median round ratio (see comparePair). */
  met: boolean;
}

const WIDTHS = [26, 8, 10, 11, 9, 9, 8, 8, 12];

function line(cells: Array<string | number>): string {
  return cells
    .map((c, i) => (i === 0 ? String(c).padEnd(WIDTHS[i] ?? 0) : String(c).padStart(WIDTHS[i] ?? 0)))
    .join(' ');
}

export function printHeader(): void {
  console.log(line(['scenario', 'clients', 'ops/s', 'events/s', 'p50 ms', 'p99 ms', 'ratio', 'totals', 'target']));
}

/** Two rows: the baseline, then ours with its ratios (median of rounds, and of totals) and the target. */
export function printPair(baseline: Scenario, ours: Scenario, o: Outcome): void {
  const row = (s: Scenario, f: Comparison['baseline'], extra: Array<string | number>) =>
    console.log(line([s.name, s.clients, f.opsPerSecond, f.eventsPerSecond, f.p50Ms, f.p99Ms, ...extra]));
  row(baseline, o.baseline, ['', '', '']);
  row(ours, o.ours, [o.medianRoundRatio, o.ratioOfTotals, `≥${o.target} ${o.met ? 'ok' : 'MISSED'}`]);
}
