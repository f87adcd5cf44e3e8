import { Readable } from 'node:stream';
import { CONF_TYPES, cumulativeRelapseByCohort, suppressCohorts } from '@benvung/analytics';
import { UnitCode } from '@benvung/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { analysisUnits } from '../application/analytics/analysis-units.js';
import { allEpisodes, countEpisodes, type EpisodeFilter } from '../application/analytics/episode-query.js';
import { provinceLookup } from '../application/analytics/geography-lookup.js';
import { pseudonymise } from '../application/analytics/pseudonym.js';
import { relapseSurvival } from '../application/analytics/survival.js';
import { survivalSvg } from '../application/analytics/survival-svg.js';
import { today } from '../application/today.js';
import { ProblemSchema } from './schemas.js';

const analysts = ['analyst'] as const;
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

const EpisodeQuery = z.object({
  asOf: z.iso
    .date()
    .optional()
    .describe('The date the analysis looks from (episodes still running are censored); today when omitted'),
  unitCode: UnitCode.optional().describe(
    'Only households of this unit (within the caller’s units; old codes roll up to the unit holding them on asOf)',
  ),
  definition: z
    .enum(['poor', 'poor_or_near_poor'])
    .default('poor')
    .describe(
      'What counts as poverty: poor only, or poor or near-poor (an escape and a relapse are measured against it)',
    ),
});
const SurvivalQuery = EpisodeQuery.extend({
  groupBy: z
    .enum(['none', 'supportKind', 'province', 'cohort', 'area', 'ethnicity', 'ethnicMinority'])
    .default('none')
    .describe(
      'One curve per group: support kind received, province, escape year, area, ethnic group, or minority or not',
    ),
  confType: z
    .enum(CONF_TYPES as ['log', 'log-log', 'plain'])
    .default('log')
    .describe('Transformation of the confidence intervals (as R survival’s conf.type)'),
}).strict();

const nullableNumber = z.number().nullable();
const Curve = z.object({
  key: z.string().describe('The group (all when not grouped)'),
  suppressed: z.boolean().describe('Withheld: fewer than 5 households; figures are null'),
  n: nullableNumber.describe('Escape episodes followed'),
  events: nullableNumber.describe('Relapses observed'),
  median: nullableNumber.describe('Median time to relapse, in days (null when not reached)'),
  medianLower: nullableNumber.describe('Lower bound of the median’s 95% confidence interval'),
  medianUpper: nullableNumber.describe('Upper bound of the median’s 95% confidence interval'),
  maxTime: nullableNumber.describe('End of follow-up: the last time (days) any episode of the group was seen'),
  confLevel: nullableNumber.describe('Confidence level of the intervals (0.95)'),
  table: z
    .array(
      z.object({
        time: nullableNumber.describe('Days since the escape'),
        nRisk: nullableNumber.describe('Households still out of poverty and followed just before'),
        nEvent: nullableNumber.describe('Relapses at this time'),
        nCensor: nullableNumber.describe('Episodes whose follow-up ended at this time without a relapse (censored)'),
        survival: nullableNumber.describe('Share still out of poverty, S(t)'),
        stdErr: nullableNumber.describe('Standard error of S(t)'),
        lower: nullableNumber.describe('Lower bound of the 95% confidence interval'),
        upper: nullableNumber.describe('Upper bound of the 95% confidence interval'),
        suppressed: z.boolean().describe('Withheld: a count below 5'),
      }),
    )
    .nullable()
    .describe('The curve’s steps; null when the group is withheld'),
});
const Survival = z.object({
  definition: z.string().describe('The definition of poverty used'),
  asOf: z.string().describe('The date looked from'),
  confType: z.string().describe('The confidence interval transformation'),
  groupBy: z.string().describe('The grouping'),
  groups: z.array(Curve).describe('One curve per group'),
  logRank: z
    .object({
      chisq: z.number().describe('Chi-squared statistic'),
      df: z.number().describe('Degrees of freedom'),
      p: nullableNumber.describe('p-value'),
      suppressedGroups: z.array(z.string()).describe('Groups left out of the test (withheld)'),
    })
    .nullable()
    .describe('Log-rank test that the groups’ curves differ; null when not grouped'),
});

/**
 * Relapse analytics for analysts: aggregates only (groups of fewer than 5 households withheld and
 * marked), an SVG for reports, and an export with households pseudonymised by a keyed hash.
 */
