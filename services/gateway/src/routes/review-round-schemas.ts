import {
  ComplaintSummary,
  DecisionNumber,
  DocumentRef,
  FormScoresInput,
  IsoDate,
  MeetingOutcomeInput,
  RoundId,
  RoundKind,
  ShortText,
  Signer,
  SurveyResult,
  UnitCode,
  VillageName,
} from '@benvung/domain';
import { z } from 'zod';
import { ProblemSchema } from './schemas.js';

/** A round in the path. */
export const RoundParams = z.object({ id: RoundId });

const Classification = z.enum(['poor', 'near_poor', 'non_poor']).describe('poor, near_poor or non_poor');
const Stage = z
  .enum(['surveying', 'posted', 'decided', 'applied'])
  .describe(
    'surveying: surveys and village meetings; posted: lists posted, complaints heard; decided: the decision is recorded; applied: every household has its review',
  );

export const OpenRoundBody = z.strictObject({
  kind: RoundKind,
  unitCode: UnitCode.describe('The commune (5 digits) whose households the round reviews, valid on openedOn'),
  listYear: z.number().int().min(2000).max(2100).describe('The year whose lists the round decides'),
  openedOn: IsoDate.optional().describe('The date the round opens; today when omitted'),
  document: DocumentRef.optional(),
  windowOverrideReason: ShortText.optional().describe(
    'A periodic round opened outside 1 September – 14 December of the year before its lists: why',
  ),
});

export const SurveyBody = z
  .strictObject({
    householdId: z.uuid().describe('A household of the round’s commune, in your units'),
    surveyedOn: IsoDate.describe('The date of the survey'),
    applied: z
      .boolean()
      .default(false)
      .describe('The household applied to be reviewed (đơn đề nghị); false when the survey found it'),
    village: VillageName.optional().describe(
      'The village the household meets in; omitted: its recorded village (required where none is recorded)',
    ),
    incomePerCapitaVnd: SurveyResult.shape.incomePerCapitaVnd,
    formScores: FormScoresInput.optional(),
    deprivations: SurveyResult.shape.deprivations,
    document: DocumentRef.optional(),
  })
  .refine((b) => (b.incomePerCapitaVnd === undefined) !== (b.formScores === undefined), {
    message: 'a survey records the income per capita or the form scores, one of the two',
    path: ['incomePerCapitaVnd'],
  });

export const MeetingBody = z.strictObject({
  village: VillageName.describe('The village that met'),
  heldOn: IsoDate.describe('The date of the meeting'),
  document: DocumentRef.describe('The meeting’s minutes (biên bản họp), as filed'),
  outcomes: z
    .array(MeetingOutcomeInput)
    .min(1)
    .max(2000)
    .describe('An outcome for every proposal of the village still waiting for one'),
});

export const PostingBody = z.strictObject({
  from: IsoDate.describe('First day the draft lists are posted'),
  to: IsoDate.describe('Last day they are posted (inclusive)'),
  document: DocumentRef.describe('The posting notice (thông báo niêm yết), as filed'),
});

export const ComplaintBody = z.strictObject({
  householdId: z.uuid().describe('The household the complaint is about (proposed in this round)'),
  receivedOn: IsoDate.describe('The date it was received'),
  summary: ComplaintSummary,
});

export const ResolutionBody = z
  .strictObject({
    householdId: z.uuid().describe('The household whose open complaint is resolved'),
    resolvedOn: IsoDate.describe('The date it was resolved'),
    outcome: z
      .enum(['upheld', 'rejected'])
      .describe('upheld: the household’s result becomes `result`; rejected: it stays'),
    result: SurveyResult.optional().describe('upheld only: the household’s new result'),
    document: DocumentRef.optional(),
  })
  .refine((b) => (b.outcome === 'upheld') === (b.result !== undefined), {
    message: 'an upheld complaint gives the household’s new result, a rejected one gives none',
    path: ['result'],
  });

export const DecisionBody = z.strictObject({
  decisionNo: DecisionNumber,
  issuedOn: IsoDate.describe('The date of the decision: the reviews take effect on it'),
  signer: Signer,
  document: DocumentRef.optional(),
});

const ApplyFailure = z.object({
  householdId: z.uuid().describe('The household'),
  code: z.string().describe('Why its review could not be recorded (a problem code, e.g. HOUSEHOLD_CLOSED)'),
  detail: z.string().describe('The same, in English'),
});

const DecisionStatus = z.object({
  decisionNo: z.string().describe('The decision’s number'),
  issuedOn: z.string().describe('Its date: the households’ reviews take effect on it'),
  signer: z.string().describe('Who signed it'),
  document: z.string().optional().describe('The document, as filed'),
  households: z.number().int().describe('Households the decision covers'),
  applied: z.number().int().describe('Households whose review is recorded in their own history'),
  failed: z.array(ApplyFailure).describe('Households whose review could not be recorded, and why'),
});

