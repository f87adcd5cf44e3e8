import { z } from 'zod';
import { UnitCode } from '../geography/unit-code.js';
import { Area, IsoDate, ShortText, VillageName } from '../household/values.js';
import { ComplaintSummary, DecisionNumber, DocumentRef, RoundId, RoundKind, Signer, SurveyResult } from './values.js';

/*
 * Commands carry everything the decider needs: dates, ids, and the facts of a household read from its
 * own stream by the application (its village and area), so the decider reads no clock and no store.
 * Who issues a command goes into the events' metadata; which roles may issue which is the gateway's.
 */

/** Opens a round; a periodic one outside its campaign window needs a reason. */
export const OpenReviewRound = z.object({
  type: z.literal('OpenReviewRound'),
  roundId: RoundId,
  kind: RoundKind,
  unitCode: UnitCode,
  listYear: z.number().int().min(2000).max(2100),
  openedOn: IsoDate,
  document: DocumentRef.optional(),
  windowOverrideReason: ShortText.optional(),
});
export type OpenReviewRound = z.infer<typeof OpenReviewRound>;

/** Proposes a household's survey result for the round (replaces its earlier proposal before its meeting). */
export const ProposeRoundReview = z.object({
  type: z.literal('ProposeRoundReview'),
  roundId: RoundId,
  householdId: z.uuid(),
  /** The household's facts when surveyed (its village may be stated where its record has none). */
  household: z.object({ unitCode: z.string(), village: VillageName.optional(), area: Area }),
  applied: z.boolean(),
  surveyedOn: IsoDate,
  result: SurveyResult,
  document: DocumentRef.optional(),
});
export type ProposeRoundReview = z.infer<typeof ProposeRoundReview>;

/** A household's outcome at its village meeting. */
export const MeetingOutcomeInput = z
  .strictObject({
    householdId: z.uuid().describe('A household proposed in this village'),
    outcome: z
      .enum(['agreed', 'changed'])
      .describe('agreed: the meeting agreed with the proposed result; changed: it agreed on another (give result)'),
    result: SurveyResult.optional().describe('changed only: the result the meeting agreed on'),
  })
  .refine((o) => (o.outcome === 'changed') === (o.result !== undefined), {
    message: 'a changed outcome gives the result the meeting agreed on, an agreed one gives none',
    path: ['result'],
  });
export type MeetingOutcomeInput = z.infer<typeof MeetingOutcomeInput>;

/** Records a village meeting (bình xét) with the outcome of each pending proposal of the village. */
export const HoldVillageMeeting = z.object({
  type: z.literal('HoldVillageMeeting'),
  roundId: RoundId,
  village: VillageName,
  heldOn: IsoDate,
  document: DocumentRef,
  outcomes: z.array(MeetingOutcomeInput).min(1).max(2000),
});
export type HoldVillageMeeting = z.infer<typeof HoldVillageMeeting>;

/** Records the public posting of the draft lists (niêm yết), from and to (inclusive). */
export const PostRoundLists = z.object({
  type: z.literal('PostRoundLists'),
  roundId: RoundId,
  from: IsoDate,
  to: IsoDate,
  document: DocumentRef,
});
export type PostRoundLists = z.infer<typeof PostRoundLists>;

/** Records a complaint about a household's proposed result. */
export const ReceiveRoundComplaint = z.object({
  type: z.literal('ReceiveRoundComplaint'),
  roundId: RoundId,
  householdId: z.uuid(),
  receivedOn: IsoDate,
  summary: ComplaintSummary,
});
export type ReceiveRoundComplaint = z.infer<typeof ReceiveRoundComplaint>;

/** Resolves a household's open complaint: upheld with its new result, or rejected. */
export const ResolveRoundComplaint = z
  .object({
    type: z.literal('ResolveRoundComplaint'),
    roundId: RoundId,
    householdId: z.uuid(),
    resolvedOn: IsoDate,
    outcome: z.enum(['upheld', 'rejected']),
    result: SurveyResult.optional(),
    document: DocumentRef.optional(),
  })
  .refine((c) => (c.outcome === 'upheld') === (c.result !== undefined), {
    message: 'an upheld complaint gives the household’s new result, a rejected one gives none',
    path: ['result'],
  });
export type ResolveRoundComplaint = z.infer<typeof ResolveRoundComplaint>;

/** Records the commune chair's decision: the round's results become official on its date. */
export const IssueRoundDecision = z.object({
  type: z.literal('IssueRoundDecision'),
  roundId: RoundId,
  decisionNo: DecisionNumber,
  issuedOn: IsoDate,
  signer: Signer,
  document: DocumentRef.optional(),
});
export type IssueRoundDecision = z.infer<typeof IssueRoundDecision>;

/** Marks the decision applied: the application says so once every household has its review. */
export const MarkRoundDecisionApplied = z.object({
  type: z.literal('MarkRoundDecisionApplied'),
  roundId: RoundId,
});
export type MarkRoundDecisionApplied = z.infer<typeof MarkRoundDecisionApplied>;

/** Every round command, discriminated on `type`. */
export const RoundCommand = z.union([
  OpenReviewRound,
  ProposeRoundReview,
  HoldVillageMeeting,
  PostRoundLists,
  ReceiveRoundComplaint,
  ResolveRoundComplaint,
  IssueRoundDecision,
  MarkRoundDecisionApplied,
]);
export type RoundCommand = z.infer<typeof RoundCommand>;
