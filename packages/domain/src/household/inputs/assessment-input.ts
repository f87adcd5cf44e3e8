import { z } from 'zod';
import { FormScoresInput } from '../../standards/form-scores.js';
import { POVERTY_STANDARDS } from '../../standards/standards.js';
import { IsoDate, ListClassification, lineText, PersonName, ReviewType } from '../values.js';

/** The indicator codes of the shipped standards, for the API's description (the rules in force may add others). */
const shippedIndicators = POVERTY_STANDARDS.map(
  (s) => `${s.id} (lists ${s.listYears.from}–${s.listYears.to}): ${s.indicators.map((i) => i.code).join(', ')}`,
).join('; ');

/**
 * A review's result as a case worker enters it; also the body of
 * `POST /v1/households/{id}/assessments`. Classification is not entered: the decider derives it.
 */
export const AssessmentInput = z
  .strictObject({
    reviewType: ReviewType,
    effectiveDate: IsoDate.describe('The date the review’s decision takes effect'),
    /** The list year the review decides; when omitted, the list-year rule supplies it. */
    listYear: z
      .number()
      .int()
      .min(2000)
      .max(2100)
      .optional()
      .describe('The year whose lists the review decides; omitted: the list-year rule supplies it'),
    /** VND per person per month; only a baseline that states its list (`listedAs`) may omit it. */
    incomePerCapitaVnd: z
      .number()
      .int()
      .min(0)
      .max(10_000_000_000)
      .optional()
      .describe('Income per person per month, in đồng; only a baseline stating its list (listedAs) may omit it'),
    /** Deprivation indicator codes of the standard the list year selects. */
    deprivations: z
      .array(z.string().trim().min(1).max(64))
      .max(30)
      .default([])
      .describe(
        `Deprivation indicator codes (chỉ số thiếu hụt dịch vụ xã hội cơ bản) of the standard the list year selects; GET /v1/rules lists those in force. Shipped standards: ${shippedIndicators}`,
      ),
    decisionNo: lineText(100).optional().describe('Number of the decision approving the list'),
    approvedBy: PersonName.optional().describe('Who approved the list (e.g. the commune chair)'),
    /** In place of the income, where the commune has no income figure (the standard's scoring decides). */
    formScores: FormScoresInput.optional(),
    /** A baseline only: the list the household was on, as the decision of that review states it. */
    listedAs: ListClassification.optional().describe(
      'A baseline only: the list the household was on, as that review’s decision states it',
    ),
  })
  .refine((a) => a.listedAs === undefined || a.reviewType === 'baseline', {
    message: 'listedAs records the list of a baseline only',
    path: ['listedAs'],
  })
  .refine((a) => a.incomePerCapitaVnd !== undefined || a.formScores !== undefined || a.listedAs !== undefined, {
    message: 'a review records the income per capita or the form scores (a baseline may state its list instead)',
    path: ['incomePerCapitaVnd'],
  })
  .refine((a) => a.incomePerCapitaVnd === undefined || a.formScores === undefined, {
    message: 'a review records the income per capita or the form scores, not both',
    path: ['formScores'],
  });
export type AssessmentInput = z.infer<typeof AssessmentInput>;
