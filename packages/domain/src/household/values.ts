import { z } from 'zod';
import { FORBIDDEN_CHARACTERS_ISSUE, forbiddenCharacterIn, type TextRule } from '../shared/text.js';

/**
 * Text as people type it: NFC, trimmed, within `max`, without the characters shared/text.ts forbids.
 * Inputs (commands, request bodies, the web app's forms) use these; events are read with the Stored*
 * schemas below, which keep accepting what was recorded before these rules existed.
 */
function typedText(max: number, rule: TextRule) {
  return z
    .string()
    .normalize('NFC')
    .trim()
    .min(1)
    .max(max)
    .superRefine((text, ctx) => {
      const found = forbiddenCharacterIn(text, rule);
      if (found) {
        ctx.addIssue({
          code: 'custom',
          message: rule.allowLineBreaks
            ? `must not hold control or bidirectional-override characters (${found})`
            : `must not hold control characters, line breaks or bidirectional-override characters (${found})`,
          params: { [FORBIDDEN_CHARACTERS_ISSUE]: found },
        });
      }
    });
}

/** One line of typed text (a decision number, a code): NFC, within `max`. */
export const lineText = (max: number) => typedText(max, { allowLineBreaks: false });

/** A person's full name: one line, NFC. */
export const PersonName = typedText(200, { allowLineBreaks: false }).describe('Full name');

/** A village or hamlet (thôn, ấp, bản, tổ dân phố): one line, NFC. */
export const VillageName = typedText(200, { allowLineBreaks: false }).describe(
  'Village or hamlet (thôn, ấp, bản, tổ dân phố)',
);

/** The code a commune gives a household: one line, NFC. */
export const HouseholdCode = typedText(50, { allowLineBreaks: false }).describe(
  'The code the commune gives the household',
);

/** Names as events recorded them (before NFC and the character rules): read as they are. */
export const StoredName = z.string().trim().min(1).max(200);

/** Rural or urban: the income lines and bands differ. */
export const Area = z
  .enum(['rural', 'urban'])
  .describe('Rural (nông thôn) or urban (thành thị): the income lines differ');
export type Area = z.infer<typeof Area>;

/** Calendar date as YYYY-MM-DD: review decisions and effective dates are dates, not instants. */
export const IsoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD');

/**
 * Periodic (annual, 1 Sep – 14 Dec) or regular (monthly, on a household's request) review, or a
 * `baseline`: the list a household was already on when follow-up began, as recorded by the decision
 * of an earlier review (imports of existing lists). A baseline is the household's first review and
 * opens its history: it counts on the lists of its year, never as newly poor, escaped or relapsed.
 */
export const ReviewType = z
  .enum(['periodic', 'regular', 'baseline'])
  .describe(
    'periodic: the annual review (rà soát định kỳ); regular: a review during the year (rà soát thường xuyên); baseline: the list the household was on when follow-up began',
  );
export type ReviewType = z.infer<typeof ReviewType>;

/** The three list outcomes of a review. */
export const ListClassification = z
  .enum(['poor', 'near_poor', 'non_poor'])
  .describe('poor (hộ nghèo), near_poor (hộ cận nghèo) or non_poor');
export type ListClassification = z.infer<typeof ListClassification>;

/** A household's classification, `unassessed` until its first review. */
export type Classification = 'unassessed' | ListClassification;

/** A positive whole amount of Vietnamese đồng; upper bounds are business rules checked by `decide`. */
export const VndAmount = z.number().int().positive().describe('An amount in Vietnamese đồng (whole, positive)');

/** National Target Programme projects (DA1 infrastructure … DA7 capacity and M&E). */
export const NtpProject = z
  .enum(['DA1', 'DA2', 'DA3', 'DA4', 'DA5', 'DA6', 'DA7'])
  .describe('A project (dự án) of the 2021–2025 National Target Programme; prefer `component`');
export type NtpProject = z.infer<typeof NtpProject>;

/** A national ID number (digits only, so no text rule is needed). */
export const NationalId = z
  .string()
  .regex(/^\d{9}$|^\d{12}$/, 'a national ID number has 9 (old card) or 12 (citizen ID) digits')
  .describe('National ID number: 9 digits (old identity card) or 12 (citizen identity card, CCCD)');

/** Personal data of the household head as events recorded it. */
export const StoredHouseholdHead = z.object({
  fullName: StoredName,
  birthYear: z.number().int().min(1900).max(2100).optional(),
  nationalId: NationalId.optional(),
});

/** Personal data of the household head; kept apart in storage so it can be erased. */
export const HouseholdHead = z.object({
  fullName: PersonName.describe('Full name of the head (chủ hộ)'),
  birthYear: z.number().int().min(1900).max(2100).optional().describe('Year of birth'),
  nationalId: NationalId.optional(),
});
export type HouseholdHead = z.infer<typeof HouseholdHead>;

/** Short free text (a course name, a model, a reason). */
export const ShortText = typedText(500, { allowLineBreaks: true }).describe('Free text, 1–500 characters');

/** Longer free text (a note). */
export const LongText = typedText(5000, { allowLineBreaks: true }).describe('Free text, 1–5000 characters');

/** Free text as events recorded it (before NFC and the character rules): read as it is. */
export const StoredShortText = z.string().trim().min(1).max(500);
export const StoredLongText = z.string().trim().min(1).max(5000);
