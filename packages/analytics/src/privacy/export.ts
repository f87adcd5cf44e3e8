import { DAYS_PER_MONTH } from './calendar.js';
import { MIN_CELL_SIZE } from './suppress.js';

/**
 * k-anonymity for the episode export. The quasi-identifiers of a row — the unit, area, escape year
 * (cohort), support received, how the household escaped, and the escape and end dates — are
 * generalised, the same way for every row of an export, until each combination is shared by at
 * least k = 5 households; rows of a combination still shared by fewer are withheld, and so are all
 * the rows of a unit with fewer than 5 households. Only their number of units and groups is told.
 */

/** An episode as the export reads it; `household` is only used to count households. */
export interface ExportEpisode {
  readonly household: string;
  /** The unit recorded (the atom every analytics answer covers whole). */
  readonly unit: string;
  /** The province holding the unit on the export's date. */
  readonly province: string;
  readonly area: string;
  readonly cohort: number;
  readonly supportKinds: string;
  readonly escapeFrom: string;
  readonly escapeTo: string;
  readonly escapeDate: string;
  readonly endDate: string;
  readonly relapsed: boolean;
  readonly timeDays: number;
}

/** A row as exported: every quasi-identifier at the export's level of generalisation. */
export interface GeneralisedRow {
  readonly unit: string;
  readonly area: string;
  readonly cohort: number;
  readonly supportKinds: string;
  readonly escapeFrom: string;
  readonly escapeTo: string;
  /** `YYYY-MM`, `YYYY-Qn` or `YYYY`. */
  readonly escapePeriod: string;
  readonly endPeriod: string;
  readonly relapsed: boolean;
  /** Whole months from the escape to the end, rounded down to the level's period (1, 3 or 12 months). */
  readonly timeMonths: number;
}

/** Levels of generalisation, finest first. */
export const GENERALISATION_LEVELS = ['month', 'quarter', 'year', 'province', 'coarse'] as const;
export type GeneralisationLevel = (typeof GENERALISATION_LEVELS)[number];

export interface AnonymisedExport<T extends ExportEpisode> {
  readonly rows: readonly { readonly episode: T; readonly row: GeneralisedRow }[];
  readonly level: GeneralisationLevel;
  /** Units left out whole: fewer than k households. */
  readonly withheldUnits: number;
  /** Combinations of quasi-identifiers left out: fewer than k households each. */
  readonly withheldGroups: number;
}

function period(date: string, level: GeneralisationLevel): string {
  const year = date.slice(0, 4);
  if (level === 'month') return date.slice(0, 7);
  if (level === 'quarter') return `${year}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
  return year;
}

export function generalise(e: ExportEpisode, level: GeneralisationLevel): GeneralisedRow {
  const step = level === 'month' ? 1 : level === 'quarter' ? 3 : 12;
  const months = Math.floor(e.timeDays / DAYS_PER_MONTH);
  const coarse = level === 'coarse';
  const yearly = level === 'year' || level === 'province' || coarse;
  return {
    unit: level === 'province' || coarse ? e.province : e.unit,
    area: coarse ? '*' : e.area,
    cohort: e.cohort,
    supportKinds: coarse ? '*' : yearly ? (e.supportKinds === 'none' ? 'none' : 'some') : e.supportKinds,
    escapeFrom: e.escapeFrom,
    escapeTo: coarse ? '*' : e.escapeTo,
    escapePeriod: period(e.escapeDate, level),
    endPeriod: period(e.endDate, level),
    relapsed: e.relapsed,
    timeMonths: months - (months % step),
  };
}

const classKey = (r: GeneralisedRow) =>
  [r.unit, r.area, r.cohort, r.supportKinds, r.escapeFrom, r.escapeTo, r.escapePeriod, r.endPeriod].join('\u0000');

/**
 * Generalises the export: the finest level at which the households in combinations of fewer than
 * k are at most `maxWithheldShare` of the households exported (the coarsest level when none is),
 * then withholds those combinations.
 */
export function anonymiseEpisodes<T extends ExportEpisode>(
  episodes: readonly T[],
  options: { readonly k?: number; readonly maxWithheldShare?: number } = {},
): AnonymisedExport<T> {
  const k = options.k ?? MIN_CELL_SIZE;
  const maxShare = options.maxWithheldShare ?? 0.05;
  const unitHouseholds = new Map<string, Set<string>>();
  for (const e of episodes) {
    let set = unitHouseholds.get(e.unit);
    if (!set) {
      set = new Set();
      unitHouseholds.set(e.unit, set);
    }
    set.add(e.household);
  }
  const smallUnits = new Set([...unitHouseholds].filter(([, s]) => s.size < k).map(([u]) => u));
  const kept = episodes.filter((e) => !smallUnits.has(e.unit));
  const total = new Set(kept.map((e) => e.household)).size;
  let chosen: AnonymisedExport<T> | undefined;
  for (const level of GENERALISATION_LEVELS) {
    const rows = kept.map((episode) => ({ episode, row: generalise(episode, level) }));
    const classes = new Map<string, Set<string>>();
    for (const r of rows) {
      const key = classKey(r.row);
      let set = classes.get(key);
      if (!set) {
        set = new Set();
        classes.set(key, set);
      }
      set.add(r.episode.household);
    }
    const small = new Set([...classes].filter(([, s]) => s.size < k).map(([key]) => key));
    const withheldHouseholds = new Set(rows.filter((r) => small.has(classKey(r.row))).map((r) => r.episode.household));
    chosen = {
      rows: rows.filter((r) => !small.has(classKey(r.row))),
      level,
      withheldUnits: smallUnits.size,
      withheldGroups: small.size,
    };
    if (withheldHouseholds.size <= maxShare * total) break;
  }
  return chosen ?? { rows: [], level: 'month', withheldUnits: smallUnits.size, withheldGroups: 0 };
}
