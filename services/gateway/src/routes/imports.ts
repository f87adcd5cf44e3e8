import { randomUUID } from 'node:crypto';
import { DEFAULT_DECIDE_CONTEXT, UnitCode } from '@benvung/domain';
import { type ColumnMapping, type ImportProblem, importList, problemsCsv } from '@benvung/imports';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertUnitsNamable } from '../application/named-units.js';
import { inScope } from '../application/unit-scope.js';
import { HttpProblem } from '../plugins/problem.js';
import { ProblemSchema } from './schemas.js';

const importers = ['case_worker', 'supervisor', 'admin'] as const;
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 413: ProblemSchema };
/** Reads have no body (no 413); only one import can be missing (404). */
const readErrors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
/** A province's list of a year is tens of thousands of rows: a few megabytes. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Problems kept with an import (the report of a hopeless file is cut here, and says so). */
const MAX_KEPT_PROBLEMS = 100_000;

const ImportStatus = z.object({
  id: z.uuid().describe('The import id'),
  fileName: z.string().describe('The file’s name as uploaded'),
  unitScope: z.string().describe('The unit the list is for'),
  dryRun: z.boolean().describe('Checked only, nothing written'),
  status: z.enum(['running', 'done', 'failed']).describe('running, done, or failed (see error)'),
  rowsTotal: z.number().int().nullable().describe('Rows in the file, once known'),
  rowsDone: z.number().int().describe('Rows handled so far'),
  summary: z
    .object({
      rows: z.number().int().describe('Rows read'),
      valid: z.number().int().describe('Rows without problems'),
      imported: z.number().int().describe('Households written'),
      alreadyImported: z.number().int().describe('Rows already imported before (idempotent)'),
      rowsWithProblems: z.number().int().describe('Rows with at least one problem'),
      written: z.boolean().describe('Whether anything was written'),
      notWritten: z.string().optional().describe('Why nothing was written (dry run, too many problems)'),
    })
    .nullable()
    .describe('Counts, once done'),
  /** The first problems (all of them are in the report). */
  problems: z
    .array(
      z.object({
        row: z.number().int().describe('Row in the file (0: the header)'),
        column: z.string().describe('The column (field) at fault'),
        code: z.string().describe('Stable problem code, e.g. UNKNOWN_UNIT, NOT_A_NUMBER'),
        vi: z.string().describe('The problem in Vietnamese'),
        en: z.string().describe('The problem in English'),
      }),
    )
    .describe('The first 100 problems (all are in report.csv)'),
  error: z.string().nullable().describe('Why the import failed'),
  actorId: z.string().describe('Who started it'),
  createdAt: z.string().describe('When it started'),
  finishedAt: z.string().nullable().describe('When it ended'),
});

