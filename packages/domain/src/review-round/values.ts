import { z } from 'zod';
import { lineText, PersonName, ShortText } from '../household/values.js';
import { FormScoresInput } from '../standards/form-scores.js';

/**
 * A review round (đợt rà soát): a commune's review of its households for one list year, periodic
 * (the annual campaign, rà soát định kỳ) or regular (rà soát thường xuyên, on households' requests).
 */
export const RoundKind = z
  .enum(['periodic', 'regular'])
  .describe('periodic: the annual campaign (rà soát định kỳ); regular: a review during the year (thường xuyên)');
export type RoundKind = z.infer<typeof RoundKind>;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * A round's id. A periodic round's follows from its commune and list year (`periodic-96001-2027`), so
 * the store's "stream must not exist" check on opening is what keeps one periodic round per commune
 * and year, even between two gateways; a regular round has a UUID (`regular-<uuid>`).
 */
export const RoundId = z
  .string()
  .regex(new RegExp(`^(periodic-\\d{5}-\\d{4}|regular-${UUID})$`), 'periodic-<commune>-<list year> or regular-<uuid>')
  .describe('The round id: periodic-<commune>-<list year>, or regular-<uuid>');
export type RoundId = z.infer<typeof RoundId>;

/** The id of the periodic round of a commune and list year. */
export const periodicRoundId = (unitCode: string, listYear: number): string => `periodic-${unitCode}-${listYear}`;

/** The id of a regular round, from a UUID the caller supplies. */
export const regularRoundId = (uuid: string): string => `regular-${uuid.toLowerCase()}`;

/** The event stream of a round. */
export const roundStreamId = (roundId: string): string => `round-${roundId}`;

/** A document a step rests on: its number and title as the commune files it (biên bản, thông báo). */
export const DocumentRef = lineText(200).describe(
  'The document this step rests on, as filed: number and title (e.g. “Biên bản số 12/BB-BCĐ, họp thôn Ấp 3”)',
);

/** Who signs a decision (the commune chair): one line, NFC. */
export const Signer = PersonName.describe('Who signed the decision (the commune People’s Committee chair)');

/** The decision's number, as issued (e.g. 125/QĐ-UBND). */
export const DecisionNumber = lineText(100).describe('The decision’s number as issued (e.g. 125/QĐ-UBND)');

/** Free text of a complaint (its substance, kept apart as personal data). */
export const ComplaintSummary = ShortText.describe('What the complaint says, in a sentence or two');

/**
 * What a survey found, or what a meeting or complaint changed it to: income per person, or the form's
 * scores where the commune has no income figure, with the deprivation indicators found.
 */
export const SurveyResult = z
  .strictObject({
    incomePerCapitaVnd: z
      .number()
      .int()
      .min(0)
      .max(10_000_000_000)
      .optional()
      .describe('Income per person per month, in đồng (or formScores, not both)'),
    formScores: FormScoresInput.optional(),
    deprivations: z
      .array(z.string().trim().min(1).max(64))
      .max(30)
      .default([])
      .describe('Deprivation indicator codes of the standard of the round’s list year (GET /v1/rules)'),
  })
  .refine((r) => (r.incomePerCapitaVnd === undefined) !== (r.formScores === undefined), {
    message: 'a survey records the income per capita or the form scores, one of the two',
    path: ['incomePerCapitaVnd'],
  });
export type SurveyResult = z.infer<typeof SurveyResult>;

/** A survey result as events record it (read as recorded). */
export const StoredSurveyResult = z.object({
  incomePerCapitaVnd: z.number().int().min(0).optional(),
  formScores: z
    .object({ incomeProxyPoints: z.number().int().min(0), deprivationPoints: z.number().int().min(0).optional() })
    .optional(),
  deprivations: z.array(z.string()),
});
export type StoredSurveyResult = z.infer<typeof StoredSurveyResult>;

/** What a result was classified as when recorded (the decision classifies again, on its own date). */
export const ResultClassification = z.object({
  classification: z.enum(['poor', 'near_poor', 'non_poor']),
  standardId: z.string(),
  averageLivingBand: z.boolean(),
});
export type ResultClassification = z.infer<typeof ResultClassification>;