/** What every step of a round answers. */
export const RoundAccepted = z.object({
  roundId: RoundId,
  version: z.number().int().describe('The round’s version after the step (also the ETag): send it in If-Match'),
  position: z.string().describe('Global position of the last event: send it as X-Wait-For-Position to read it back'),
  events: z.array(z.string()).describe('Types of the events recorded, in order (e.g. RoundReviewProposed)'),
  stage: Stage.optional(),
});

export const DecisionAccepted = RoundAccepted.extend({
  decision: DecisionStatus.optional().describe('How far the decision has been applied to the households'),
});

const HouseholdProgress = z.object({
  householdId: z.uuid().describe('The household'),
  village: z.string().describe('Its village'),
  applied: z.boolean().describe('It applied to be reviewed (đơn đề nghị)'),
  surveyedOn: z.string().describe('Date of its latest survey'),
  proposed: Classification.describe('What its survey proposed'),
  meeting: z.enum(['pending', 'agreed', 'changed']).describe('Its village meeting’s outcome'),
  meetingHeldOn: z.string().optional().describe('When its village met on it'),
  complaint: z.enum(['none', 'open', 'upheld', 'rejected']).describe('Its complaint, if any'),
  current: Classification.describe('Its result as it stands'),
  source: z.enum(['survey', 'meeting', 'complaint']).describe('Where its current result comes from'),
  decided: Classification.optional().describe('What the decision made official'),
});

const VillageProgress = z.object({
  village: z.string().describe('The village'),
  households: z.number().int().describe('Households proposed in it'),
  applied: z.number().int().describe('Of them, households that applied'),
  agreed: z.number().int().describe('Agreed as proposed at a meeting'),
  changed: z.number().int().describe('Changed at a meeting'),
  pendingMeeting: z.number().int().describe('Waiting for a meeting'),
  meetings: z
    .array(
      z.object({
        heldOn: z.string().describe('Date'),
        document: z.string().describe('Minutes'),
        households: z.number().int().describe('Households ruled on'),
      }),
    )
    .describe('Its meetings'),
});

const Step = z.object({
  version: z.number().int().describe('Position in the round’s stream'),
  type: z.string().describe('The event (ReviewRoundOpened, RoundReviewProposed, RoundVillageMeetingHeld …)'),
  on: z.string().describe('The step’s date'),
  householdId: z.string().optional().describe('The household it concerns'),
  village: z.string().optional().describe('The village it concerns'),
  document: z.string().optional().describe('Its document, as filed'),
  decisionNo: z.string().optional().describe('The decision’s number'),
  recordedBy: z.string().describe('Who recorded it'),
  recordedByRole: z.string().describe('Their role'),
  recordedAt: z.string().describe('When it was recorded'),
});

export const RoundDetail = z.object({
  roundId: RoundId,
  kind: RoundKind,
  unitCode: z.string().describe('The commune'),
  listYear: z.number().int().describe('The year whose lists it decides'),
  openedOn: z.string().describe('When it opened'),
  document: z.string().optional().describe('The plan it opened under, as filed'),
  windowOverrideReason: z.string().optional().describe('Why it opened outside its campaign window'),
  version: z.number().int().describe('The round’s version (also the ETag)'),
  stage: Stage,
  posting: z
    .object({
      from: z.string().describe('First day'),
      to: z.string().describe('Last day'),
      document: z.string().describe('Notice'),
    })
    .optional()
    .describe('The public posting of the draft lists'),
  decision: DecisionStatus.optional().describe('The decision, and how far it has been applied'),
  villages: z.array(VillageProgress).describe('Progress per village'),
  households: z.array(HouseholdProgress).describe('Progress per household'),
  steps: z.array(Step).describe('Every step, with its date and who recorded it'),
});

export const RoundSummary = z.object({
  roundId: RoundId,
  kind: RoundKind,
  unitCode: z.string().describe('The commune'),
  listYear: z.number().int().describe('The year whose lists it decides'),
  openedOn: z.string().describe('When it opened'),
  stage: Stage,
  version: z.number().int().describe('The round’s version'),
  households: z.number().int().describe('Households proposed in it'),
});

export const ListRoundsQuery = z.strictObject({
  unitCode: UnitCode.optional().describe('One of your units (or a commune within one); all your units when omitted'),
  listYear: z.coerce.number().int().min(2000).max(2100).optional().describe('Only rounds deciding this list year'),
  kind: RoundKind.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('Rounds to answer at most'),
});

/** The problems a step may answer. */
export const roundErrors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  412: ProblemSchema,
  413: ProblemSchema,
  422: ProblemSchema,
};

/** What a step answers besides its body: the round's new version, and whether it was replayed. */
export const roundResponseHeaders = { 201: ['ETag', 'IdempotentReplayed'] } as const;
