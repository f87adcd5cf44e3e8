import type { HouseholdCommand, HouseholdEvent } from '@benvung/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { respondToCommand } from './command-response.js';
import { executeHouseholdCommand } from './household-commands.js';
import { assertUnitsNamable, unitsNamedBy } from './named-units.js';
import { today } from './today.js';
import { householdNotFound, inScope } from './unit-scope.js';

export interface HouseholdCommandSpec {
  householdId: string;
  command: HouseholdCommand;
  /** Business date of the command (review effective date, support date …); defaults to today. */
  occurredOn: string | undefined;
  /** Builds the 201 body from the decided events. */
  respond?: (events: HouseholdEvent[]) => Record<string, unknown>;
}

/**
 * The common path of every command on an existing household: the household must be in the caller's
 * units (else 404, as if it did not exist), and so must a unit the command names (a move's destination,
 * else 422 UNKNOWN_UNIT or 403 UNIT_OUT_OF_SCOPE); then decide and append with If-Match /
 * Idempotency-Key.
 */
export async function runHouseholdCommand(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  spec: HouseholdCommandSpec,
): Promise<void> {
  const occurredOn = spec.occurredOn ?? today();
  await respondToCommand(app, request, reply, async (ctx) => {
    const rules = await app.deps.rules.current();
    const result = await app.commandQueue.run(spec.householdId, () =>
      executeHouseholdCommand(app.deps.store, spec.householdId, spec.command, {
        ...ctx,
        actor: request.actor,
        correlationId: request.id,
        occurredAt: new Date(`${occurredOn}T00:00:00Z`),
        stateCache: app.householdStates,
        rules,
        units: app.units,
        authorize: (state) => {
          if (state.status !== 'unregistered' && !inScope(request.units, state.unitCode, app.geography.covers)) {
            throw householdNotFound();
          }
          // Only then the units it names: to an outsider the household does not exist, whatever the command.
          assertUnitsNamable(unitsNamedBy(spec.command), request.units, app.units, app.geography.covers);
        },
      }),
    );
    return {
      statusCode: 201,
      version: result.version,
      body: {
        householdId: spec.householdId,
        version: result.version,
        position: result.position,
        events: result.events.map((e) => e.type),
        ...(spec.respond?.(result.events) ?? {}),
      },
    };
  });
}
