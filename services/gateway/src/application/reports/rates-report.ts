import { isSmallCount } from '@benvung/analytics';
import type { AdminUnit } from '@benvung/domain';
import { listBalances, targetsAsOf, type UnitTarget } from '@benvung/projections';
import type { FastifyInstance } from 'fastify';
import { reportingReadModels } from '../read-replica.js';
import { byRowAndGroup } from './balance-figures.js';
import { type Denominator, denominators, sumOf } from './denominators.js';
import { fill, HEADINGS, LISTS, MET, type ReportLang, say, TARGET_KINDS, TEXTS, TITLES } from './labels.js';
import { type ReportContext, type ReportHeader, reportHeader } from './report-context.js';
import { type ReportTable, roundPercent } from './report-table.js';
import { frame, rowName } from './table-frame.js';

/** A list's year-end count and rate, the rate a year before and the change. */
export interface ListRate {
  opening: number;
  closing: number;
  /** closing ÷ total households × 100; null without a denominator. */
  rate: number | null;
  /** opening ÷ the year before's total households (else this year's) × 100. */
  previousRate: number | null;
  /** rate − previousRate, in percentage points. */
  change: number | null;
}

/** A target in force for the year and how far the unit got. */
export interface TargetProgress {
  list: 'poor' | 'near_poor';
  kind: string;
  value: number;
  note: string | null;
  /** Points the rate fell, households fewer, or the rate reached (by kind); null without figures. */
  achieved: number | null;
  met: boolean | null;
}

export interface RatesLine {
  households: number | null;
  population: number | null;
  denominatorBasis: Denominator['basis'] | null;
  poor: ListRate;
  nearPoor: ListRate;
  /** Poor households flagged unable to escape at the year's end; null when withheld. */
  unableToEscape: number | null;
  /** The poverty rate without them (reported apart); null when withheld or without a denominator. */
  rateExcludingUnable: number | null;
  targets: TargetProgress[];
}

export interface RatesReport extends ReportHeader {
  rows: Array<RatesLine & { unitCode: string; unitName: string; remainder: boolean }>;
  total: RatesLine;
}

const percent = (n: number, d: number | undefined | null) => (d ? (n / d) * 100 : null);

function listRate(opening: number, closing: number, now: Denominator | null, before: Denominator | null): ListRate {
  const rate = percent(closing, now?.households);
  const previousRate = percent(opening, (before ?? now)?.households);
  return {
    opening,
    closing,
    rate,
    previousRate,
    change: rate !== null && previousRate !== null ? rate - previousRate : null,
  };
}

function progress(t: UnitTarget, line: Pick<RatesLine, 'poor' | 'nearPoor'>): TargetProgress {
  const l = t.list === 'poor' ? line.poor : line.nearPoor;
  const achieved =
    t.kind === 'rate_reduction_points'
      ? l.change === null
        ? null
        : -l.change
      : t.kind === 'households_reduction'
        ? l.opening - l.closing
        : l.rate;
  const met = achieved === null ? null : t.kind === 'rate_below_percent' ? achieved < t.value : achieved >= t.value;
  return { list: t.list, kind: t.kind, value: t.value, note: t.note, achieved, met };
}

/**
 * Poverty and near-poverty rates against the denominators recorded by the report's as-of date, the
 * rates a year before and the change, the households unable to escape reported apart, and progress
 * against the targets each unit set for the year.
 */
export async function ratesReport(app: FastifyInstance, ctx: ReportContext): Promise<RatesReport> {
  const { scope, dates, lang } = ctx;
  const db = reportingReadModels(app);
  const years = [dates.year, dates.year - 1];
  const balances = byRowAndGroup(
    await listBalances(db, { rollup: scope.rollup, year: dates.year, by: 'unable_to_escape' }),
    true,
  );
  const units = new Map<string, AdminUnit>();
  for (const u of scope.roots) units.set(u.code, u);
  for (const r of scope.rows) if (!r.remainder) units.set(r.code, app.units.find(r.code, dates.unitsOn) as AdminUnit);
  const denoms = await denominators(db, app.units, {
    units: [...units.values()].filter(Boolean),
    years,
    unitsOn: dates.unitsOn,
    recordedBefore: dates.recordedBefore,
  });
  const targets = await targetsAsOf(db, {
    unitCodes: [...units.keys()],
    years: [dates.year],
    recordedBefore: dates.recordedBefore,
  });

  const counts = (keys: readonly string[]) => {
    let poorOpening = 0;
    let poorClosing = 0;
    let nearOpening = 0;
    let nearClosing = 0;
    let unable = 0;
    for (const key of keys) {
      for (const [group, b] of balances.get(key) ?? []) {
        poorOpening += b.poor.opening ?? 0;
        poorClosing += b.poor.closing ?? 0;
        nearOpening += b.near_poor.opening ?? 0;
        nearClosing += b.near_poor.closing ?? 0;
        if (group === 'unable') unable += b.poor.closing ?? 0;
      }
    }
    return { poorOpening, poorClosing, nearOpening, nearClosing, unable };
  };
  const ratesLine = (
    keys: readonly string[],
    now: Denominator | null,
    before: Denominator | null,
    own: readonly UnitTarget[],
  ): RatesLine => {
    const c = counts(keys);
    // The unable are a group below the unit's list: withheld, with the rate that would give them back, when few.
    const withheld = ctx.suppress && (isSmallCount(c.unable) || isSmallCount(c.poorClosing - c.unable));
    const figures = {
      poor: listRate(c.poorOpening, c.poorClosing, now, before),
      nearPoor: listRate(c.nearOpening, c.nearClosing, now, before),
    };
    return {
      households: now?.households ?? null,
      population: now?.population ?? null,
      denominatorBasis: now?.basis ?? null,
      ...figures,
      unableToEscape: withheld ? null : c.unable,
      rateExcludingUnable: withheld ? null : percent(c.poorClosing - c.unable, now?.households),
      targets: own.map((t) => progress(t, figures)),
    };
  };

  const rows = scope.rows.map((u) => {
    const now = u.remainder ? null : denoms.of(u.code, dates.year);
    const before = u.remainder ? null : denoms.of(u.code, dates.year - 1);
    const own = u.remainder ? [] : targets.filter((t) => t.unitCode === u.code);
    return { unitCode: u.code, unitName: u.name, remainder: u.remainder, ...ratesLine([u.key], now, before, own) };
  });
  const rootTargets = scope.roots.length === 1 ? targets.filter((t) => t.unitCode === scope.roots[0]?.code) : [];
  const total = ratesLine(
    scope.rows.map((r) => r.key),
    sumOf(scope.roots.map((r) => denoms.of(r.code, dates.year))),
    sumOf(scope.roots.map((r) => denoms.of(r.code, dates.year - 1))),
    rootTargets,
  );
  const header = await reportHeader(app, ctx, fill(say(TITLES.rates, lang), { year: dates.year }));
  return { ...header, rows: rows.filter((r) => !r.remainder || r.poor.closing + r.nearPoor.closing > 0), total };
}

