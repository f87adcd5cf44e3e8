import { MIN_CELL_SIZE } from '@benvung/analytics';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { reportingReadModels } from '../read-replica.js';
import { type CorrectionNotice, correctionsSince } from './corrections-notice.js';
import type { ReportLang } from './labels.js';
import { type ReportDates, reportDates } from './report-dates.js';
import { type ReportLevel, type ReportScope, reportScope } from './report-scope.js';

/** What every report query says. */
export interface ReportQuery {
  unitCode?: string | undefined;
  year: number;
  level?: ReportLevel | undefined;
  asOf?: string | undefined;
  unitsOn?: string | undefined;
  lang: ReportLang;
}

/** Everything a report is computed in. */
export interface ReportContext {
  dates: ReportDates;
  scope: ReportScope;
  lang: ReportLang;
  /** Breakdowns below a unit's totals are suppressed below MIN_CELL_SIZE households. */
  suppress: boolean;
}

/** The head of every report answer. */
export interface ReportHeader {
  title: string;
  year: number;
  asOf: string;
  unitsOn: string;
  level: ReportLevel;
  provisional: boolean;
  unit: { code: string; name: string } | null;
  units: Array<{ code: string; name: string }>;
  suppression: { applied: boolean; threshold: number };
  correctedSince: CorrectionNotice[];
  correctedSinceTotal: number;
}

/**
 * Roles that keep the lists themselves (case workers, supervisors) see every figure of their units;
 * analysts and auditors read breakdowns with groups of fewer than 5 households withheld, since those
 * could point at a household. A unit's own totals are its public lists and are never withheld.
 */
const SEES_HOUSEHOLDS = new Set(['case_worker', 'supervisor']);

export function reportContext(app: FastifyInstance, request: FastifyRequest, q: ReportQuery): ReportContext {
  const dates = reportDates(q);
  const scope = reportScope(app.units, app.geography, {
    callerUnits: request.units,
    unitCode: q.unitCode,
    level: q.level,
    unitsOn: dates.unitsOn,
  });
  return { dates, scope, lang: q.lang, suppress: !SEES_HOUSEHOLDS.has(request.actor.role) };
}

export async function reportHeader(app: FastifyInstance, ctx: ReportContext, title: string): Promise<ReportHeader> {
  const { dates, scope } = ctx;
  const units = scope.roots.map((u) => ({ code: u.code, name: u.name }));
  return {
    title,
    year: dates.year,
    asOf: dates.asOf,
    unitsOn: dates.unitsOn,
    level: scope.level,
    provisional: dates.provisional,
    unit: units.length === 1 ? (units[0] ?? null) : null,
    units,
    suppression: { applied: ctx.suppress, threshold: MIN_CELL_SIZE },
    ...(await correctionsSince(reportingReadModels(app), scope.codes, dates)),
  };
}
