import { type PovertyStandard, standardById } from '@benvung/domain';
import { type DeprivationCount, type IndicatorDimension, listDeprivations } from '@benvung/projections';
import type { FastifyInstance } from 'fastify';
import { reportingReadModels } from '../read-replica.js';
import { DIMENSIONS, fill, HEADINGS, LISTS, type ReportLang, say, TEXTS, TITLES } from './labels.js';
import { type ReportContext, type ReportHeader, reportHeader } from './report-context.js';
import { type ReportTable, roundPercent } from './report-table.js';
import { withholdSubset } from './suppression.js';
import { frame, rowName } from './table-frame.js';

interface Share {
  households: number | null;
  /** households ÷ measured × 100. */
  share: number | null;
  suppressed: boolean;
}

/** One list of one unit under one standard. */
export interface DeprivationLine {
  list: 'poor' | 'near_poor';
  /** The standard the households' latest reviews applied (null: none in force was found). */
  standardId: string | null;
  /** Households on the list at the year's end. */
  households: number;
  /** Of them, households whose review measured deprivations (a baseline may state a list alone). */
  measured: number;
  indicators: Array<Share & { code: string; name: string; dimension: string }>;
  dimensions: Array<Share & { dimension: string; name: string }>;
}

export interface DeprivationReport extends ReportHeader {
  rows: Array<DeprivationLine & { unitCode: string; unitName: string; remainder: boolean }>;
  total: DeprivationLine[];
}

/**
 * For the households on the poor and near-poor lists at the year's end, per unit: the share deprived
 * on each indicator and in each dimension, from each household's latest review in force then, under
 * the standard it applied (codes and names from the rules). For analysts and auditors, a count (or
 * the rest of the list beside it) under 5 households is withheld with its share.
 */
export async function deprivationReport(app: FastifyInstance, ctx: ReportContext): Promise<DeprivationReport> {
  const { scope, dates, lang } = ctx;
  const rules = (await app.deps.rules.current()).on(dates.asOf);
  const standards = new Map<string, PovertyStandard>(rules.standards.map((s) => [s.id, s]));
  const standardOf = (id: string | null) => (id ? (standards.get(id) ?? standardById(id)) : undefined);
  const indicators: IndicatorDimension[] = [...standards.values()].flatMap((s) =>
    s.indicators.map((i) => ({ standardId: s.id, code: i.code, dimension: i.dimension })),
  );
  const counts = await listDeprivations(reportingReadModels(app), {
    rollup: scope.rollup,
    date: `${dates.year}-12-31`,
    indicators,
  });

  const share = (households: number, measured: number): Share => {
    const suppressed = ctx.suppress && withholdSubset(households, measured);
    return {
      households: suppressed ? null : households,
      share: suppressed || measured === 0 ? null : (households / measured) * 100,
      suppressed,
    };
  };
  const linesOf = (found: readonly DeprivationCount[]): DeprivationLine[] => {
    const totals = found.filter((c) => c.kind === 'total');
    return totals.map((t) => {
      const standard = standardOf(t.standardId);
      const of = (kind: 'indicator' | 'dimension', key: string) =>
        found.find((c) => c.kind === kind && c.list === t.list && c.standardId === t.standardId && c.key === key)
          ?.households ?? 0;
      const codes = [
        ...(standard?.indicators.map((i) => i.code) ?? []),
        ...found
          .filter((c) => c.kind === 'indicator' && c.list === t.list && c.standardId === t.standardId)
          .map((c) => c.key),
      ].filter((c, i, all) => all.indexOf(c) === i);
      const dims = [...new Set((standard?.indicators ?? []).map((i) => i.dimension))];
      return {
        list: t.list,
        standardId: t.standardId,
        households: t.households,
        measured: t.measured,
        indicators: codes.map((code) => {
          const indicator = standard?.indicators.find((i) => i.code === code);
          return {
            code,
            name: indicator?.names[lang] ?? code,
            dimension: indicator?.dimension ?? '',
            ...share(of('indicator', code), t.measured),
          };
        }),
        dimensions: dims.map((d) => ({
          dimension: d,
          name: say(DIMENSIONS[d] ?? { vi: d, en: d }, lang),
          ...share(of('dimension', d), t.measured),
        })),
      };
    });
  };
  const rows = scope.rows.flatMap((u) =>
    linesOf(counts.filter((c) => c.row === u.key)).map((l) => ({
      unitCode: u.code,
      unitName: u.name,
      remainder: u.remainder,
      ...l,
    })),
  );
  // The total: the same counts summed over the rows (households are on one row only).
  const summed = new Map<string, DeprivationCount>();
  for (const c of counts) {
    const key = `${c.list}|${c.standardId}|${c.kind}|${c.key}`;
    const acc = summed.get(key) ?? { ...c, row: '', households: 0, measured: 0 };
    acc.households += c.households;
    acc.measured += c.measured;
    summed.set(key, acc);
  }
  const header = await reportHeader(app, ctx, fill(say(TITLES.deprivations, lang), { year: dates.year }));
  return { ...header, rows, total: linesOf([...summed.values()]) };
}

/** One long table per list: per unit and standard, its households, then each dimension and indicator. */
export function deprivationTable(report: DeprivationReport, lang: ReportLang): ReportTable {
  const lines = [
    ...report.rows.map((r) => ({ code: r.unitCode, name: rowName(r, lang), line: r as DeprivationLine })),
    ...report.total.map((line) => ({ code: '', name: say(TEXTS.total, lang), line })),
  ];
  const sections = (['poor', 'near_poor'] as const).map((list, i) => ({
    heading: `${i === 0 ? 'I' : 'II'}. ${say(LISTS[list], lang)}`,
    columns: [
      { heading: say(HEADINGS.unitCode, lang), kind: 'text' as const },
      { heading: say(HEADINGS.unitName, lang), kind: 'text' as const },
      { heading: say(HEADINGS.standard, lang), kind: 'text' as const },
      { heading: say(HEADINGS.dimension, lang), kind: 'text' as const },
      { heading: say(HEADINGS.indicator, lang), kind: 'text' as const },
      { heading: say(LISTS[list], lang), kind: 'count' as const },
      { heading: say(HEADINGS.measured, lang), kind: 'count' as const },
      { heading: say(HEADINGS.deprived, lang), kind: 'count' as const },
      { heading: say(HEADINGS.deprivedShare, lang), kind: 'percent' as const },
    ],
    rows: lines
      .filter((l) => l.line.list === list)
      .flatMap(({ code, name, line }) => [
        ...line.dimensions.map((d) => [
          code,
          name,
          line.standardId ?? '',
          d.name,
          '',
          line.households,
          line.measured,
          d.households,
          roundPercent(d.share),
        ]),
        ...line.indicators.map((ind) => [
          code,
          name,
          line.standardId ?? '',
          say(DIMENSIONS[ind.dimension] ?? { vi: ind.dimension, en: ind.dimension }, lang),
          ind.name,
          line.households,
          line.measured,
          ind.households,
          roundPercent(ind.share),
        ]),
      ]),
  }));
  const withheld = lines.some((l) => [...l.line.indicators, ...l.line.dimensions].some((s) => s.suppressed));
  return { sheet: lang === 'vi' ? 'Thiếu hụt' : 'Deprivations', ...frame(report, lang, { withheld }), sections };
}