/** The rates table (a row per unit, and the total) and the targets table. */
export function ratesTable(report: RatesReport, lang: ReportLang): ReportTable {
  const count = (h: { vi: string; en: string }) => ({ heading: say(h, lang), kind: 'count' as const });
  const pct = (h: { vi: string; en: string }) => ({ heading: say(h, lang), kind: 'percent' as const });
  const values = (l: RatesLine) => [
    l.households,
    l.population,
    l.poor.closing,
    roundPercent(l.poor.rate),
    roundPercent(l.poor.previousRate),
    roundPercent(l.poor.change),
    l.nearPoor.closing,
    roundPercent(l.nearPoor.rate),
    roundPercent(l.nearPoor.previousRate),
    roundPercent(l.nearPoor.change),
    l.unableToEscape,
    roundPercent(l.rateExcludingUnable),
  ];
  const lines = [
    ...report.rows.map((r) => ({ code: r.unitCode, name: rowName(r, lang), line: r as RatesLine })),
    { code: '', name: say(TEXTS.total, lang), line: report.total },
  ];
  const targetRows = lines.flatMap(({ code, name, line }) =>
    line.targets.map((t) => [
      code,
      name,
      say(LISTS[t.list], lang),
      say(TARGET_KINDS[t.kind as keyof typeof TARGET_KINDS] ?? { vi: t.kind, en: t.kind }, lang),
      t.value,
      roundPercent(t.achieved),
      say(t.met === null ? MET.unknown : t.met ? MET.yes : MET.no, lang),
    ]),
  );
  const withheld = lines.some((l) => l.line.unableToEscape === null && l.line.poor.closing > 0);
  const noDenominator = lines.some((l) => l.line.households === null);
  return {
    sheet: lang === 'vi' ? 'Tỷ lệ' : 'Rates',
    ...frame(report, lang, { withheld, notes: noDenominator ? [say(TEXTS.noDenominator, lang)] : [] }),
    sections: [
      {
        columns: [
          { heading: say(HEADINGS.unitCode, lang), kind: 'text' },
          { heading: say(HEADINGS.unitName, lang), kind: 'text' },
          count(HEADINGS.households),
          count(HEADINGS.population),
          count(HEADINGS.poorClosing),
          pct(HEADINGS.poorRate),
          pct(HEADINGS.poorPreviousRate),
          pct(HEADINGS.poorChange),
          count(HEADINGS.nearPoorClosing),
          pct(HEADINGS.nearPoorRate),
          pct(HEADINGS.nearPoorPreviousRate),
          pct(HEADINGS.nearPoorChange),
          count(HEADINGS.unable),
          pct(HEADINGS.rateExcludingUnable),
        ],
        rows: lines.map(({ code, name, line }) => [code, name, ...values(line)]),
      },
      ...(targetRows.length > 0
        ? [
            {
              heading: say(HEADINGS.targetKind, lang),
              columns: [
                { heading: say(HEADINGS.unitCode, lang), kind: 'text' as const },
                { heading: say(HEADINGS.unitName, lang), kind: 'text' as const },
                { heading: say(HEADINGS.list, lang), kind: 'text' as const },
                { heading: say(HEADINGS.targetKind, lang), kind: 'text' as const },
                pct(HEADINGS.targetValue),
                pct(HEADINGS.achieved),
                { heading: say(HEADINGS.met, lang), kind: 'text' as const },
              ],
              rows: targetRows,
            },
          ]
        : []),
    ],
  };
}
