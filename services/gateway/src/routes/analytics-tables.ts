import { protectedFlows, protectedTransitions, publicationDate, unitYearFlows } from '@benvung/analytics';
import { UnitCode } from '@benvung/domain';
import { listUnitYearStats } from '@benvung/projections';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { analysisUnits } from '../application/analytics/analysis-units.js';
import { allEpisodes } from '../application/analytics/episode-query.js';
import { yearEndStatusesByUnit } from '../application/analytics/transition-query.js';
import { reportingReadModels } from '../application/read-replica.js';
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
          toYear: Year.optional().describe(
            'Last list year; the last year ended when omitted (a year is published once its lists have closed, on 31 December)',
          ),
        }),
        response: {
          200: z.object({
            byYear: z
              .array(z.unknown())
              .describe(
                'One matrix per pair of consecutive years: cells of fewer than 5 households withheld, with a second cell in each row and column that withholds one (withheld: small or complementary); totals are sums of the published cells',
              ),
            pooled: z.unknown().describe('All pairs of years together: the sums of the published cells of each year'),
            gaps: z.number().nullable().describe('Households missing a year’s standing, left out; null when 1 to 4'),
            leftOut: z.boolean().describe('Some households are left out: in withheld cells of their unit'),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { unitCode, fromYear } = request.query;
      const asOf = publicationDate(today());
      const unitCodes = analysisUnits(app.geography, request.units, unitCode, asOf);
      // A year's standing is published once the year has ended (a fixed calendar): the current
      // year's "year end" would change from one day to the next.
      const lastEnded = asOf.endsWith('-12-31') ? Number(asOf.slice(0, 4)) : Number(asOf.slice(0, 4)) - 1;
      const toYear = Math.min(request.query.toYear ?? lastEnded, lastEnded);
      const statuses = await yearEndStatusesByUnit(reportingReadModels(app), {
        ...(unitCodes ? { unitCodes } : {}),
        ...(fromYear ? { fromYear } : {}),
        toYear,
      });
      const matrices = protectedTransitions(statuses);
      return { byYear: [...matrices.byYear], pooled: matrices.pooled, gaps: matrices.gaps, leftOut: matrices.leftOut };
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
          asOf: z.iso
            .date()
            .optional()
            .describe('The date looked from; today when omitted. Rounded down to the last month end'),
          fromYear: Year.optional().describe('First year (2022 when omitted)'),
          toYear: Year.optional().describe('Last year; the year of asOf when omitted'),
        }),
        response: {
          200: z.object({
            unitCode: z.string().describe('The unit'),
            asOf: z.string().describe('The date looked from: the last month end on or before the date asked'),
            leftOut: z.boolean().describe('Counts of 1 to 4 of some recorded unit are left out of the sums'),
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
      const asOf = publicationDate(request.query.asOf ?? today());
      const code = request.params.code;
      const unitCodes = analysisUnits(app.geography, request.units, code, asOf) ?? [code];
      const filter = { definition: 'poor' as const, asOf, unitCodes };
      const episodes = [];
      for await (const rows of allEpisodes(reportingReadModels(app), filter, 10_000)) {
        for (const r of rows) {
          episodes.push({
            household: r.household_id,
            // The recorded unit: flows are protected per unit, then summed.
            unitCode: r.unit_code,
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
      const stats = await listUnitYearStats(reportingReadModels(app), { unitCodes, fromYear: first, toYear: last });
      const counts = stats.map((r) => ({
        unitCode: r.unit_code,
        year: r.year,
        escaped: r.escaped,
        relapsed: r.relapsed,
        newlyPoor: r.newly_poor,
      }));
      const { flows, leftOut } = protectedFlows(code, years, unitYearFlows({ episodes, counts }, { years }));
      return { unitCode: code, asOf, leftOut, flows: flows.map((f) => ({ ...f })) };
    },
  );
};
