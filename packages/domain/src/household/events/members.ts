import { z } from 'zod';
import { EthnicityCode } from '../ethnicity.js';
import { IsoDate, ShortText } from '../values.js';

/** Who a member is, as personal data: kept apart in storage so it can be erased. */
export const MemberPerson = z.object({
  fullName: z.string().trim().min(1).max(200),
  nationalId: z
    .string()
    .regex(/^\d{9}$|^\d{12}$/, 'a national ID number has 9 (old card) or 12 (citizen ID) digits')
    .optional(),
});
export type MemberPerson = z.infer<typeof MemberPerson>;

export const Relationship = z.enum([
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'sibling',
  'other_relative',
  'other',
]);
export const Sex = z.enum(['male', 'female']);
export const Disability = z.enum(['none', 'mild', 'severe', 'very_severe']);
export const Schooling = z.enum(['not_school_age', 'attending', 'not_attending', 'completed']);
export const WorkingStatus = z.enum([
  'employed',
  'self_employed',
  'unemployed',
  'not_in_labour_force',
  'student',
  'retired',
]);

/**
 * The facts the programme reports on about a member (not personal data: they are counted, never
 * shown with a name to analysts): sex, birth year, relationship to the head, ethnicity (by the national
 * code), disability, health insurance, school attendance, working status.
 */
export const MemberFacts = z.object({
  sex: Sex,
  birthYear: z.number().int().min(1900).max(2100).optional(),
  relationship: Relationship,
  ethnicity: EthnicityCode.optional(),
  disability: Disability.optional(),
  healthInsurance: z.boolean().optional(),
  schooling: Schooling.optional(),
  working: WorkingStatus.optional(),
});
export type MemberFacts = z.infer<typeof MemberFacts>;

/** A member joined the household's list (listed when follow-up began, born, moved in, married in). */
export const HouseholdMemberAdded = z.object({
  type: z.literal('HouseholdMemberAdded'),
  data: z.object({
    memberId: z.uuid(),
    person: MemberPerson,
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
    person: MemberPerson.partial().optional(),
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
    note: ShortText.optional(),
    occurredOn: IsoDate,
  }),
});
export type HouseholdMemberRemoved = z.infer<typeof HouseholdMemberRemoved>;
