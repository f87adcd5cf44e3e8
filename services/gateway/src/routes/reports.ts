import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportingReadModels } from '../application/read-replica.js';
import { waitForProjection } from '../application/read-your-writes.js';
import { balanceReport, balanceTable } from '../application/reports/balance-report.js';
import { breakdownReport, breakdownTable } from '../application/reports/breakdown-report.js';
import { deprivationReport, deprivationTable } from '../application/reports/deprivation-report.js';
import { ratesReport, ratesTable } from '../application/reports/rates-report.js';
import { reportContext } from '../application/reports/report-context.js';
import { roundsReport, roundsTable } from '../application/reports/rounds-report.js';
import { sendReport, XLSX_TYPE } from '../application/reports/send-report.js';
import { ReadYourWritesHeaders } from '../openapi/headers.js';
import {
  BalanceReport,
  BreakdownReport,
  DeprivationReport,
  RatesReport,
  ReportQuery,
  RoundsReport,
  RoundsReportQuery,
} from './report-schemas.js';
import { ProblemSchema } from './schemas.js';

/** Analysts and auditors for their scope; case workers and supervisors for their units. */
const readers = ['analyst', 'auditor', 'case_worker', 'supervisor'] as const;
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 422: ProblemSchema };
const PRODUCES = ['application/json', 'text/csv', XLSX_TYPE];
const BreakdownQuery = ReportQuery.extend({
  by: z
    .enum(['area', 'ethnic_minority', 'unable_to_escape'])
    .describe(
      'area: where the household joined the list; ethnic_minority: the head’s ethnicity as recorded now; unable_to_escape: households unable to escape apart',
    ),
});

/** The read models a report reads: a client that just wrote may ask to see its write (X-Wait-For-Position). */
async function caughtUp(app: Parameters<FastifyPluginAsyncZod>[0], request: FastifyRequest): Promise<void> {
  for (const projection of ['household_status', 'review_history', 'unit_figures', 'late_changes']) {
    await waitForProjection(app, request, projection, { db: reportingReadModels(app) });
  }
}

const fileName = (kind: string, q: z.infer<typeof ReportQuery>) => `${kind}-${q.unitCode ?? 'all'}-${q.year}`;

/**
 * The report tables provinces send up, as JSON, CSV or XLSX: the year's balance of the lists, rates
 * against the denominators and targets, breakdowns, and deprivations. Computed from the lists as
 * corrected, by effective date, with the denominators and targets recorded by asOf; what was recorded
 * since that changes the year is listed with the figures (correctedSince), so a reprint says why it
 * differs.
 */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/reports/balance',
    {
      config: { roles: readers },
      schema: {
        tags: ['reports'],
        operationId: 'getBalanceReport',
        summary:
          'The year’s balance of the poor and near-poor lists per unit: start − escaped + newly poor + relapsed ± moved or closed = end',
        querystring: ReportQuery,
        headers: ReadYourWritesHeaders,
        produces: PRODUCES,
        response: { 200: BalanceReport, ...errors },
      },
    },
    async (request, reply) => {
      await caughtUp(app, request);
      const q = request.query;
      const report = await balanceReport(app, reportContext(app, request, q));
      return sendReport(reply, q, report, fileName('balance', q), balanceTable);
    },
  );

  app.get(
    '/v1/reports/rates',
    {
      config: { roles: readers },
      schema: {
        tags: ['reports'],
        operationId: 'getRatesReport',
        summary:
          'Poverty and near-poverty rates against the units’ total households, change from the year before, progress against targets',
        querystring: ReportQuery,
        headers: ReadYourWritesHeaders,
        produces: PRODUCES,
        response: { 200: RatesReport, ...errors },
      },
    },
    async (request, reply) => {
      await caughtUp(app, request);
      const q = request.query;
      const report = await ratesReport(app, reportContext(app, request, q));
      return sendReport(reply, q, report, fileName('rates', q), ratesTable);
    },
  );

  app.get(
    '/v1/reports/breakdown',
    {
      config: { roles: readers },
      schema: {
        tags: ['reports'],
        operationId: 'getBreakdownReport',
        summary:
          'The balance of each list per unit by area, by the head’s ethnicity, or with the households unable to escape apart',
        querystring: BreakdownQuery,
        headers: ReadYourWritesHeaders,
        produces: PRODUCES,
        response: { 200: BreakdownReport, ...errors },
      },
    },
    async (request, reply) => {
      await caughtUp(app, request);
      const q = request.query;
      const report = await breakdownReport(app, reportContext(app, request, q), q.by);
      return sendReport(reply, q, report, fileName(`breakdown-${q.by}`, q), breakdownTable);
    },
  );

  app.get(
    '/v1/reports/deprivations',
    {
      config: { roles: readers },
      schema: {
        tags: ['reports'],
        operationId: 'getDeprivationReport',
        summary:
          'The share of poor and near-poor households deprived on each indicator and dimension at the year’s end, per unit',
        querystring: ReportQuery,
        headers: ReadYourWritesHeaders,
        produces: PRODUCES,
        response: { 200: DeprivationReport, ...errors },
      },
    },
    async (request, reply) => {
      await caughtUp(app, request);
      const q = request.query;
      const report = await deprivationReport(app, reportContext(app, request, q));
      return sendReport(reply, q, report, fileName('deprivations', q), deprivationTable);
    },
  );

  app.get(
    '/v1/reports/rounds',
    {
      // Who follows a campaign: the rounds' readers.
      config: { roles: ['case_worker', 'supervisor', 'auditor'] },
      schema: {
        tags: ['reports'],
        operationId: 'getRoundsReport',
        summary:
          'Where the review rounds of a list year stand: surveyed, agreed at village meetings, complaints open, decided',
        querystring: RoundsReportQuery,
        produces: PRODUCES,
        response: { 200: RoundsReport, ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const report = await roundsReport(app, request, q);
      return sendReport(reply, q, report, `rounds-${q.unitCode ?? 'all'}-${q.year}`, roundsTable);
    },
  );
};
