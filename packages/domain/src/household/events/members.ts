import { z } from 'zod';
import { EthnicityCode } from '../ethnicity.js';
import { IsoDate, NationalId, PersonName, StoredName, StoredShortText } from '../values.js';

/** Who a member is, as personal data: kept apart in storage so it can be erased. */
export const MemberPerson = z.object({
  fullName: PersonName,
  nationalId: NationalId.optional(),
});
export type MemberPerson = z.infer<typeof MemberPerson>;

/** Who a member is, as events recorded it (before NFC and the character rules). */
export const StoredMemberPerson = z.object({
  fullName: StoredName,
  nationalId: NationalId.optional(),
});

export const Relationship = z
  .enum(['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other_relative', 'other'])
  .describe('Relationship to the head of the household (quan hệ với chủ hộ); one member is the head');
export const Sex = z.enum(['male', 'female']);
export const Disability = z
  .enum(['none', 'mild', 'severe', 'very_severe'])
  .describe('Degree of disability as certified (khuyết tật nhẹ, nặng, đặc biệt nặng)');
export const Schooling = z
  .enum(['not_school_age', 'attending', 'not_attending', 'completed'])
  .describe('School attendance of a school-age member');
export const WorkingStatus = z
  .enum(['employed', 'self_employed', 'unemployed', 'not_in_labour_force', 'student', 'retired'])
  .describe('Working status');

/**
 * The facts the programme reports on about a member (not personal data: they are counted, never
 * shown with a name to analysts): sex, birth year, relationship to the head, ethnicity (by the national
 * code), disability, health insurance, school attendance, working status.
 */
export const MemberFacts = z.object({
  sex: Sex,
  birthYear: z.number().int().min(1900).max(2100).optional().describe('Year of birth'),
  relationship: Relationship,
  ethnicity: EthnicityCode.optional(),
  disability: Disability.optional(),
  healthInsurance: z.boolean().optional().describe('Holds a valid health insurance card (thẻ BHYT)'),
  schooling: Schooling.optional(),
  working: WorkingStatus.optional(),
});
export type MemberFacts = z.infer<typeof MemberFacts>;

/** A member joined the household's list (listed when follow-up began, born, moved in, married in). */
export const HouseholdMemberAdded = z.object({
  type: z.literal('HouseholdMemberAdded'),
  data: z.object({
    memberId: z.uuid(),
    person: StoredMemberPerson,
    facts: MemberFacts,
    reason: z.enum(['listed', 'birth', 'moved_in', 'marriage', 'other']),
    occurredOn: IsoDate,
  }),
});
export type HouseholdMemberAdded = z.infer<typeof HouseholdMemberAdded>;

/** Facts about a member changed (or the name or ID number was corrected): only what changed. */
export const HouseholdMemberChanged = z.object({
  type: z.literal('HouseholdMemberChanged'),
  data: z.object({
    memberId: z.uuid(),
    person: StoredMemberPerson.partial().optional(),
    facts: MemberFacts.partial(),
    occurredOn: IsoDate,
  }),
});
export type HouseholdMemberChanged = z.infer<typeof HouseholdMemberChanged>;

/** A member left the household's list. */
export const HouseholdMemberRemoved = z.object({
  type: z.literal('HouseholdMemberRemoved'),
  data: z.object({
    memberId: z.uuid(),
    reason: z.enum(['death', 'moved_out', 'marriage', 'split', 'listed_in_error', 'other']),
    note: StoredShortText.optional(),
    occurredOn: IsoDate,
  }),
});
export type HouseholdMemberRemoved = z.infer<typeof HouseholdMemberRemoved>;
