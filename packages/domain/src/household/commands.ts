import { z } from 'zod';
import { UnitCode } from '../geography/unit-code.js';
import { EthnicityCode } from './ethnicity.js';
import { UnableToEscapeBasis } from './events/assessment.js';
import { ERASURE_REASON_MAX, ERASURE_REASON_MIN } from './events/erasure.js';
import { CloseReason } from './events/lifecycle.js';
import { HouseholdMemberAdded, HouseholdMemberRemoved, MemberFacts, MemberPerson } from './events/members.js';
import { AssessmentInput } from './inputs/assessment-input.js';
import { SupportActionInput } from './inputs/support-action-input.js';
import { Area, HouseholdCode, HouseholdHead, IsoDate, LongText, ShortText, VillageName } from './values.js';

export * from './inputs/assessment-input.js';
export * from './inputs/support-action-input.js';

/** Who issues a command; recorded in every event's metadata by the application layer. */
export const Actor = z.object({
  id: z.string().min(1).max(200),
  role: z.enum(['case_worker', 'supervisor', 'auditor', 'analyst', 'admin', 'system']),
});
export type Actor = z.infer<typeof Actor>;

/*
 * Commands carry everything the decider needs (dates, ids): it reads no clock and makes no ids.
 * `occurredOn` is the business date; assessments and support actions carry theirs in their input.
 */

/** Registers a household (`occurredOn`: the business date). */
export const RegisterHousehold = z.object({
  type: z.literal('RegisterHousehold'),
  householdId: z.uuid(),
  householdCode: HouseholdCode.optional(),
  head: HouseholdHead.describe('The head of the household (chủ hộ); personal data, kept apart so it can be erased'),
  memberCount: z.number().int().min(1).max(100).describe('Number of members (nhân khẩu), 1–100'),
  /** The head's ethnic group (national code). */
  headEthnicity: EthnicityCode.optional(),
  /** Omitted: the commune's kind decides (phường, thị trấn urban; xã rural). */
  area: Area.optional().describe(
    'Omitted: the commune’s kind decides (phường urban, xã rural); a different one needs areaOverrideReason',
  ),
  /** Why the household's area differs from its commune's kind. */
  areaOverrideReason: ShortText.optional().describe('Why the area differs from the commune’s kind'),
  unitCode: UnitCode.describe('The commune (5 digits) the household lives in, valid on the registration date'),
  village: VillageName.optional(),
  /** Business date the registration takes effect. */
  occurredOn: IsoDate,
});
export type RegisterHousehold = z.infer<typeof RegisterHousehold>;

/** Records a new number of members. */
export const ChangeHouseholdMembers = z.object({
  type: z.literal('ChangeHouseholdMembers'),
  householdId: z.uuid(),
  memberCount: z.number().int().min(1).max(100),
  reason: ShortText.optional(),
  occurredOn: IsoDate,
});
export type ChangeHouseholdMembers = z.infer<typeof ChangeHouseholdMembers>;

/** Lists a member (with their personal part apart: name, ID number). */
export const AddHouseholdMember = z.object({
  type: z.literal('AddHouseholdMember'),
  householdId: z.uuid(),
  memberId: z.uuid(),
  person: MemberPerson,
  facts: MemberFacts,
  reason: HouseholdMemberAdded.shape.data.shape.reason,
  occurredOn: IsoDate,
});
export type AddHouseholdMember = z.infer<typeof AddHouseholdMember>;

/** Records what changed about a listed member. */
export const ChangeHouseholdMember = z.object({
  type: z.literal('ChangeHouseholdMember'),
  householdId: z.uuid(),
  memberId: z.uuid(),
  person: MemberPerson.partial().optional(),
  facts: MemberFacts.partial(),
  occurredOn: IsoDate,
});
export type ChangeHouseholdMember = z.infer<typeof ChangeHouseholdMember>;

/** Takes a member off the household's list. */
export const RemoveHouseholdMember = z.object({
  type: z.literal('RemoveHouseholdMember'),
  householdId: z.uuid(),
  memberId: z.uuid(),
  reason: HouseholdMemberRemoved.shape.data.shape.reason,
  note: ShortText.optional(),
  occurredOn: IsoDate,
});
export type RemoveHouseholdMember = z.infer<typeof RemoveHouseholdMember>;

/** Moves to a unit valid on `occurredOn`; the village and area follow the move when given. */
export const MoveHousehold = z.object({
  type: z.literal('MoveHousehold'),
  householdId: z.uuid(),
  toUnitCode: UnitCode,
  village: VillageName.optional(),
  area: Area.optional(),
  areaOverrideReason: ShortText.optional(),
  occurredOn: IsoDate,
});
export type MoveHousehold = z.infer<typeof MoveHousehold>;

