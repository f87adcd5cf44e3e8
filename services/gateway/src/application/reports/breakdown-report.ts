import { listBalances } from '@benvung/projections';
import type { FastifyInstance } from 'fastify';
import { reportingReadModels } from '../read-replica.js';
import {
  byRowAndGroup,
  fieldsOf,
  type ListFigures,
  type ListName,
  listFigures,
  sumFigures,
} from './balance-figures.js';
import { BREAKDOWN_BY, fill, GROUPS, HEADINGS, LISTS, type ReportLang, say, TEXTS, TITLES } from './labels.js';
import { type ReportContext, type ReportHeader, reportHeader } from './report-context.js';
import { type ReportTable, roundPercent } from './report-table.js';
import { groupsToWithhold } from './suppression.js';
import { frame, rowName } from './table-frame.js';

export type BreakdownBy = keyof typeof BREAKDOWN_BY;

/** The groups of each breakdown, in the order the tables show them. */
export const BREAKDOWN_GROUPS: Record<BreakdownBy, readonly string[]> = {
  area: ['rural', 'urban'],
  ethnic_minority: ['minority', 'kinh', 'unknown'],
  unable_to_escape: ['unable', 'other'],
};

/** One group of one unit: its balance of each list (null: withheld) and its share of the list. */
export interface BreakdownLine {
  group: string;
  groupName: string;
  poor: ListFigures | null;
  nearPoor: ListFigures | null;
  /** The group's share of the unit's list at the year's end (%); null when withheld or the list is empty. */
  poorShare: number | null;
  nearPoorShare: number | null;
  suppressed: boolean;
}

export interface BreakdownReport extends ReportHeader {
  by: BreakdownBy;
  rows: Array<BreakdownLine & { unitCode: string; unitName: string; remainder: boolean }>;
  total: BreakdownLine[];
}

type Groups = Map<string, Record<ListName, ListFigures>>;

/** A unit's groups with what analysts and auditors may not see withheld. */
function lines(groups: Groups, by: BreakdownBy, suppress: boolean, lang: ReportLang): BreakdownLine[] {
  const hide: Record<ListName, Set<string>> = { poor: new Set(), near_poor: new Set() };
  if (suppress) {
    for (const list of ['poor', 'near_poor'] as const) {
      hide[list] = groupsToWithhold([...groups].map(([group, g]) => ({ group, figures: g[list] })));
    }
  }
  const closing = (list: ListName) => [...groups.values()].reduce((n, g) => n + (g[list].closing ?? 0), 0);
  const share = (list: ListName, g: Record<ListName, ListFigures>, group: string) => {
    const all = closing(list);
    return hide[list].has(group) || all === 0 ? null : ((g[list].closing ?? 0) / all) * 100;
  };
  return BREAKDOWN_GROUPS[by].map((group) => {
    const g = groups.get(group) as Record<ListName, ListFigures>;
    return {
      group,
      groupName: say(GROUPS[group] ?? { vi: group, en: group }, lang),
      poor: hide.poor.has(group) ? null : g.poor,
      nearPoor: hide.near_poor.has(group) ? null : g.near_poor,
      poorShare: share('poor', g, group),
      nearPoorShare: share('near_poor', g, group),
      suppressed: hide.poor.has(group) || hide.near_poor.has(group),
    };
  });
}

/**
 * The balance of each list per unit and group: by area (where the household joined the list), by the
 * head's ethnicity (as recorded now), or with the households unable to escape apart (a flag set or
 * cleared while on the list moves a household between groups: `regroupedIn`/`regroupedOut`). Each
 * group's balance reconciles. For analysts and auditors, groups resting on fewer than 5 households are
 * withheld (see groupsToWithhold); the units' totals are in the balance report, never withheld.
 */
export async function breakdownReport(
  app: FastifyInstance,
  ctx: ReportContext,
  by: BreakdownBy,
): Promise<BreakdownReport> {
  const { scope, dates, lang } = ctx;
  const regrouped = by === 'unable_to_escape';
  const found = byRowAndGroup(
    await listBalances(reportingReadModels(app), { rollup: scope.rollup, year: dates.year, by }),
    regrouped,
  );
  const groupsOf = (key: string): Groups =>
    new Map(
      BREAKDOWN_GROUPS[by].map((group) => {
        const b = found.get(key)?.get(group);
        return [
          group,
          {
            poor: b?.poor ?? listFigures('poor', undefined, regrouped),
            near_poor: b?.near_poor ?? listFigures('near_poor', undefined, regrouped),
          },
        ];
      }),
    );
  const rows = scope.rows
    .filter((u) => !u.remainder || found.has(u.key))
    .flatMap((u) =>
      lines(groupsOf(u.key), by, ctx.suppress, lang).map((l) => ({
        unitCode: u.code,
        unitName: u.name,
        remainder: u.remainder,
        ...l,
      })),
    );
  const totals: Groups = new Map(
    BREAKDOWN_GROUPS[by].map((group) => {
      const parts = scope.rows.map((u) => groupsOf(u.key).get(group) as Record<ListName, ListFigures>);
      return [
        group,
        { poor: sumFigures(parts.map((p) => p.poor)), near_poor: sumFigures(parts.map((p) => p.near_poor)) },
      ];
    }),
  );
  const title = fill(say(TITLES.breakdown, lang), { year: dates.year, by: say(BREAKDOWN_BY[by], lang) });
  const header = await reportHeader(app, ctx, title);
  return { ...header, by, rows, total: lines(totals, by, ctx.suppress, lang) };
}

/** One table per list: a row per unit and group, then the total per group. */
export function breakdownTable(report: BreakdownReport, lang: ReportLang): ReportTable {
  const regrouped = report.by === 'unable_to_escape';
  const sections = (['poor', 'near_poor'] as const).map((list, i) => {
    const fields = fieldsOf(list, regrouped);
    const pick = (l: BreakdownLine) => (list === 'poor' ? l.poor : l.nearPoor);
    const shareOf = (l: BreakdownLine) => roundPercent(list === 'poor' ? l.poorShare : l.nearPoorShare);
    const values = (l: BreakdownLine) => [...fields.map((f) => pick(l)?.[f.key] ?? null), shareOf(l)];
    return {
      heading: `${i === 0 ? 'I' : 'II'}. ${say(LISTS[list], lang)}`,
      columns: [
        { heading: say(HEADINGS.unitCode, lang), kind: 'text' as const },
        { heading: say(HEADINGS.unitName, lang), kind: 'text' as const },
        { heading: say(HEADINGS.group, lang), kind: 'text' as const },
        ...fields.map((f) => ({ heading: say(f.heading, lang), kind: 'count' as const })),
        { heading: say(HEADINGS.share, lang), kind: 'percent' as const },
      ],
      rows: [
        ...report.rows.map((r) => [r.unitCode, rowName(r, lang), r.groupName, ...values(r)]),
        ...report.total.map((l) => ['', say(TEXTS.total, lang), l.groupName, ...values(l)]),
      ],
    };
  });
  const withheld = [...report.rows, ...report.total].some((l) => l.suppressed);
  const notes = report.by === 'ethnic_minority' ? [say(TEXTS.ethnicityNow, lang)] : [];
  return { sheet: lang === 'vi' ? 'Phân tổ' : 'Breakdown', ...frame(report, lang, { withheld, notes }), sections };
}
