import { randomUUID } from 'node:crypto';
import { listHouseholds } from '@benvung/projections';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { commandHeaders, idFromKey, respondToCommand } from '../application/command-response.js';
import { executeHouseholdCommand } from '../application/household-commands.js';
import { readHousehold } from '../application/household-read.js';
import { assertUnitsNamable } from '../application/named-units.js';
import { waitForProjection } from '../application/read-your-writes.js';
import { today } from '../application/today.js';
import { inScope, unitOutOfScope } from '../application/unit-scope.js';
import { CommandHeaders, ReadYourWritesHeaders } from '../openapi/headers.js';
import { householdStatusReader } from '../persistence/household-status-reader.js';
import {
  HouseholdPageSchema,
  HouseholdParams,
  HouseholdStatus,
  ListQuery,
  RegisterBody,
  Registered,
  sortOf,
  toHouseholdStatus,
} from './household-schemas.js';
import { ProblemSchema } from './schemas.js';

export const householdRoutes: FastifyPluginAsyncZod = async (app) => {
  const readHouseholdStatus = householdStatusReader(app.deps.readModels);

  app.post(
    '/v1/households',
    {
      config: { roles: ['case_worker', 'supervisor'] },
      schema: {
        tags: ['households'],
        operationId: 'registerHousehold',
        summary: 'Register a household',
        description:
          'Starts following a household in one of your units: its head (name, birth year and ID number are ' +
          'personal data, kept apart so they can be erased), member count, unit and village. The area follows ' +
          "the commune's kind unless overridden with a reason. With an Idempotency-Key a retry answers the " +
          'first result and registers nothing; without a householdId the id then derives from the key. ' +
          'Answers the id, version 1 and the position to send as X-Wait-For-Position.',
        headers: CommandHeaders,
        body: RegisterBody,
        responseHeaders: { 201: ['ETag', 'Location', 'IdempotentReplayed'] },
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
      assertUnitsNamable([body.unitCode], request.units, app.units, app.geography.covers);
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
        operationId: 'listHouseholds',
        summary: 'Households of your units: search, filter, sort, page',
        description:
          "A case worker's list: the households of your units (or of one of them), searched by the head's " +
          'name (accents and case ignored, any part), a household code (its beginning) or an ID number of the ' +
          'head or a member (exact); filtered by village, classification and flag; sorted; paged by limit and ' +
          'offset with the total that match. From the read model, which may lag the last commands by moments: ' +
          'send X-Wait-For-Position to see your own.',
        querystring: ListQuery,
        headers: ReadYourWritesHeaders,
        response: {
          200: HouseholdPageSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          503: ProblemSchema,
        },
      },
    },
    async (request) => {
      const { q, unitCode, village, status, flag, sort, limit, offset, cursor } = request.query;
      if (unitCode && !inScope(request.units, unitCode, app.geography.covers)) {
        throw unitOutOfScope(unitCode);
      }
      const scopes = unitCode ? [unitCode] : request.units;
      const unitCodes = [...new Set(scopes.flatMap((s) => app.geography.expand(s)))];
      await waitForProjection(app, request, 'household_status');
      const day = today();
      const page = await listHouseholds(app.deps.readModels, {
        unitCodes,
        limit,
        offset,
        today: day,
        ...(q ? { search: q } : {}),
        ...(village ? { village } : {}),
        ...(status ? { classification: status } : {}),
        ...(flag ? { flag } : {}),
        ...(sort ? { sort: sortOf(sort) } : {}),
        ...(cursor ? { afterId: cursor } : {}),
      });
      const last = page.rows.at(-1);
      return {
        households: page.rows.map((row) => toHouseholdStatus(row, day)),
        total: page.total,
        totalExact: page.totalExact,
        limit,
        offset,
        // Kept for clients that page by cursor: the default order is by id, which the cursor follows.
        ...(!sort && last && page.rows.length === limit ? { nextCursor: last.household_id } : {}),
      };
    },
  );

  app.get(
    '/v1/households/:id',
    {
      // Admins: any household, to erase its personal data on request (nothing else of it is theirs to read).
      config: { roles: ['case_worker', 'supervisor', 'auditor', 'admin'] },
      schema: {
        tags: ['households'],
        operationId: 'getHousehold',
        summary: 'One household as the list shows it',
        description:
          'Current status of a household of your units, with ETag: "<version>". Never 404 for a household ' +
          'whose registration has committed: when the read model does not have it yet, or has not reached ' +
          'X-Wait-For-Position within 200 ms, the household is folded from its event stream and the answer ' +
          'says so with X-Read-Source: stream (otherwise X-Read-Source: read-model). Outside your units: 404 (admins: any household).',
        params: HouseholdParams,
        headers: ReadYourWritesHeaders,
        responseHeaders: { 200: ['ETag'] },
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
      const { view, source } = await readHousehold(app, request, request.params.id, readHouseholdStatus);
      return reply
        .header('etag', `"${view.version}"`)
        .header('x-read-source', source)
        .send(toHouseholdStatus(view, today()));
    },
  );
};
