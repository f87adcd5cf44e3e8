import { randomUUID } from 'node:crypto';
import { Area, IsoDate, RegisterHousehold, UnitCode } from '@benvung/domain';
import { listHouseholds } from '@benvung/projections';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { commandHeaders, idFromKey, respondToCommand } from '../application/command-response.js';
import { executeHouseholdCommand } from '../application/household-commands.js';
import { waitForProjection } from '../application/read-your-writes.js';
import { today } from '../application/today.js';
import { householdNotFound, inScope, unitOutOfScope } from '../application/unit-scope.js';
import { type HouseholdStatusView, householdStatusReader } from '../persistence/household-status-reader.js';
import { ProblemSchema } from './schemas.js';

/** The domain's registration command as a body: the id may be chosen by the server, the date defaults to today. */
const RegisterBody = RegisterHousehold.omit({ type: true, householdId: true, occurredOn: true })
  .extend({ householdId: z.uuid().optional(), occurredAt: IsoDate.optional() })
  .strict();

const Registered = z.object({ householdId: z.uuid(), version: z.number().int(), position: z.string() });

const HouseholdParams = z.object({ id: z.uuid() });

const HouseholdStatus = z.object({
  householdId: z.uuid(),
  householdCode: z.string().nullable(),
  unitCode: z.string(),
  area: Area,
  village: z.string().nullable(),
  memberCount: z.number().int(),
  headName: z.string().nullable(),
  classification: z.enum(['unassessed', 'poor', 'near_poor', 'non_poor']),
  registeredOn: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});

function toHouseholdStatus(row: HouseholdStatusView): z.infer<typeof HouseholdStatus> {
  return {
    householdId: row.household_id,
    householdCode: row.household_code,
    unitCode: row.unit_code,
    area: row.area,
    village: row.village,
    memberCount: row.member_count,
    headName: row.head_name,
    classification: row.classification,
    registeredOn: row.registered_on,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

const ListQuery = z
  .object({
    unitCode: UnitCode.optional(),
    status: z.enum(['unassessed', 'poor', 'near_poor', 'non_poor']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.uuid().optional(),
  })
  .strict();

export const householdRoutes: FastifyPluginAsyncZod = async (app) => {
  const readHouseholdStatus = householdStatusReader(app.deps.readModels);

  app.post(
    '/v1/households',
    {
      config: { roles: ['case_worker', 'supervisor'] },
      schema: {
        tags: ['households'],
        summary: 'Register a household',
        body: RegisterBody,
        response: {
          201: Registered,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          409: ProblemSchema,
          413: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!inScope(request.units, body.unitCode, app.geography.covers)) {
        throw unitOutOfScope(body.unitCode);
      }
      // With an Idempotency-Key and no id, the id derives from the key so a retry lands on the same stream.
      const key = commandHeaders(request).idempotencyKey;
      const householdId = body.householdId ?? (key ? idFromKey(request.actor.id, key) : randomUUID());
      const occurredOn = body.occurredAt ?? today();
      return respondToCommand(app, request, reply, async (ctx) => {
        const rules = await app.deps.rules.current();
        const result = await app.commandQueue.run(householdId, () =>
          executeHouseholdCommand(
            app.deps.store,
            householdId,
            {
              type: 'RegisterHousehold',
              householdId,
              head: body.head,
              memberCount: body.memberCount,
              ...(body.area !== undefined ? { area: body.area } : {}),
              ...(body.areaOverrideReason !== undefined ? { areaOverrideReason: body.areaOverrideReason } : {}),
              unitCode: body.unitCode,
              occurredOn,
              ...(body.householdCode !== undefined ? { householdCode: body.householdCode } : {}),
              ...(body.village !== undefined ? { village: body.village } : {}),
            },
            {
              ...ctx,
              actor: request.actor,
              correlationId: request.id,
              occurredAt: new Date(`${occurredOn}T00:00:00Z`),
              rules,
              units: app.units,
            },
          ),
        );
        return {
          statusCode: 201,
          version: result.version,
          location: `/v1/households/${householdId}`,
          body: { householdId, version: result.version, position: result.position },
        };
      });
    },
  );

  app.get(
    '/v1/households',
    {
      config: { roles: ['case_worker', 'supervisor', 'auditor'] },
      schema: {
        tags: ['households'],
        summary: 'Households of your units (or of one of them), by status, paged',
        querystring: ListQuery,
        response: {
          200: z.object({ households: z.array(HouseholdStatus), nextCursor: z.uuid().optional() }),
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          503: ProblemSchema,
        },
      },
    },
    async (request) => {
      const { unitCode, status, limit, cursor } = request.query;
      if (unitCode && !inScope(request.units, unitCode, app.geography.covers)) {
        throw unitOutOfScope(unitCode);
      }
      const scopes = unitCode ? [unitCode] : request.units;
      const unitCodes = [...new Set(scopes.flatMap((s) => app.geography.expand(s)))];
      await waitForProjection(app, request, 'household_status');
      const rows = await listHouseholds(app.deps.readModels, {
        unitCodes,
        limit,
        ...(status ? { classification: status } : {}),
        ...(cursor ? { afterId: cursor } : {}),
      });
      const last = rows.at(-1);
      return {
        households: rows.map(toHouseholdStatus),
        ...(last && rows.length === limit ? { nextCursor: last.household_id } : {}),
      };
    },
  );

  app.get(
    '/v1/households/:id',
    {
      config: { roles: ['case_worker', 'supervisor', 'auditor'] },
      schema: {
        tags: ['households'],
        summary: 'Current status of a household',
        params: HouseholdParams,
        response: {
          200: HouseholdStatus,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          503: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      await waitForProjection(app, request, 'household_status');
      const row = await readHouseholdStatus(request.params.id);
      // Outside the caller's units a household does not exist for them (no existence leak).
      if (!row || !inScope(request.units, row.unit_code, app.geography.covers)) {
        throw householdNotFound();
      }
      return reply.header('etag', `"${row.version}"`).send(toHouseholdStatus(row));
    },
  );
};
