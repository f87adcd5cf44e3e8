import { listBalances } from '@benvung/projections';
import type { FastifyInstance } from 'fastify';
import { reportingReadModels } from '../read-replica.js';
import { BALANCE_FIELDS } from './balance-fields.js';
import { byRowAndGroup, type ListFigures, listFigures, reconciles, sumFigures } from './balance-figures.js';
import { fill, HEADINGS, LISTS, say, TEXTS, TITLES } from './labels.js';
import { type ReportContext, type ReportHeader, reportHeader } from './report-context.js';
import type { ReportTable } from './report-table.js';
import { frame, rowName } from './table-frame.js';

/** Both lists of a unit (or of the total) with whether they reconcile. */
export interface BalanceLine {
  poor: ListFigures;
  nearPoor: ListFigures;
  /** start − leavers + joiners = end, for both lists. */
  reconciles: boolean;
}

export interface BalanceReport extends ReportHeader {
  rows: Array<BalanceLine & { unitCode: string; unitName: string; remainder: boolean }>;
  total: BalanceLine;
}

const line = (poor: ListFigures, nearPoor: ListFigures): BalanceLine => ({
  poor,
  nearPoor,
  reconciles: reconciles('poor', poor) && reconciles('near_poor', nearPoor),
});

/**
 * The year's balance of the poor and near-poor lists per unit at the report's level, and the total:
 * a unit's own totals (its public lists), never withheld. Rows are every unit of the level (those
 * without a household on any list show zeros), plus a remainder row where split communes leave
 * households no single commune holds.
 */
export async function balanceReport(app: FastifyInstance, ctx: ReportContext): Promise<BalanceReport> {
  const { scope, dates, lang } = ctx;
  const found = byRowAndGroup(
    await listBalances(reportingReadModels(app), { rollup: scope.rollup, year: dates.year, by: 'none' }),
    false,
  );
  const rows = scope.rows
    .map((u) => {
      const b = found.get(u.key)?.get('');
      return {
        unitCode: u.code,
        unitName: u.name,
        remainder: u.remainder,
        ...line(
          b?.poor ?? listFigures('poor', undefined, false),
          b?.near_poor ?? listFigures('near_poor', undefined, false),
        ),
      };
    })
    // A remainder row is there for the households it holds.
    .filter(
      (r) =>
        !r.remainder || Object.values(r.poor).some((v) => v !== 0) || Object.values(r.nearPoor).some((v) => v !== 0),
    );
  const total = line(sumFigures(rows.map((r) => r.poor)), sumFigures(rows.map((r) => r.nearPoor)));
  const header = await reportHeader(app, ctx, fill(say(TITLES.balance, lang), { year: dates.year }));
  return { ...header, rows, total };
}

/** The balance as the form's two tables (I. poor, II. near-poor), a row per unit and the total. */
export function balanceTable(report: BalanceReport, lang: 'vi' | 'en'): ReportTable {
  const sections = (['poor', 'near_poor'] as const).map((list, i) => {
    const fields = BALANCE_FIELDS[list];
    const pick = (l: BalanceLine) => (list === 'poor' ? l.poor : l.nearPoor);
    return {
      heading: `${i === 0 ? 'I' : 'II'}. ${say(LISTS[list], lang)}`,
      columns: [
        { heading: say(HEADINGS.unitCode, lang), kind: 'text' as const },
        { heading: say(HEADINGS.unitName, lang), kind: 'text' as const },
        ...fields.map((f) => ({ heading: say(f.heading, lang), kind: 'count' as const })),
      ],
      rows: [
        ...report.rows.map((r) => [r.unitCode, rowName(r, lang), ...fields.map((f) => pick(r)[f.key] ?? null)]),
        ['', say(TEXTS.total, lang), ...fields.map((f) => pick(report.total)[f.key] ?? null)],
      ],
    };
  });
  return { sheet: lang === 'vi' ? 'Diễn biến' : 'Balance', ...frame(report, lang, { withheld: false }), sections };
}
