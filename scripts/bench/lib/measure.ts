import { performance } from 'node:perf_hooks';

/** `x` to `digits` decimals, as a number (for JSON figures). */
export const round = (x: number, digits = 0): number => Number(x.toFixed(digits));

export interface Scenario {
  name: string;
  clients: number;
  /** Events (rows) written or read by one operation. */
  eventsPerOp: number;
  /** One operation of client `worker` (0-based). */
  op(worker: number): Promise<void>;
}

export interface Figures {
  ops: number;
  seconds: number;
  opsPerSecond: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface Sample {
  ops: number;
  seconds: number;
  latencies: number[];
}

/** Runs `clients` loops of `op` for `durationMs`; each loop starts its next operation when one ends. */
export async function runFor(scenario: Scenario, durationMs: number): Promise<Sample> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  const loop = async (worker: number) => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      await scenario.op(worker);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: scenario.clients }, (_, i) => loop(i)));
  return { ops: latencies.length, seconds: (performance.now() - started) / 1000, latencies };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export function summarise(scenario: Scenario, samples: readonly Sample[]): Figures {
  const ops = samples.reduce((n, s) => n + s.ops, 0);
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  const sorted = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  return {
    ops,
    seconds: round(seconds, 2),
    opsPerSecond: round(ops / seconds, 1),
    eventsPerSecond: round((ops * scenario.eventsPerOp) / seconds, 0),
    p50Ms: round(percentile(sorted, 50), 3),
    p99Ms: round(percentile(sorted, 99), 3),
  };
}

export interface Comparison {
  baseline: Figures;
  ours: Figures;
  /** ours / baseline over all rounds together. */
  ratioOfTotals: number;
  /** Median over rounds of ours / baseline, each pair measured back to back. */
  medianRoundRatio: number;
  roundRatios: number[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const rate = (s: Sample) => s.ops / s.seconds;

/**
 * Measures a baseline and ours in short alternating rounds (A B, B A, …). The machine is shared and
 * its load comes in bursts: a burst then falls on both sides of a round, and the median of the round
 * ratios discards the rounds a burst split unevenly. Both the median and the ratio of totals are kept.
 */
export async function comparePair(
  baseline: Scenario,
  ours: Scenario,
  options: { rounds: number; roundMs: number; warmupMs: number },
): Promise<Comparison> {
  await runFor(baseline, options.warmupMs);
  await runFor(ours, options.warmupMs);
  const a: Sample[] = [];
  const b: Sample[] = [];
  for (let round = 0; round < options.rounds; round++) {
    if (round % 2 === 0) {
      a.push(await runFor(baseline, options.roundMs));
      b.push(await runFor(ours, options.roundMs));
    } else {
      b.push(await runFor(ours, options.roundMs));
      a.push(await runFor(baseline, options.roundMs));
    }
  }
  const figures = { baseline: summarise(baseline, a), ours: summarise(ours, b) };
  const roundRatios = a.map((sa, i) => Number((rate(b[i] as Sample) / rate(sa)).toFixed(3)));
  return {
    ...figures,
    ratioOfTotals: Number((figures.ours.opsPerSecond / figures.baseline.opsPerSecond).toFixed(3)),
    medianRoundRatio: Number(median(roundRatios).toFixed(3)),
    roundRatios,
  };
}
