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

/** Year-to-year transition matrices and a unit's official flow figures, suppressed below 5 households. */
export const analyticsTableRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/analytics/transitions',
    {
      config: { roles: analysts },
      schema: {
        tags: ['analytics'],
        summary:
          'Transition matrices between consecutive yearly standings (poor, near-poor, non-poor): counts and row proportions',
        querystring: z.strictObject({
          unitCode: UnitCode.optional(),
          fromYear: Year.optional(),
          toYear: Year.optional(),
        }),
        response: { 200: z.object({ byYear: z.array(z.unknown()), pooled: z.unknown(), gaps: z.number() }), ...errors },
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
        summary: 'A unit’s yearly flows: escaped, relapsed, relapsed ÷ escaped, and the annual relapse hazard',
        params: z.object({ code: UnitCode }),
        querystring: z.strictObject({
          asOf: z.iso.date().optional(),
          fromYear: Year.optional(),
          toYear: Year.optional(),
        }),
        response: {
          200: z.object({ unitCode: z.string(), asOf: z.string(), flows: z.array(z.record(z.string(), z.unknown())) }),
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
