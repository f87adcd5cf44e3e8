import { type AdminUnit, areaOfKind, foldText, IsoDate, UnitCode, type UnitRegistry } from '@benvung/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../application/today.js';
import { HttpProblem } from '../plugins/problem.js';
import { ProblemSchema } from './schemas.js';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

const Level = z.enum(['province', 'district', 'commune']);
const Unit = z.object({
  code: z.string().describe('The unit code'),
  name: z.string().describe('The name, e.g. "Phường Bạc Liêu"'),
  level: Level.describe('province, district (until 30 June 2025) or commune'),
  kind: z
    .string()
    .nullable()
    .describe(
      'province, municipality, urban_district, rural_district, town, city, commune, ward, township, special_zone',
    ),
  parentCode: z.string().nullable().describe('The unit above it'),
  validFrom: z.string().nullable().describe('First day it exists (null: since the lists began)'),
  validTo: z.string().nullable().describe('Last day it exists (null: still)'),
  /** Rural or urban by the commune's kind; null where the kind sets none (a special zone). */
  area: z.enum(['rural', 'urban']).nullable().describe('Rural or urban by its kind; null where the kind sets none'),
  demo: z.boolean().describe('A demonstration unit, not on the national list'),
});

const toUnit = (u: AdminUnit) => ({
  code: u.code,
  name: u.name,
  level: u.level,
  kind: u.kind ?? null,
  parentCode: u.parentCode ?? null,
  validFrom: u.validFrom ?? null,
  validTo: u.validTo ?? null,
  area: areaOfKind(u.kind) ?? null,
  demo: u.demo ?? false,
});

/** Per registry: each unit's name folded for search (built once, on the first search). */
const folded = new WeakMap<UnitRegistry, Map<AdminUnit, string>>();
function foldedNames(registry: UnitRegistry): Map<AdminUnit, string> {
  let names = folded.get(registry);
  if (!names) {
    names = new Map(registry.units.map((u) => [u, foldText(u.name)]));
    folded.set(registry, names);
  }
  return names;
}

const Changes = z.object({
  added: z.array(z.string()).describe('Codes of units the list adds'),
  changed: z.array(z.string()).describe('Codes of units it renames or moves'),
  abolished: z.array(z.string()).describe('Codes of units it ends'),
  unchanged: z.number().int().describe('Units as before'),
});

/** Units for pickers (search, children), and the unit lists an administrator loads. */
export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/units',
    {
      schema: {
        tags: ['units'],
        operationId: 'listUnits',
        summary:
          'Administrative units in force on a date: the children of a unit, or a search by name (accent- and case-insensitive) or code',
        querystring: z.strictObject({
          parent: UnitCode.optional().describe('Only the children of this unit (e.g. a province’s communes)'),
          asOf: IsoDate.optional().describe('Units in force on this date; today when omitted'),
          q: z
            .string()
            .trim()
            .min(1)
            .max(100)
            .optional()
            .describe('Search by name (accents and case ignored: "bac lieu" finds "Bạc Liêu") or by code prefix'),
          level: Level.optional().describe('Only units of this level'),
          limit: z.coerce.number().int().min(1).max(500).default(50).describe('Units to answer, 1–500'),
        }),
        response: {
          200: z.object({ asOf: z.string().describe('The date looked at'), units: z.array(Unit) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { parent, q, level, limit } = request.query;
      const asOf = request.query.asOf ?? today();
      const registry = app.units;
      const query = q === undefined ? undefined : foldText(q);
      const names = query === undefined ? undefined : foldedNames(registry);
      const matches: AdminUnit[] = [];
      for (const u of registry.units) {
        if ((u.validFrom ?? '0000-01-01') > asOf || (u.validTo ?? '9999-12-31') < asOf) continue;
        if (level && u.level !== level) continue;
        if (parent && u.parentCode !== parent) continue;
        if (query !== undefined && !u.code.startsWith(query) && !names?.get(u)?.includes(query)) continue;
        matches.push(u);
      }
      matches.sort((a, b) => a.code.localeCompare(b.code));
      return { asOf, units: matches.slice(0, limit).map(toUnit) };
    },
  );

  app.get(
    '/v1/admin/units/imports',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['units'],
        operationId: 'listUnitListLoads',
        summary: 'Unit lists loaded after the shipped national ones: from when, by whom, how many units',
        response: {
          200: z.object({
            gaps: z.array(z.string()).describe('Known gaps of the shipped national lists'),
            lists: z.array(
              z.object({
                version: z.number().int().describe('The load’s version'),
                effectiveOn: z.string().describe('The date the list takes effect'),
                source: z.string().describe('The file’s name, as given'),
                units: z.number().int().describe('Units in the list'),
                loadedBy: z.string().describe('Who loaded it'),
                loadedAt: z.string().describe('When'),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async () => ({
      gaps: app.geographyService.report.gaps,
      lists: app.geographyService.lists.map((l) => ({
        version: l.version,
        effectiveOn: l.effectiveOn,
        source: l.source,
        units: l.units.length,
        loadedBy: l.loadedBy,
        loadedAt: l.loadedAt,
      })),
    }),
  );

  app.post(
    '/v1/admin/units/imports',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['units'],
        operationId: 'loadUnitList',
        summary:
          'Load a newer unit list (CSV: code, level, kind, name, parent_code) from a date, with an optional conversion table; the whole file is checked first, the previous versions kept',
        querystring: z.strictObject({
          dryRun: z.enum(['true', 'false']).default('false').describe('true: check and show the changes, load nothing'),
        }),
        body: z.strictObject({
          effectiveOn: IsoDate.describe('The date the list takes effect'),
          /** A name for the file, kept with the load. */
          source: z
            .string()
            .trim()
            .min(1)
            .max(200)
            .default('unit list')
            .describe('A name for the file, kept with the load'),
          csv: z.string().min(1).describe('The list as CSV with the columns code, level, kind, name, parent_code'),
          conversionCsv: z
            .string()
            .min(1)
            .optional()
            .describe('The conversion table (old code → new code) as CSV, for units merged or split'),
        }),
        response: {
          200: z.object({ dryRun: z.literal(true), changes: Changes }).describe('Checked (dry run): nothing loaded'),
          201: z
            .object({
              dryRun: z.literal(false),
              version: z.number().int().describe('The load’s version'),
              changes: Changes,
            })
            .describe('Loaded'),
          ...errors,
          409: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const { effectiveOn, source, csv, conversionCsv } = request.body;
      const dryRun = request.query.dryRun === 'true';
      const result = dryRun
        ? app.geographyService.check(csv, effectiveOn, conversionCsv)
        : await app.geographyService.load(csv, effectiveOn, {
            source,
            actor: request.actor,
            ...(conversionCsv ? { conversionCsv } : {}),
          });
      if (result.problems.length > 0) {
        throw new HttpProblem(
          422,
          'UNIT_LIST_INVALID',
          'The unit list was refused',
          `${result.problems.length} problem(s): ${result.problems
            .slice(0, 5)
            .map((p) => `line ${p.line}${p.column ? ` (${p.column})` : ''}: ${p.message}`)
            .join('; ')}`,
          { problems: result.problems },
        );
      }
      const version = 'version' in result && typeof result.version === 'number' ? result.version : undefined;
      if (dryRun || version === undefined)
        return reply.status(200).send({ dryRun: true as const, changes: result.changes });
      request.log.info({ unitListVersion: version, effectiveOn }, 'unit list loaded');
      return reply.status(201).send({ dryRun: false as const, version, changes: result.changes });
    },
  );
};
