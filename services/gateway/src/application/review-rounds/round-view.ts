import {
  decodeRoundEvent,
  type HouseholdProgress,
  type OpenRound,
  type RoundEvent,
  type RoundKind,
  type RoundStage,
  roundProgress,
  type VillageProgress,
} from '@benvung/domain';
import type { RecordedEvent } from '@benvung/event-store';
import type { ApplicationStatus, ApplyFailure } from './apply-decision.js';

/** One step of a round as its GET shows it. */
export interface StepView {
  version: number;
  type: string;
  on: string;
  householdId?: string;
  village?: string;
  document?: string;
  decisionNo?: string;
  recordedBy: string;
  recordedByRole: string;
  recordedAt: string;
}

/** A decision and how far it has been applied. */
export interface DecisionView {
  decisionNo: string;
  issuedOn: string;
  signer: string;
  document?: string;
  households: number;
  applied: number;
  failed: ApplyFailure[];
}

/** A round as its GET answers it. */
export interface RoundView {
  roundId: string;
  kind: RoundKind;
  unitCode: string;
  listYear: number;
  openedOn: string;
  document?: string;
  windowOverrideReason?: string;
  version: number;
  stage: RoundStage;
  posting?: { from: string; to: string; document: string };
  decision?: DecisionView;
  villages: VillageProgress[];
  households: HouseholdProgress[];
  steps: StepView[];
}

/** The business date of a round's step. */
function stepDate(event: RoundEvent, recorded: RecordedEvent): string {
  switch (event.type) {
    case 'ReviewRoundOpened':
      return event.data.openedOn;
    case 'RoundReviewProposed':
      return event.data.surveyedOn;
    case 'RoundVillageMeetingHeld':
      return event.data.heldOn;
    case 'RoundListsPosted':
      return event.data.from;
    case 'RoundComplaintReceived':
      return event.data.receivedOn;
    case 'RoundComplaintResolved':
      return event.data.resolvedOn;
    case 'RoundDecisionIssued':
      return event.data.issuedOn;
    default:
      return recorded.occurredAt.toISOString().slice(0, 10);
  }
}

/** What a step concerns, besides its date: a household, a village, a document. */
function stepSubject(event: RoundEvent): Pick<StepView, 'householdId' | 'village' | 'document' | 'decisionNo'> {
  const d: Record<string, unknown> = event.data;
  const out: Pick<StepView, 'householdId' | 'village' | 'document' | 'decisionNo'> = {};
  for (const key of ['householdId', 'village', 'document', 'decisionNo'] as const) {
    const value = d[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** The decision's own fields. */
export function decisionFields(
  decision: NonNullable<OpenRound['decision']>,
): Omit<DecisionView, 'households' | 'applied' | 'failed'> {
  return {
    decisionNo: decision.decisionNo,
    issuedOn: decision.issuedOn,
    signer: decision.signer,
    ...(decision.document !== undefined ? { document: decision.document } : {}),
  };
}

/**
 * A round as its GET answers it: what it is, its progress per village and household, each step with
 * who recorded it and when, and how far its decision has been applied. A complaint's words are not
 * shown here (they are personal data, kept with the event).
 */
export function roundView(
  round: OpenRound,
  recorded: readonly RecordedEvent[],
  application: ApplicationStatus | undefined,
): RoundView {
  const progress = roundProgress(round);
  const decision = round.decision;
  return {
    roundId: round.roundId,
    kind: round.kind,
    unitCode: round.unitCode,
    listYear: round.listYear,
    openedOn: round.openedOn,
    ...(round.document !== undefined ? { document: round.document } : {}),
    ...(round.windowOverrideReason !== undefined ? { windowOverrideReason: round.windowOverrideReason } : {}),
    version: round.version,
    stage: progress.stage,
    ...(round.posting ? { posting: round.posting } : {}),
    ...(decision
      ? {
          decision: {
            ...decisionFields(decision),
            households: decision.results.length,
            applied: application?.applied ?? (round.applied ? decision.results.length : 0),
            failed: application?.failed ?? [],
          },
        }
      : {}),
    villages: progress.villages,
    households: progress.households,
    steps: recorded.map((r) => {
      const event = decodeRoundEvent({ ...r, personal: null });
      return {
        version: r.version,
        type: r.type,
        on: stepDate(event, r),
        ...stepSubject(event),
        recordedBy: r.metadata.actorId,
        recordedByRole: r.metadata.actorRole,
        recordedAt: r.recordedAt.toISOString(),
      };
    }),
  };
}
