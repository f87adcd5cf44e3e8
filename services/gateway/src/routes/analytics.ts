import { anonymiseEpisodes, CONF_TYPES, protectedCohorts, publicationDate } from '@benvung/analytics';
import { UnitCode } from '@benvung/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { analysisUnits } from '../application/analytics/analysis-units.js';
import { allEpisodes, countHouseholdCells, type EpisodeFilter } from '../application/analytics/episode-query.js';
import { provinceLookup } from '../application/analytics/geography-lookup.js';
import { pseudonymise } from '../application/analytics/pseudonym.js';
import { relapseSurvival } from '../application/analytics/survival.js';
import { survivalSvg } from '../application/analytics/survival-svg.js';
import { reportingReadModels } from '../application/read-replica.js';
import { today } from '../application/today.js';
import { ProblemSchema } from './schemas.js';

const analysts = ['analyst'] as const;
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

const EpisodeQuery = z.object({
  asOf: z.iso
    .date()
    .optional()
    .describe(
      'The date the analysis looks from (episodes still running are censored); today when omitted. Rounded down to the last month end: figures are published as of month ends only',
    ),
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
const WITHHELD_REASONS = ['small', 'complementary', 'few_events'] as const;
const Withheld = z
  .enum(WITHHELD_REASONS)
  .nullable()
  .describe(
    'Why figures are withheld: small (fewer than 5 households), complementary (withheld so that another withheld figure cannot be worked out), few_events (1 to 4 households relapsed, or 1 to 4 did not: only n is shown); null when published',
  );
const LeftOut = z
  .boolean()
  .describe(
    'Households in units or groups of fewer than 5 (and the figures withheld beside them) are left out of every figure of this answer',
  );
const ExportQuery = EpisodeQuery.extend({
  project: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .default('default')
    .describe('The research project: pseudonyms are stable within a project and cannot be joined between projects'),
}).strict();
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
  suppressed: z.boolean().describe('Withheld in whole or in part (see withheld); withheld figures are null'),
  withheld: Withheld,
  n: nullableNumber.describe('Households followed (each from its first escape)'),
  events: nullableNumber.describe('Relapses observed'),
  median: nullableNumber.describe('Median time to relapse, in days (null when not reached)'),
  medianLower: nullableNumber.describe('Lower bound of the median’s 95% confidence interval'),
  medianUpper: nullableNumber.describe('Upper bound of the median’s 95% confidence interval'),
  maxTime: nullableNumber.describe('End of follow-up: the end (days) of the last band of the life table'),
  confLevel: nullableNumber.describe('Confidence level of the intervals (0.95)'),
  table: z
    .array(
      z.object({
        time: nullableNumber.describe(
          'End of the band (days since the escape): bands of 3 months, merged until each has 0 or at least 5 relapses and 0 or at least 5 censorings',
        ),
        nRisk: nullableNumber.describe('Households still out of poverty and followed at the start of the band'),
        nEvent: nullableNumber.describe('Households relapsing in the band'),
        nCensor: nullableNumber.describe('Households whose follow-up ended in the band without a relapse (censored)'),
        survival: nullableNumber.describe('Share still out of poverty at the end of the band, S(t)'),
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
  asOf: z.string().describe('The date looked from: the last month end on or before the date asked'),
  leftOut: LeftOut,
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

const EXPORT_COLUMNS = [
  'household',
  'unit',
  'area',
  'cohort',
  'support_kinds',
  'escape_from',
  'escape_to',
  'escape_period',
  'end_period',
  'relapsed',
  'time_months',
];

/**
 * Relapse analytics for analysts: aggregates only (groups of fewer than 5 households withheld and
 * marked), an SVG for reports, and an export with households pseudonymised by a keyed hash.
 */
export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const provinceOf = provinceLookup();

  /** The analyst's units (none: national), narrowed to unitCode; old codes roll up on asOf. */
  function episodeFilter(request: FastifyRequest, q: z.infer<typeof EpisodeQuery>): EpisodeFilter {
    const asOf = publicationDate(q.asOf ?? today());
    return { definition: q.definition, asOf, unitCodes: analysisUnits(app.geography, request.units, q.unitCode, asOf) };
  }

  async function survivalFor(request: FastifyRequest, q: z.infer<typeof SurvivalQuery>) {
    const filter = episodeFilter(request, q);
    const answer = await relapseSurvival(reportingReadModels(app), {
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
        leftOut: answer.leftOut,
        confType: q.confType,
        groupBy: q.groupBy,
        groups: answer.groups.map((g) => ({
          key: g.key,
          suppressed: g.suppressed,
          withheld: g.withheld,
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
            asOf: z.string().describe('The date looked from: the last month end on or before the date asked'),
            leftOut: LeftOut,
            cohorts: z
              .array(z.record(z.string(), z.unknown()))
              .describe(
                'Per escape year: households (each from its first escape), and the cumulative relapse after 1…5 years; withheld figures are null with the reason in withheld',
              ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const filter = episodeFilter(request, request.query);
      const cells = await countHouseholdCells(reportingReadModels(app), filter, 'cohort');
      const { cohorts, leftOut } = protectedCohorts(cells.map((c) => ({ ...c, cohort: Number(c.group) })));
      return { definition: filter.definition, asOf: filter.asOf, leftOut, cohorts: cohorts.map((c) => ({ ...c })) };
    },
  );

  app.get(
    '/v1/analytics/relapse/episodes.csv',
    {
      config: { roles: analysts },
      schema: {
        tags: ['analytics'],
        operationId: 'exportRelapseEpisodes',
        summary:
          'One row per escape episode for authorised research: households pseudonymised per project, units and groups of fewer than 5 households withheld, every row generalised so that each combination of unit, area, escape year, support, escape kind and periods is shared by at least 5 households',
        querystring: ExportQuery,
        produces: ['text/csv'],
        response: {
          200: z.unknown().meta({
            type: 'string',
            description: `CSV: ${EXPORT_COLUMNS.join(',')}; then a last line "# withheld: …" counting the units and groups withheld (each of fewer than 5 households) and naming the generalisation (month, quarter, year, province or coarse; periods are YYYY-MM, YYYY-Qn or YYYY; time_months is rounded down to the period)`,
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const filter = episodeFilter(request, request.query);
      const episodes = [];
      for await (const rows of allEpisodes(reportingReadModels(app), filter, 5000)) {
        for (const r of rows) {
          episodes.push({
            household: r.household_id,
            unit: r.unit_code,
            province: provinceOf(r.unit_code, filter.asOf),
            area: r.area,
            cohort: r.cohort,
            supportKinds: r.support_kinds,
            escapeFrom: r.escape_from,
            escapeTo: r.escape_to,
            escapeDate: r.escape_date,
            endDate: r.end_date,
            relapsed: r.relapsed,
            timeDays: r.time_days,
          });
        }
      }
      // Generalisation is chosen over the whole export, so the rows are gathered before any is sent.
      const out = anonymiseEpisodes(episodes);
      const key = app.pseudonymKey;
      const project = request.query.project;
      const lines = [EXPORT_COLUMNS.join(',')];
      for (const { episode, row } of out.rows) {
        lines.push(
          [
            pseudonymise(key, project, episode.household),
            row.unit,
            row.area,
            row.cohort,
            row.supportKinds,
            row.escapeFrom,
            row.escapeTo,
            row.escapePeriod,
            row.endPeriod,
            row.relapsed ? 1 : 0,
            row.timeMonths,
          ].join(','),
        );
      }
      lines.push(
        `# withheld: units=${out.withheldUnits} groups=${out.withheldGroups} (each of fewer than 5 households); generalisation=${out.level}; as of ${filter.asOf}; project=${project}`,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="relapse-episodes-${project}-${filter.asOf}.csv"`)
        .header('x-withheld-units', String(out.withheldUnits))
        .header('x-withheld-groups', String(out.withheldGroups))
        .header('x-generalisation', out.level)
        .send(`${lines.join('\n')}\n`);
    },
  );
};

declare module 'fastify' {
  interface FastifyInstance {
    /** Key of the keyed hash that pseudonymises households in exports. */
    pseudonymKey: Uint8Array;
  }
}
