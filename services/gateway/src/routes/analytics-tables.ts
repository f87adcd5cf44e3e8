import { suppressFlows, suppressTransitionMatrix, transitionMatrices, unitYearFlows } from '@benvung/analytics';
import { UnitCode } from '@benvung/domain';
import { listUnitYearStats, yearEndStatuses } from '@benvung/projections';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { analysisUnits } from '../application/analytics/analysis-units.js';
import { allEpisodes } from '../application/analytics/episode-query.js';
import { today } from '../application/today.js';
import { ProblemSchema } from './schemas.js';

const analysts = ['analyst'] as const;
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const Year = z.coerce.number().int().min(2000).max(2100);
const Unit = UnitCode.describe('Only this unit (within the caller’s units); all of them when omitted');

/** Year-to-year transition matrices and a unit's official flow figures, suppressed below 5 households. */
export const analyticsTableRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/analytics/transitions',
    {
      config: { roles: analysts },
      schema: {
        tags: ['analytics'],
        operationId: 'getTransitionMatrices',
        summary:
          'Transition matrices between consecutive yearly standings (poor, near-poor, non-poor): counts and row proportions',
        querystring: z.strictObject({
          unitCode: Unit.optional(),
          fromYear: Year.optional().describe('First list year'),
          toYear: Year.optional().describe('Last list year; this year when omitted'),
        }),
        response: {
          200: z.object({
            byYear: z.array(z.unknown()).describe('One matrix per pair of consecutive years (cells below 5 withheld)'),
            pooled: z.unknown().describe('All pairs of years together'),
            gaps: z.number().describe('Households missing a year’s standing, left out'),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { unitCode, fromYear } = request.query;
      const asOf = today();
      const unitCodes = analysisUnits(app.geography, request.units, unitCode, asOf);
      // Year-end lists carry over: every year up to this one has a standing, reviewed or not.
      const toYear = request.query.toYear ?? Number(asOf.slice(0, 4));
      const statuses = await yearEndStatuses(app.deps.readModels, {
        ...(unitCodes ? { unitCodes } : {}),
        ...(fromYear ? { fromYear } : {}),
        toYear,
      });
      const matrices = transitionMatrices(statuses);
      return {
        byYear: matrices.byYear.map((m) => suppressTransitionMatrix(m)),
        pooled: suppressTransitionMatrix(matrices.pooled),
        gaps: matrices.gaps,
      };
    },
  );

  app.get(
    '/v1/analytics/units/:code',
    {
      config: { roles: analysts },
      schema: {
        tags: ['analytics'],
        operationId: 'getUnitFlows',
        summary: 'A unit’s yearly flows: escaped, relapsed, relapsed ÷ escaped, and the annual relapse hazard',
        params: z.object({ code: UnitCode.describe('The unit (within the caller’s units)') }),
        querystring: z.strictObject({
          asOf: z.iso.date().optional().describe('The date looked from; today when omitted'),
          fromYear: Year.optional().describe('First year (2022 when omitted)'),
          toYear: Year.optional().describe('Last year; the year of asOf when omitted'),
        }),
        response: {
          200: z.object({
            unitCode: z.string().describe('The unit'),
            asOf: z.string().describe('The date looked from'),
            flows: z
              .array(z.record(z.string(), z.unknown()))
              .describe(
                'Per year: escaped, relapsed, newly poor, relapsed ÷ escaped and the hazard (below 5 withheld)',
              ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? today();
      const code = request.params.code;
      const unitCodes = analysisUnits(app.geography, request.units, code, asOf) ?? [code];
      const filter = { definition: 'poor' as const, asOf, unitCodes };
      const episodes = [];
      for await (const rows of allEpisodes(app.deps.readModels, filter, 10_000)) {
        for (const r of rows) {
          episodes.push({
            household: r.household_id,
            unitCode: code,
            escapedOn: r.escape_date,
            endedOn: r.relapsed || r.end_date !== asOf ? r.end_date : null,
            relapsed: r.relapsed,
          });
        }
      }
      const years = [];
      const first = request.query.fromYear ?? 2022;
      const last = request.query.toYear ?? Number(asOf.slice(0, 4));
      for (let y = first; y <= last; y++) years.push(y);
      // The counts are unit_year_stats' (one definition of each flow); the episodes give who was at risk.
      const stats = await listUnitYearStats(app.deps.readModels, { unitCodes, fromYear: first, toYear: last });
      const counts = stats.map((r) => ({
        unitCode: code,
        year: r.year,
        escaped: r.escaped,
        relapsed: r.relapsed,
        newlyPoor: r.newly_poor,
      }));
      const flows = suppressFlows(unitYearFlows({ episodes, counts }, { years }));
      return { unitCode: code, asOf, flows: flows.map((f) => ({ ...f })) };
    },
  );
};
