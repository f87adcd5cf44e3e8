import { ErasureReason, IsoDate } from '@benvung/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { respondToCommand } from '../application/command-response.js';
import { eraseHousehold } from '../application/erase-household.js';
import { today } from '../application/today.js';
import { forgetHouseholdResponses } from '../persistence/idempotency.js';
import { Accepted, commandErrors, commandProtocol, HouseholdParams } from './command-schemas.js';

/** Who erases: an admin any household, a supervisor the households of their units. */
const erasers = ['supervisor', 'admin'] as const;

const ErasureBody = z.strictObject({
  reason: ErasureReason,
  occurredAt: IsoDate.optional().describe('The date of the erasure decision; today when omitted'),
});

const Erased = Accepted.extend({
  erasedEvents: z.number().int().describe('How many of the household’s events lost their personal part'),
});

/** Erasing a household's personal data, as an event of its history. */
export const erasureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/households/:id/erasure',
    {
      config: { roles: erasers },
      schema: {
        tags: ['commands'],
        operationId: 'erasePersonalData',
        summary: 'Erase the household’s personal data (names, ID numbers, note texts), with a reason',
        description:
          'Removes the personal part of every event of the household (the head’s and members’ names and ID ' +
          'numbers, note texts, flag reasons) and records a PersonalDataErased event with the reason; who and ' +
          'when are in its metadata. The hash chain still verifies (only the personal digests are hashed), ' +
          'counts and analytics do not change, and the read models forget the names. Admins: any household; ' +
          'supervisors: the households of their units. Cannot be undone. 409 NOTHING_TO_ERASE when nothing ' +
          'personal is left.',
        ...commandProtocol,
        params: HouseholdParams,
        body: ErasureBody,
        response: { 201: Erased, ...commandErrors, 501: commandErrors[409] },
      },
    },
    async (request, reply) => {
      const householdId = request.params.id;
      const occurredOn = request.body.occurredAt ?? today();
      return respondToCommand(app, request, reply, async (ctx) => {
        const result = await app.commandQueue.run(householdId, () =>
          eraseHousehold(app, request, { householdId, reason: request.body.reason, occurredOn, ...ctx }),
        );
        await forgetHouseholdResponses(app.deps.db, householdId);
        return {
          statusCode: 201,
          version: result.version,
          body: {
            householdId,
            version: result.version,
            position: result.position,
            events: result.events.map((e) => e.type),
            erasedEvents: result.erasedEvents,
          },
        };
      });
    },
  );
};
