import { z } from 'zod';

/** Rural or urban: the income lines and bands differ. */
export const Area = z.enum(['rural', 'urban']);
export type Area = z.infer<typeof Area>;

/** Calendar date as YYYY-MM-DD: review decisions and effective dates are dates, not instants. */
export const IsoDate = z.iso.date();

/**
 * Periodic (annual, 1 Sep – 14 Dec) or regular (monthly, on a household's request) review, or a
 * `baseline`: the list a household was already on when follow-up began, as recorded by the decision
 * of an earlier review (imports of existing lists). A baseline is the household's first review and
 * opens its history: it counts on the lists of its year, never as newly poor, escaped or relapsed.
 */
export const ReviewType = z.enum(['periodic', 'regular', 'baseline']);
export type ReviewType = z.infer<typeof ReviewType>;

/** The three list outcomes of a review. */
export const ListClassification = z.enum(['poor', 'near_poor', 'non_poor']);
export type ListClassification = z.infer<typeof ListClassification>;

/** A household's classification, `unassessed` until its first review. */
export type Classification = 'unassessed' | ListClassification;

/** A positive whole amount of Vietnamese đồng; upper bounds are business rules checked by `decide`. */
export const VndAmount = z.number().int().positive();

/** National Target Programme projects (DA1 infrastructure … DA7 capacity and M&E). */
export const NtpProject = z.enum(['DA1', 'DA2', 'DA3', 'DA4', 'DA5', 'DA6', 'DA7']);
export type NtpProject = z.infer<typeof NtpProject>;

/** Personal data of the household head; kept apart in storage so it can be erased. */
export const HouseholdHead = z.object({
  fullName: z.string().trim().min(1).max(200),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  nationalId: z
    .string()
    .regex(/^\d{9}$|^\d{12}$/, 'a national ID number has 9 (old card) or 12 (citizen ID) digits')
    .optional(),
});
export type HouseholdHead = z.infer<typeof HouseholdHead>;

/** Short free text (a course name, a model, a reason). */
export const ShortText = z.string().trim().min(1).max(500);

/** Longer free text (a note). */
export const LongText = z.string().trim().min(1).max(5000);
