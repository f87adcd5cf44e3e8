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
  asOf: z.iso.date().optional(),
  unitCode: UnitCode.optional(),
  definition: z.enum(['poor', 'poor_or_near_poor']).default('poor'),
});
const SurvivalQuery = EpisodeQuery.extend({
  groupBy: z.enum(['none', 'supportKind', 'province', 'cohort', 'area', 'ethnicity', 'ethnicMinority']).default('none'),
  confType: z.enum(CONF_TYPES as ['log', 'log-log', 'plain']).default('log'),
}).strict();

const nullableNumber = z.number().nullable();
const Curve = z.object({
  key: z.string(),
  suppressed: z.boolean(),
  n: nullableNumber,
  events: nullableNumber,
  median: nullableNumber,
  medianLower: nullableNumber,
  medianUpper: nullableNumber,
  table: z
    .array(
      z.object({
        time: nullableNumber,
        nRisk: nullableNumber,
        nEvent: nullableNumber,
        survival: nullableNumber,
        stdErr: nullableNumber,
        lower: nullableNumber,
        upper: nullableNumber,
        suppressed: z.boolean(),
      }),
    )
    .nullable(),
});
const Survival = z.object({
  definition: z.string(),
  asOf: z.string(),
  confType: z.string(),
  groupBy: z.string(),
  groups: z.array(Curve),
  logRank: z
    .object({ chisq: z.number(), df: z.number(), p: nullableNumber, suppressedGroups: z.array(z.string()) })
    .nullable(),
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
          table: g.table
            ? g.table.map((r) => ({
                time: r.time,
                nRisk: r.nRisk,
                nEvent: r.nEvent,
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
        summary: 'The survival curves as an SVG picture',
        querystring: SurvivalQuery,
        response: { 200: z.string().describe('image/svg+xml'), ...errors },
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
        summary: 'Cumulative relapse 1 − S(k years), k = 1…5, by escape year',
        querystring: EpisodeQuery.strict(),
        response: {
          200: z.object({
            definition: z.string(),
            asOf: z.string(),
            cohorts: z.array(z.record(z.string(), z.unknown())),
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
        summary: 'One row per episode; households pseudonymised with a keyed hash, no names, ID numbers or ids',
        querystring: EpisodeQuery.strict(),
        response: { 200: z.unknown().describe('text/csv, streamed'), ...errors },
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
