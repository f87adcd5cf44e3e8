/**
 * Benchmark: Kaplan–Meier and log-rank over 1,000,000 synthetic relapse episodes.
 * Run: `pnpm --filter @benvung/analytics bench` (or `pnpm exec tsx packages/analytics/bench/km.ts`).
 * The data are generated deterministically (mulberry32, fixed seed), so runs are comparable.
 */
import { performance } from 'node:perf_hooks';
import { cumulativeRelapseByCohort, type GroupedObservation, kaplanMeier, survivalByGroup } from '../src/index.js';

const N = 1_000_000;
const GROUPS = ['cash', 'credit', 'housing', 'livelihood', 'training'];
const RUNS = 7;

/** mulberry32: a tiny, fast, seedable PRNG; good enough for synthetic data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exponential relapse times (mean depending on the group), censored by follow-up up to 10 years. */
function episodes(n: number, seed: number): (GroupedObservation & { cohort: number })[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const g = Math.floor(random() * GROUPS.length);
    const meanDays = 900 + 300 * g;
    const relapse = Math.floor(-Math.log(1 - random()) * meanDays);
    const followUp = Math.floor(random() * 3653);
    return {
      group: GROUPS[g] ?? 'cash',
      cohort: 2025 - Math.floor(followUp / 365.25),
      time: Math.min(relapse, followUp),
      event: relapse <= followUp,
    };
  });
}

function time(label: string, fn: () => unknown): void {
  const ms: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const start = performance.now();
    fn();
    if (i > 0) ms.push(performance.now() - start); // the first run warms the JIT up
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)] ?? 0;
  console.log(
    `${label.padEnd(58)} min ${(ms[0] ?? 0).toFixed(1).padStart(7)} ms  median ${median.toFixed(1).padStart(7)} ms`,
  );
}

const started = performance.now();
const data = episodes(N, 20_240_601);
console.log(`generated ${N.toLocaleString('en')} episodes in ${(performance.now() - started).toFixed(0)} ms`);
console.log(
  `events: ${data.filter((d) => d.event).length.toLocaleString('en')}; node ${process.version}; ${RUNS} timed runs each`,
);

time('kaplanMeier, one group (sort + curve + median)', () => kaplanMeier(data));
time("kaplanMeier, one group, confType 'log-log', all times", () =>
  kaplanMeier(data, { confType: 'log-log', includeCensored: true }),
);
const fractional = data.map((d) => ({ ...d, time: d.time + 0.5 * Math.sin(d.time) }));
time('kaplanMeier, one group, fractional times (comparison sort)', () => kaplanMeier(fractional));
time('survivalByGroup, 5 groups (curves + log-rank)', () => survivalByGroup(data));
time('cumulativeRelapseByCohort, 11 cohorts × 5 horizons', () => cumulativeRelapseByCohort(data));
