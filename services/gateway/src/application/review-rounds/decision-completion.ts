import { Actor } from '@benvung/domain';
import type { FastifyInstance } from 'fastify';
import { type ApplicationStatus, appliedEventId, applyDecision } from './apply-decision.js';
import { executeRoundCommand, loadRound } from './round-store.js';

/**
 * Applies a recorded decision to the households still without their review, then records in the round
 * that it is applied (with an id of its own, so two completers record it once). Undefined for a round
 * without a decision. Safe to call any number of times, from any gateway: see apply-decision.ts.
 */
export async function completeDecision(app: FastifyInstance, roundId: string): Promise<ApplicationStatus | undefined> {
  const { state, recorded } = await loadRound(app.deps.store, roundId);
  if (state.status !== 'open' || !state.decision) return undefined;
  const decide = { rules: await app.deps.rules.current(), units: app.units };
  const status = await applyDecision(
    { store: app.deps.store, decide, states: app.householdStates, queue: app.commandQueue },
    state,
    recorded,
  );
  const decision = recorded.find((r) => r.type === 'RoundDecisionIssued');
  if (state.applied || status.failed.length > 0 || !decision) return status;
  await app.commandQueue.run(`round:${roundId}`, () =>
    executeRoundCommand(
      app.deps.store,
      { type: 'MarkRoundDecisionApplied', roundId },
      {
        actor: Actor.parse({ id: decision.metadata.actorId, role: decision.metadata.actorRole }),
        correlationId: String(decision.metadata.correlationId ?? decision.eventId),
        occurredAt: decision.occurredAt,
        eventId: () => appliedEventId(roundId),
        metadata: { causationId: decision.eventId },
        decide,
      },
    ),
  );
  return status;
}