const Fields = z.object({
  unitScope: UnitCode.describe('The unit (province or commune) the list is for, within your units'),
  dryRun: z.enum(['true', 'false']).default('false').describe('true: check every row, write nothing'),
  importGoodRows: z
    .enum(['true', 'false'])
    .default('false')
    .describe('true: write the rows without problems even when others have some'),
  maxErrorRate: z.coerce
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('With importGoodRows: write nothing when a larger share of rows has problems (0–1)'),
  mapping: z
    .string()
    .max(10_000)
    .optional()
    .describe(
      'JSON naming the file’s columns when its headers are not the usual ones: {"columns": {"householdCode": "…"}}',
    ),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The upload as the document shows it; the handler reads the parts itself (no validation by Fastify). */
const ImportForm = Fields.extend({
  file: z.string().meta({ format: 'binary' }).describe('The list: an .xlsx workbook or a .csv file, at most 20 MB'),
});

/**
 * Imports of the lists provinces already keep (xlsx or csv, Vietnamese headers): upload, then follow
 * the import (rows checked, rows written), and download the problems by row and column.
 */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10 } });

  const load = async (id: string) => {
    const row = await app.deps.db.selectFrom('list_import').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new HttpProblem(404, 'IMPORT_NOT_FOUND', 'No such import', `no import ${id}`, { importId: id });
    return row;
  };

  app.post(
    '/v1/imports',
    {
      config: { roles: importers },
      schema: {
        tags: ['imports'],
        operationId: 'startListImport',
        formBody: { schema: ImportForm, files: { file: [XLSX, 'text/csv'] } },
        responseHeaders: { 202: ['Location'] },
        summary:
          'Import a list (multipart: file = .xlsx or .csv; unitScope; dryRun; importGoodRows; maxErrorRate; mapping = JSON). Every row is checked first; answers 202 with the import to follow.',
        consumes: ['multipart/form-data'],
        response: {
          202: z.object({
            id: z.uuid().describe('The import id'),
            location: z.string().describe('Where to follow the import (GET)'),
          }),
          ...errors,
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new HttpProblem(
          400,
          'MULTIPART_REQUIRED',
          'A file is needed',
          'send multipart/form-data with a file field',
        );
      }
      let file: { name: string; bytes: Uint8Array } | undefined;
      const fields: Record<string, string> = {};
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            const bytes = await part.toBuffer();
            if (part.file.truncated)
              throw new HttpProblem(413, 'FILE_TOO_LARGE', 'File too large', `at most ${MAX_FILE_BYTES} bytes`, {
                maxBytes: MAX_FILE_BYTES,
              });
            file = { name: part.filename, bytes };
          } else {
            fields[part.fieldname] = String(part.value);
          }
        }
      } catch (err) {
        // A body the multipart parser cannot read (no boundary, cut short) is the client's mistake.
        if (err instanceof HttpProblem || (err as { statusCode?: number }).statusCode !== undefined) throw err;
        throw new HttpProblem(400, 'MULTIPART_INVALID', 'Unreadable upload', (err as Error).message);
      }
      if (!file || !/\.(xlsx|csv)$/i.test(file.name)) {
        throw new HttpProblem(
          400,
          'FILE_REQUIRED',
          'A list file is needed',
          'the file field must hold an .xlsx or .csv file',
        );
      }
      const parsed = Fields.safeParse(fields);
      if (!parsed.success) {
        throw new HttpProblem(
          400,
          'VALIDATION_FAILED',
          'The request is not valid',
          parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        );
      }
      const f = parsed.data;
      assertUnitsNamable([f.unitScope], request.units, app.units, app.geography.covers);
      let mapping: ColumnMapping | undefined;
      try {
        mapping = f.mapping ? (JSON.parse(f.mapping) as ColumnMapping) : undefined;
      } catch {
        throw new HttpProblem(
          400,
          'INVALID_MAPPING',
          'Invalid mapping',
          'mapping must be JSON: {"columns": {"householdCode": "…"}}',
        );
      }
      const id = randomUUID();
      await app.deps.db
        .insertInto('list_import')
        .values({
          id,
          actor_id: request.actor.id,
          actor_role: request.actor.role,
          file_name: file.name,
          unit_scope: f.unitScope,
          dry_run: f.dryRun === 'true',
          status: 'running',
          rows_total: null,
        })
        .execute();
      const log = request.log.child({ importId: id });
      const rules = await app.deps.rules.current();
      const registry = app.units;
      let lastSaved = 0;
      // The import goes on after the answer; its progress and outcome are in list_import.
      void importList(
        {
          file,
          unitScope: f.unitScope,
          dryRun: f.dryRun === 'true',
          importGoodRows: f.importGoodRows === 'true',
          ...(f.maxErrorRate !== undefined ? { maxErrorRate: f.maxErrorRate } : {}),
          ...(mapping ? { mapping } : {}),
          onProgress: ({ done, total }) => {
            if (done - lastSaved < 500 && done !== total) return;
            lastSaved = done;
            void app.deps.db
              .updateTable('list_import')
              .set({ rows_total: total, rows_done: done })
              .where('id', '=', id)
              .execute()
              .catch((err: unknown) => log.warn({ err }, 'import progress not saved'));
          },
        },
        { registry, rules },
        {
          store: app.deps.store,
          context: { ...DEFAULT_DECIDE_CONTEXT, units: registry, rules },
          actor: request.actor,
          correlationId: id,
        },
      )
        .then(async (summary) => {
          const { problems, ...counts } = summary;
          await app.deps.db
            .updateTable('list_import')
            .set({
              status: 'done',
              rows_total: summary.rows,
              rows_done: summary.rows,
              summary: JSON.stringify(counts),
              problems: JSON.stringify(problems.slice(0, MAX_KEPT_PROBLEMS)),
              finished_at: new Date(),
            })
            .where('id', '=', id)
            .execute();
          log.info({ ...counts }, 'list import finished');
        })
        .catch(async (err: unknown) => {
          log.error({ err }, 'list import failed');
          await app.deps.db
            .updateTable('list_import')
            .set({ status: 'failed', error: err instanceof Error ? err.message : String(err), finished_at: new Date() })
            .where('id', '=', id)
            .execute()
            .catch(() => undefined);
        });
      const location = `/v1/imports/${id}`;
      return reply.status(202).header('location', location).send({ id, location });
    },
  );

  const view = (row: Awaited<ReturnType<typeof load>>) => ({
    id: row.id,
    fileName: row.file_name,
    unitScope: row.unit_scope,
    dryRun: row.dry_run,
    status: row.status,
    rowsTotal: row.rows_total,
    rowsDone: row.rows_done,
    summary: (row.summary as z.infer<typeof ImportStatus>['summary']) ?? null,
    problems: ((row.problems as ImportProblem[] | null) ?? []).slice(0, 100),
    error: row.error,
    actorId: row.actor_id,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  });

  /** An import is visible to whoever may see its scope. */
  const visible = (request: { units: readonly string[] }, scope: string) =>
    inScope(request.units, scope, app.geography.covers);

  app.get(
    '/v1/imports',
    {
      config: { roles: importers },
      schema: {
        tags: ['imports'],
        operationId: 'listListImports',
        summary: 'Imports into the caller’s units, newest first',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(200).default(50).describe('Imports to list, 1–200'),
        }),
        response: { 200: z.object({ imports: z.array(ImportStatus) }), ...readErrors },
      },
    },
    async (request) => {
      const rows = await app.deps.db
        .selectFrom('list_import')
        .selectAll()
        .orderBy('created_at', 'desc')
        .limit(1000)
        .execute();
      return {
        imports: rows
          .filter((r) => visible(request, r.unit_scope))
          .slice(0, request.query.limit)
          .map(view),
      };
    },
  );

  app.get(
    '/v1/imports/:id',
    {
      config: { roles: importers },
      schema: {
        tags: ['imports'],
        operationId: 'getListImport',
        summary: 'An import: progress, counts and its first problems',
        params: z.object({ id: z.uuid().describe('The import id') }),
        response: { 200: ImportStatus, ...readErrors, 404: ProblemSchema },
      },
    },
    async (request) => {
      const row = await load(request.params.id);
      if (!visible(request, row.unit_scope))
        throw new HttpProblem(404, 'IMPORT_NOT_FOUND', 'No such import', `no import ${request.params.id}`, {
          importId: request.params.id,
        });
      return view(row);
    },
  );

  app.get(
    '/v1/imports/:id/report.csv',
    {
      config: { roles: importers },
      schema: {
        tags: ['imports'],
        operationId: 'getListImportReport',
        summary: 'The problems of an import by row and column, in Vietnamese and English (CSV)',
        params: z.object({ id: z.uuid().describe('The import id') }),
        produces: ['text/csv'],
        response: {
          200: z.string().describe('CSV: row, column, code, Vietnamese and English text'),
          ...readErrors,
          404: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const row = await load(request.params.id);
      if (!visible(request, row.unit_scope))
        throw new HttpProblem(404, 'IMPORT_NOT_FOUND', 'No such import', `no import ${request.params.id}`, {
          importId: request.params.id,
        });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${row.file_name.replace(/[^\w.-]/g, '_')}.problems.csv"`)
        .send(problemsCsv((row.problems as ImportProblem[] | null) ?? []));
    },
  );
};