/**
 * Records a review; `assessment` is the body of POST /assessments. `roundId` names the review round
 * whose decision it applies; only the application of a round's decision sets it.
 */
export const AssessHousehold = z.object({
  type: z.literal('AssessHousehold'),
  householdId: z.uuid(),
  assessment: AssessmentInput,
  roundId: z.string().min(1).max(100).optional(),
});
export type AssessHousehold = z.infer<typeof AssessHousehold>;

/** Flags a poor or near-poor household as unable to escape, with a basis and a reason. */
export const SetUnableToEscapeFlag = z.object({
  type: z.literal('SetUnableToEscapeFlag'),
  householdId: z.uuid(),
  basis: UnableToEscapeBasis,
  reason: ShortText,
  occurredOn: IsoDate,
});
export type SetUnableToEscapeFlag = z.infer<typeof SetUnableToEscapeFlag>;

/** Clears the unable-to-escape flag, with a reason. */
export const ClearUnableToEscapeFlag = z.object({
  type: z.literal('ClearUnableToEscapeFlag'),
  householdId: z.uuid(),
  reason: ShortText,
  occurredOn: IsoDate,
});
export type ClearUnableToEscapeFlag = z.infer<typeof ClearUnableToEscapeFlag>;

/** Records a support action or follow-up; `action` is the body of POST /support-actions. */
export const RecordSupportAction = z.object({
  type: z.literal('RecordSupportAction'),
  householdId: z.uuid(),
  action: SupportActionInput,
});
export type RecordSupportAction = z.infer<typeof RecordSupportAction>;

/** Adds a case worker's note. */
export const AddNote = z.object({
  type: z.literal('AddNote'),
  householdId: z.uuid(),
  text: LongText,
  category: z.enum(['visit', 'call', 'observation', 'other']).optional(),
  occurredOn: IsoDate,
});
export type AddNote = z.infer<typeof AddNote>;

/** The commands whose single event an amendment can replace. */
export const CorrectionCommand = z.discriminatedUnion('type', [
  ChangeHouseholdMembers,
  MoveHousehold,
  AssessHousehold,
  SetUnableToEscapeFlag,
  ClearUnableToEscapeFlag,
  RecordSupportAction,
  AddNote,
]);
export type CorrectionCommand = z.infer<typeof CorrectionCommand>;

/** Voids an earlier event by its store event id. */
export const VoidEvent = z.object({
  type: z.literal('VoidEvent'),
  householdId: z.uuid(),
  eventId: z.uuid(),
  reason: ShortText,
  occurredOn: IsoDate,
});
export type VoidEvent = z.infer<typeof VoidEvent>;

/**
 * Replaces an earlier event by what `correction` decides on the household as it was just before
 * that event; the replacement must be of the same type.
 */
export const AmendEvent = z.object({
  type: z.literal('AmendEvent'),
  householdId: z.uuid(),
  eventId: z.uuid(),
  reason: ShortText,
  occurredOn: IsoDate,
  correction: CorrectionCommand,
});
export type AmendEvent = z.infer<typeof AmendEvent>;

/** Closes the household (dissolved, moved away, deceased). */
export const CloseHousehold = z.object({
  type: z.literal('CloseHousehold'),
  householdId: z.uuid(),
  reason: CloseReason,
  occurredOn: IsoDate,
});
export type CloseHousehold = z.infer<typeof CloseHousehold>;

/** Why personal data is erased: 10–500 characters of typed text (a request, a decision), kept in the history. */
export const ErasureReason = ShortText.min(ERASURE_REASON_MIN)
  .max(ERASURE_REASON_MAX)
  .describe('Why the personal data is erased (a request, a decision), 10–500 characters; kept in the history');

/**
 * Records that the household's personal data was erased. `erasedEvents` is how many of its events
 * still held a personal part: the store erases them in the same transaction as it appends the event.
 */
export const ErasePersonalData = z.object({
  type: z.literal('ErasePersonalData'),
  householdId: z.uuid(),
  reason: ErasureReason,
  erasedEvents: z.number().int().min(0),
  occurredOn: IsoDate,
});
export type ErasePersonalData = z.infer<typeof ErasePersonalData>;

/** Every household command, discriminated on `type`. */
export const HouseholdCommand = z.discriminatedUnion('type', [
  RegisterHousehold,
  ChangeHouseholdMembers,
  AddHouseholdMember,
  ChangeHouseholdMember,
  RemoveHouseholdMember,
  MoveHousehold,
  AssessHousehold,
  SetUnableToEscapeFlag,
  ClearUnableToEscapeFlag,
  RecordSupportAction,
  AddNote,
  VoidEvent,
  AmendEvent,
  CloseHousehold,
  ErasePersonalData,
]);
export type HouseholdCommand = z.infer<typeof HouseholdCommand>;
