import { z } from 'zod';
import { IsoDate, ReviewType } from '../values.js';

/**
 * A review's result as a case worker enters it; also the body of
 * `POST /v1/households/{id}/assessments`. Classification is not entered: the decider derives it.
 */
export const AssessmentInput = z.strictObject({
  reviewType: ReviewType,
  effectiveDate: IsoDate,
  /** The list year the review decides; when omitted, the list-year rule supplies it. */
  listYear: z.number().int().min(2000).max(2100).optional(),
  incomePerCapitaVnd: z.number().int().min(0).max(10_000_000_000),
  /** Deprivation indicator codes of the standard the list year selects. */
  deprivations: z.array(z.string().trim().min(1).max(64)).max(30),
  decisionNo: z.string().trim().min(1).max(100).optional(),
  approvedBy: z.string().trim().min(1).max(200).optional(),
});
export type AssessmentInput = z.infer<typeof AssessmentInput>;
