import { z } from 'zod';
import { Area, IsoDate, StoredShortText } from '../household/values.js';
import { ResultClassification, RoundKind, StoredSurveyResult } from './values.js';

/*
 * A round's events, one stream per round. Their types never coincide with a household event's: the
 * household projections select events by type, so a round's steps count nowhere until its decision
 * has been applied to each household's own stream as a review. Who recorded each step is in the
 * event's metadata, as for households.
 */

const Text = z.string().trim().min(1).max(200);

/** A round was opened for a commune and list year; outside its campaign window, with a supervisor's reason. */
export const ReviewRoundOpened = z.object({
  type: z.literal('ReviewRoundOpened'),
  data: z.object({
    roundId: z.string(),
    kind: RoundKind,
    unitCode: z.string(),
    listYear: z.number().int(),
    openedOn: IsoDate,
    document: Text.optional(),
    /** Why a periodic round was opened outside the campaign window. */
    windowOverrideReason: StoredShortText.optional(),
  }),
});
export type ReviewRoundOpened = z.infer<typeof ReviewRoundOpened>;

/**
 * A household's survey result proposed for the round (not yet in force). A later survey before the
 * household's village meeting replaces it. `village` and `area` are the household's when surveyed.
 */
export const RoundReviewProposed = z.object({
  type: z.literal('RoundReviewProposed'),
  data: z.object({
    householdId: z.uuid(),
    village: Text,
    area: Area,
    /** The household applied to be reviewed (đơn đề nghị). */
    applied: z.boolean(),
    surveyedOn: IsoDate,
    result: StoredSurveyResult,
    proposed: ResultClassification,
    document: Text.optional(),
  }),
});
export type RoundReviewProposed = z.infer<typeof RoundReviewProposed>;

/** One household's outcome at its village meeting: agreed as proposed, or changed to another result. */
export const MeetingOutcome = z.object({
  householdId: z.uuid(),
  outcome: z.enum(['agreed', 'changed']),
  result: StoredSurveyResult.optional(),
  changedTo: ResultClassification.optional(),
});
export type MeetingOutcome = z.infer<typeof MeetingOutcome>;

/** A village met (bình xét) on the proposals of its households. */
export const RoundVillageMeetingHeld = z.object({
  type: z.literal('RoundVillageMeetingHeld'),
  data: z.object({
    village: Text,
    heldOn: IsoDate,
    document: Text,
    outcomes: z.array(MeetingOutcome).min(1),
  }),
});
export type RoundVillageMeetingHeld = z.infer<typeof RoundVillageMeetingHeld>;

/** The commune posted the draft lists publicly (niêm yết), from one date to another. */
export const RoundListsPosted = z.object({
  type: z.literal('RoundListsPosted'),
  data: z.object({ from: IsoDate, to: IsoDate, document: Text }),
});
export type RoundListsPosted = z.infer<typeof RoundListsPosted>;

/** A complaint about a household's proposed result was received; its summary is personal data. */
export const RoundComplaintReceived = z.object({
  type: z.literal('RoundComplaintReceived'),
  data: z.object({ householdId: z.uuid(), receivedOn: IsoDate, summary: StoredShortText }),
});
export type RoundComplaintReceived = z.infer<typeof RoundComplaintReceived>;

/** A complaint was resolved: upheld (with the household's new result) or rejected. */
export const RoundComplaintResolved = z.object({
  type: z.literal('RoundComplaintResolved'),
  data: z.object({
    householdId: z.uuid(),
    resolvedOn: IsoDate,
    outcome: z.enum(['upheld', 'rejected']),
    result: StoredSurveyResult.optional(),
    changedTo: ResultClassification.optional(),
    document: Text.optional(),
  }),
});
export type RoundComplaintResolved = z.infer<typeof RoundComplaintResolved>;

/** Where a household's final result came from: its survey, its village meeting or its complaint. */
export const ResultSource = z.enum(['survey', 'meeting', 'complaint']);
export type ResultSource = z.infer<typeof ResultSource>;

/** A household's result as the decision makes it official. */
export const DecidedResult = z.object({
  householdId: z.uuid(),
  village: Text,
  applied: z.boolean(),
  source: ResultSource,
  result: StoredSurveyResult,
  decided: ResultClassification,
});
export type DecidedResult = z.infer<typeof DecidedResult>;

/**
 * The commune chair's decision made the lists official: every result at once, effective on its date.
 * Each household then gets its review in its own stream (see RoundDecisionApplied).
 */
export const RoundDecisionIssued = z.object({
  type: z.literal('RoundDecisionIssued'),
  data: z.object({
    decisionNo: Text,
    issuedOn: IsoDate,
    signer: Text,
    document: Text.optional(),
    results: z.array(DecidedResult).min(1),
  }),
});
export type RoundDecisionIssued = z.infer<typeof RoundDecisionIssued>;

/** Every household of the decision has its review recorded: nothing is left to apply. */
export const RoundDecisionApplied = z.object({
  type: z.literal('RoundDecisionApplied'),
  data: z.object({ households: z.number().int().min(1) }),
});
export type RoundDecisionApplied = z.infer<typeof RoundDecisionApplied>;

/** Every round event, as recorded. */
export const RoundEvent = z.discriminatedUnion('type', [
  ReviewRoundOpened,
  RoundReviewProposed,
  RoundVillageMeetingHeld,
  RoundListsPosted,
  RoundComplaintReceived,
  RoundComplaintResolved,
  RoundDecisionIssued,
  RoundDecisionApplied,
]);
export type RoundEvent = z.infer<typeof RoundEvent>;
export type RoundEventType = RoundEvent['type'];

/** Current schema version of each round event type. */
export const ROUND_EVENT_SCHEMA_VERSIONS: Record<RoundEventType, number> = {
  ReviewRoundOpened: 1,
  RoundReviewProposed: 1,
  RoundVillageMeetingHeld: 1,
  RoundListsPosted: 1,
  RoundComplaintReceived: 1,
  RoundComplaintResolved: 1,
  RoundDecisionIssued: 1,
  RoundDecisionApplied: 1,
};
