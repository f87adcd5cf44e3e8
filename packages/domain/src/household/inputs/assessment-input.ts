import { z } from 'zod';
import { IsoDate, ListClassification, ReviewType } from '../values.js';

/**
 * A review's result as a case worker enters it; also the body of
 * `POST /v1/households/{id}/assessments`. Classification is not entered: the decider derives it.
 */
export const AssessmentInput = z
  .strictObject({
    reviewType: ReviewType,
    effectiveDate: IsoDate,
    /** The list year the review decides; when omitted, the list-year rule supplies it. */
    listYear: z.number().int().min(2000).max(2100).optional(),
    /** VND per person per month; only a baseline that states its list (`listedAs`) may omit it. */
    incomePerCapitaVnd: z.number().int().min(0).max(10_000_000_000).optional(),
    /** Deprivation indicator codes of the standard the list year selects. */
    deprivations: z.array(z.string().trim().min(1).max(64)).max(30).default([]),
    decisionNo: z.string().trim().min(1).max(100).optional(),
    approvedBy: z.string().trim().min(1).max(200).optional(),
    /** A baseline only: the list the household was on, as the decision of that review states it. */
    listedAs: ListClassification.optional(),
  })
  .refine((a) => a.listedAs === undefined || a.reviewType === 'baseline', {
    message: 'listedAs records the list of a baseline only',
    path: ['listedAs'],
  })
  .refine((a) => a.incomePerCapitaVnd !== undefined || a.listedAs !== undefined, {
    message: 'a review records the income per capita (a baseline may state its list instead)',
    path: ['incomePerCapitaVnd'],
  });
export type AssessmentInput = z.infer<typeof AssessmentInput>;
