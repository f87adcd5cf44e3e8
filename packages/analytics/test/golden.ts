import { readFileSync } from 'node:fs';
import type { ConfType, GroupedObservation } from '../src/index.js';

/** R's reference output for one data set (see golden/survival/README.md next to this file). */
export interface Golden {
  readonly dataset: string;
  readonly conf_types: Record<
    ConfType,
    {
      readonly table: readonly {
        group: string;
        time: number;
        n_risk: number;
        n_event: number;
        survival: number;
        std_err: number | null;
        lower: number | null;
        upper: number | null;
      }[];
      readonly medians: readonly {
        group: string;
        n: number;
        events: number;
        median: number | null;
        lower: number | null;
        upper: number | null;
      }[];
    }
  >;
  readonly logrank: {
    readonly chisq: number;
    readonly df: number;
    readonly p: number;
    readonly groups: readonly string[];
    readonly observed: readonly number[];
    readonly expected: readonly number[];
  };
}

/** R's output for public data sets, kept in the repository; provenance in its README.md. */
export const GOLDEN_DIR = new URL('./golden/survival/', import.meta.url);
export const DATASETS = ['aml', 'gehan', 'lung'] as const;

/** Reads `<name>.csv` (time,status,group) into grouped observations. */
export function readObservations(name: string): GroupedObservation[] {
  const lines = readFileSync(new URL(`${name}.csv`, GOLDEN_DIR), 'utf8')
    .trim()
    .split(/\r?\n/);
  return lines.slice(1).map((line) => {
    const [time, status, group] = line.split(',');
    return { time: Number(time), event: status === '1', group: group ?? '' };
  });
}

/** Reads `<name>.expected.json`. */
export function readGolden(name: string): Golden {
  return JSON.parse(readFileSync(new URL(`${name}.expected.json`, GOLDEN_DIR), 'utf8')) as Golden;
}