export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const provinceOf = provinceLookup();

  /** The analyst's units (none: national), narrowed to unitCode; old codes roll up on asOf. */
  function episodeFilter(request: FastifyRequest, q: z.infer<typeof EpisodeQuery>): EpisodeFilter {
    const asOf = q.asOf ?? today();
    return { definition: q.definition, asOf, unitCodes: analysisUnits(app.geography, request.units, q.unitCode, asOf) };
  }

  async function survivalFor(request: FastifyRequest, q: z.infer<typeof SurvivalQuery>) {
    const filter = episodeFilter(request, q);
    const answer = await relapseSurvival(app.deps.readModels, {
      filter,
      groupBy: q.groupBy,
      confType: q.confType,
      provinceOf,
    });
    return { filter, answer };
  }

  app.get(
    '/v1/analytics/relapse/survival',
    {
      config: { roles: analysts },
      schema: {
        tags: ['analytics'],
        operationId: 'getSurvivalCurve',
        summary: 'Kaplan–Meier survival out of poverty (time to relapse, in days) by group, with the log-rank test',
        querystring: SurvivalQuery,
        response: { 200: Survival, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      const { filter, answer } = await survivalFor(request, q);
      return {
        definition: q.definition,
        asOf: filter.asOf,
        confType: q.confType,
        groupBy: q.groupBy,
        groups: answer.groups.map((g) => ({
          key: g.key,
          suppressed: g.suppressed,
          n: g.n,
          events: g.events,
          median: g.median,
          medianLower: g.medianLower,
          medianUpper: g.medianUpper,
          maxTime: g.maxTime,
          confLevel: g.suppressed ? null : g.confLevel,
          table: g.table
            ? g.table.map((r) => ({
                time: r.time,
                nRisk: r.nRisk,
                nEvent: r.nEvent,
                nCensor: r.nCensor,
                survival: r.survival,
                stdErr: r.stdErr,
                lower: r.lower,
                upper: r.upper,
                suppressed: r.suppressed,
              }))
            : null,
        })),
        logRank: answer.logRank
          ? {
              chisq: answer.logRank.chisq,
              df: answer.logRank.df,
              p: answer.logRank.p,
              suppressedGroups: [...answer.logRank.suppressedGroups],
            }
          : null,
      };
    },
  );

  app.get(
    '/v1/analytics/relapse/survival.svg',
    {
      config: { roles: analysts },
      schema: {
        tags: ['analytics'],
        operationId: 'getSurvivalCurveSvg',
        summary: 'The survival curves as an SVG picture',
        querystring: SurvivalQuery,
        produces: ['image/svg+xml'],
        response: { 200: z.string().describe('The survival curves drawn as SVG, for reports'), ...errors },
      },
      // The picture is SVG text, sent as is; problems (4xx) stay JSON.
      serializerCompiler: ({ httpStatus }) =>
        httpStatus === '200' ? (data) => String(data) : (data) => JSON.stringify(data),
    },
    async (request, reply) => {
      const q = request.query;
      const { filter, answer } = await survivalFor(request, q);
      const title = `Relapse-free survival (${q.definition === 'poor' ? 'back to poor' : 'back to poor or near-poor'}) by ${q.groupBy}, as of ${filter.asOf}`;
      return reply.type('image/svg+xml; charset=utf-8').send(survivalSvg(answer, title));
    },
  );

  app.get(
    '/v1/analytics/cohorts',
    {
      config: { roles: analysts },
      schema: {
        tags: ['analytics'],
        operationId: 'getRelapseCohorts',
        summary: 'Cumulative relapse 1 − S(k years), k = 1…5, by escape year',
        querystring: EpisodeQuery.strict(),
        response: {
          200: z.object({
            definition: z.string(),
            asOf: z.string(),
            cohorts: z
              .array(z.record(z.string(), z.unknown()))
              .describe('Per escape year: households, and the cumulative relapse after 1…5 years (suppressed below 5)'),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const filter = episodeFilter(request, request.query);
      const counts = await countEpisodes(app.deps.readModels, filter, 'cohort');
      const episodes = counts.flatMap((c) =>
        Array.from({ length: c.count }, () => ({ cohort: Number(c.group), time: c.time, event: c.event })),
      );
      const cohorts = suppressCohorts(cumulativeRelapseByCohort(episodes));
      return { definition: filter.definition, asOf: filter.asOf, cohorts: cohorts.map((c) => ({ ...c })) };
    },
  );

  app.get(
    '/v1/analytics/relapse/episodes.csv',
    {
      config: { roles: analysts },
      schema: {
        tags: ['analytics'],
        operationId: 'exportRelapseEpisodes',
        summary: 'One row per episode; households pseudonymised with a keyed hash, no names, ID numbers or ids',
        querystring: EpisodeQuery.strict(),
        produces: ['text/csv'],
        response: {
          // Streamed: the handler sends a Readable, the document says text.
          200: z.unknown().meta({
            type: 'string',
            description:
              'CSV (streamed): household,escape_date,escape_from,escape_to,end_date,relapsed,time_days,support_kinds,area,province_then,province_now,cohort',
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const filter = episodeFilter(request, request.query);
      const db = app.deps.readModels;
      const key = app.pseudonymKey;
      async function* lines() {
        yield 'household,escape_date,escape_from,escape_to,end_date,relapsed,time_days,support_kinds,area,province_then,province_now,cohort\n';
        for await (const rows of allEpisodes(db, filter, 5000)) {
          yield rows
            .map((r) =>
              [
                pseudonymise(key, r.household_id),
                r.escape_date,
                r.escape_from,
                r.escape_to,
                r.end_date,
                r.relapsed ? 1 : 0,
                r.time_days,
                r.support_kinds,
                r.area,
                r.province_then,
                r.province_now,
                r.cohort,
              ].join(','),
            )
            .join('\n')
            .concat('\n');
        }
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="relapse-episodes-${filter.asOf}.csv"`)
        .send(Readable.from(lines()));
    },
  );
};

declare module 'fastify' {
  interface FastifyInstance {
    /** Key of the keyed hash that pseudonymises households in exports. */
    pseudonymKey: Uint8Array;
  }
}
