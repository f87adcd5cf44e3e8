import { domainError, IsoDate, RecordUnitFigures, SetUnitTargets, UnitCode, UnitFiguresBody } from '@benvung/domain';
import { figuresAsOf, figuresHistory, targetsAsOf } from '@benvung/projections';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { waitForProjection } from '../application/read-your-writes.js';
import { endOfDay } from '../application/reports/report-dates.js';
import { today } from '../application/today.js';
import { parseFiguresCsv } from '../application/unit-figures/figures-csv.js';
import { executeFiguresCommands } from '../application/unit-figures/figures-store.js';
import { inScope, unitOutOfScope } from '../application/unit-scope.js';
import { ReadYourWritesHeaders } from '../openapi/headers.js';
import { HttpProblem } from '../plugins/problem.js';
import { ProblemSchema } from './schemas.js';

const writers = ['supervisor', 'admin'] as const;
const readers = ['case_worker', 'supervisor', 'auditor', 'analyst', 'admin'] as const;
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const Params = z.object({
  code: UnitCode.describe('The unit (within the caller’s units)'),
  year: z.coerce.number().int().min(2000).max(2100).describe('The year'),
});

const Figures = z.object({
  households: z.number().int().describe('Total households of the unit in the year'),
  population: z.number().int().nullable().describe('Total population'),
  source: z.string().describe('Where the figures come from'),
  reason: z.string().nullable().describe('Why they were entered or changed'),
  recordedBy: z.string().describe('Who recorded them'),
  recordedAt: z.string().describe('When'),
});
const Target = z.object({
  list: z.string().describe('poor or near_poor'),
  kind: z.string().describe('rate_reduction_points, households_reduction or rate_below_percent'),
  value: z.number().nullable().describe('The target (null: withdrawn)'),
  note: z.string().nullable().describe('The plan or decision it comes from'),
  recordedBy: z.string().describe('Who set it'),
  recordedAt: z.string().describe('When'),
});
const Written = z.object({
  unitCode: z.string().describe('The unit'),
  year: z.number().int().describe('The year'),
  recorded: z.number().int().describe('Events recorded (0: it was already so)'),
  position: z
    .string()
    .nullable()
    .describe('Where they are in the log: send it as X-Wait-For-Position to read them back'),
});

const iso = (d: Date) => d.toISOString();
const figuresOut = (f: Awaited<ReturnType<typeof figuresAsOf>>[number]) => ({
  households: f.households,
  population: f.population,
  source: f.source,
  reason: f.reason,
  recordedBy: f.recordedBy,
  recordedAt: iso(f.recordedAt),
});

/**
 * The denominators of a unit's rates (its total households and population per year) and the targets
 * it sets itself, recorded as events in the unit's own stream: reports read them as they stood on
 * the date a report is asked as of, and the history says who changed what, when and why.
 */
