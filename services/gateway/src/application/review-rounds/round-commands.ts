import { type RoundCommand, type RoundState, roundStage } from '@benvung/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { respondToCommand } from '../command-response.js';
import { roundInScope } from './round-access.js';
import { executeRoundCommand, type RoundCommandResult } from './round-store.js';

export interface RoundCommandSpec {
  command: RoundCommand;
  /** Business date of the step. */
  occurredOn: string;
  /** The round must exist in the caller's units (every step but opening). */
  existing: boolean;
  location?: string;
  beforeAppend?: (next: RoundState) => Promise<void>;
  /**
   * Runs once the events are stored (a decision's application): more of the 201 body, and the round's
   * version and stage when it has moved on meanwhile.
   */
  after?: (result: RoundCommandResult) => Promise<{ body: Record<string, unknown>; version?: number }>;
}

/**
 * The common path of every step of a round: decide on the round and append with If-Match /
 * Idempotency-Key, as household commands do; steps of one round queue behind each other in this process.
 * Answers the round's version (also the ETag), the position to read it back, the events and the stage.
 */
export async function runRoundCommand(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  spec: RoundCommandSpec,
): Promise<void> {
  const roundId = spec.command.roundId;
  await respondToCommand(app, request, reply, async (ctx) => {
    const rules = await app.deps.rules.current();
    const result = await app.commandQueue.run(`round:${roundId}`, () =>
      executeRoundCommand(app.deps.store, spec.command, {
        ...ctx,
        actor: request.actor,
        correlationId: request.id,
        occurredAt: new Date(`${spec.occurredOn}T00:00:00Z`),
        decide: { rules, units: app.units },
        ...(spec.existing ? { authorize: (state: RoundState) => void roundInScope(app, request, roundId, state) } : {}),
        ...(spec.beforeAppend ? { beforeAppend: spec.beforeAppend } : {}),
      }),
    );
    const more = spec.after ? await spec.after(result) : { body: {} };
    const version = more.version ?? result.version;
    return {
      statusCode: 201,
      version,
      ...(spec.location ? { location: spec.location } : {}),
      body: {
        roundId,
        version,
        position: result.position,
        events: result.events.map((e) => e.type),
        ...(result.state.status === 'open' ? { stage: roundStage(result.state) } : {}),
        ...more.body,
      },
    };
  });
}