export const unitFigureRoutes: FastifyPluginAsyncZod = async (app) => {
  /** A unit the caller may record for: known to the registry, within their units. */
  function writable(request: FastifyRequest, code: string): void {
    if (app.units.versions(code).length === 0)
      throw domainError('UNKNOWN_UNIT', `no unit has the code ${code}`, { unitCode: code });
    if (request.units.length > 0 && !inScope(request.units, code, app.geography.covers)) throw unitOutOfScope(code);
  }
  const context = (request: FastifyRequest) => ({
    actor: request.actor,
    correlationId: request.id,
    occurredAt: new Date(),
  });

  app.put(
    '/v1/units/:code/figures/:year',
    {
      config: { roles: writers },
      schema: {
        tags: ['units'],
        operationId: 'recordUnitFigures',
        summary: 'Record a unit’s total households and population for a year (the denominators of its rates)',
        params: Params,
        body: UnitFiguresBody,
        response: { 200: Written, ...errors, 422: ProblemSchema },
      },
    },
    async (request) => {
      const { code, year } = request.params;
      writable(request, code);
      const command = RecordUnitFigures.parse({ type: 'RecordUnitFigures', unitCode: code, year, ...request.body });
      const result = await executeFiguresCommands(app.deps.store, code, [command], context(request));
      return { unitCode: code, year, recorded: result.events.length, position: result.position ?? null };
    },
  );

  app.put(
    '/v1/units/:code/targets/:year',
    {
      config: { roles: writers },
      schema: {
        tags: ['units'],
        operationId: 'setUnitTargets',
        summary: 'Set the poverty-reduction targets a unit sets itself for a year (a null value withdraws one)',
        params: Params,
        body: z.strictObject({ targets: SetUnitTargets.shape.targets.describe('One target per list and kind') }),
        response: { 200: Written, ...errors, 422: ProblemSchema },
      },
    },
    async (request) => {
      const { code, year } = request.params;
      writable(request, code);
      const command = SetUnitTargets.parse({
        type: 'SetUnitTargets',
        unitCode: code,
        year,
        targets: request.body.targets,
      });
      const result = await executeFiguresCommands(app.deps.store, code, [command], context(request));
      return { unitCode: code, year, recorded: result.events.length, position: result.position ?? null };
    },
  );

  app.get(
    '/v1/units/:code/figures/:year',
    {
      config: { roles: readers },
      schema: {
        tags: ['units'],
        operationId: 'getUnitFigures',
        summary: 'A unit’s figures and targets for a year as recorded by a date, and every change made to them',
        params: Params,
        querystring: z.strictObject({
          asOf: IsoDate.optional().describe('As recorded by the end of this day; today when omitted'),
        }),
        headers: ReadYourWritesHeaders,
        response: {
          200: z.object({
            unitCode: z.string().describe('The unit'),
            year: z.number().int().describe('The year'),
            asOf: z.string().describe('The date the figures are as of'),
            figures: Figures.nullable().describe('The figures in force on asOf (null: none recorded)'),
            targets: z.array(Target).describe('The targets in force on asOf'),
            history: z
              .object({
                figures: z.array(Figures).describe('Every figure recorded, oldest first'),
                targets: z.array(Target).describe('Every target set or withdrawn, oldest first'),
              })
              .describe('Who changed what, when and why'),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { code, year } = request.params;
      if (request.units.length > 0 && !inScope(request.units, code, app.geography.covers)) throw unitOutOfScope(code);
      await waitForProjection(app, request, 'unit_figures');
      const asOf = request.query.asOf ?? today();
      const q = { unitCodes: [code], years: [year], recordedBefore: endOfDay(asOf) };
      const db = app.deps.readModels;
      const [figures, targets, history] = await Promise.all([
        figuresAsOf(db, q),
        targetsAsOf(db, q),
        figuresHistory(db, code, year),
      ]);
      const targetOut = (t: (typeof history.targets)[number]) => ({
        list: t.list,
        kind: t.kind,
        value: t.value,
        note: t.note,
        recordedBy: t.recordedBy,
        recordedAt: iso(t.recordedAt),
      });
      return {
        unitCode: code,
        year,
        asOf,
        figures: figures[0] ? figuresOut(figures[0]) : null,
        targets: targets.map(targetOut),
        history: { figures: history.figures.map(figuresOut), targets: history.targets.map(targetOut) },
      };
    },
  );

  app.post(
    '/v1/units/figures/imports',
    {
      config: { roles: writers },
      schema: {
        tags: ['units'],
        operationId: 'importUnitFigures',
        summary:
          'Import units’ total households and population from CSV (Mã đơn vị, Năm, Tổng số hộ, Tổng số nhân khẩu, Nguồn): the whole file is checked first, problems per line',
        querystring: z.strictObject({
          dryRun: z.enum(['true', 'false']).default('false').describe('true: check only, record nothing'),
        }),
        body: z.strictObject({
          csv: z.string().min(1).max(5_000_000).describe('The table as CSV, with a header line'),
          source: z
            .string()
            .trim()
            .min(1)
            .max(500)
            .optional()
            .describe('The source of lines without a Nguồn (source) cell'),
          reason: z.string().trim().min(1).max(500).optional().describe('Why the figures are imported'),
        }),
        response: {
          200: z
            .object({
              dryRun: z.boolean().describe('Only checked'),
              lines: z.number().int().describe('Lines of figures in the file'),
              recorded: z.number().int().describe('Figures recorded (unchanged ones are not recorded again)'),
              position: z.string().nullable().describe('Where the last one is in the log (X-Wait-For-Position)'),
            })
            .describe('Checked, and recorded unless a dry run'),
          ...errors,
          422: ProblemSchema,
        },
      },
    },
    async (request) => {
      const { csv, source, reason } = request.body;
      const parsed = parseFiguresCsv(csv, {
        registry: app.units,
        canWrite: (unitCode) => request.units.length === 0 || inScope(request.units, unitCode, app.geography.covers),
        ...(source ? { source } : {}),
        ...(reason ? { reason } : {}),
      });
      if (parsed.problems.length > 0) {
        throw new HttpProblem(
          422,
          'UNIT_FIGURES_INVALID',
          'The figures were refused',
          `${parsed.problems.length} problem(s): ${parsed.problems
            .slice(0, 5)
            .map((p) => `line ${p.line}${p.column ? ` (${p.column})` : ''}: ${p.en}`)
            .join('; ')}`,
          { problems: parsed.problems, count: parsed.problems.length },
        );
      }
      const dryRun = request.query.dryRun === 'true';
      let recorded = 0;
      let position: string | null = null;
      if (!dryRun) {
        const byUnit = new Map<string, RecordUnitFigures[]>();
        for (const c of parsed.commands) byUnit.set(c.unitCode, [...(byUnit.get(c.unitCode) ?? []), c]);
        for (const [unitCode, commands] of byUnit) {
          const result = await executeFiguresCommands(app.deps.store, unitCode, commands, context(request));
          recorded += result.events.length;
          position = result.position ?? position;
        }
      }
      return { dryRun, lines: parsed.commands.length, recorded, position };
    },
  );
};
