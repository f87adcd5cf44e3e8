import { z } from 'zod';
import type { Area, ListClassification } from '../household/values.js';
import { domainError } from '../shared/error-codes.js';
import type { PovertyStandard } from './types.js';

/**
 * A review form's scores (Circular 07/2021/TT-BLĐTBXH), entered where a commune has no income figure:
 * B1 income-proxy points stand in for income, B2 points count the deprivations. B2 follows from the
 * indicators found deprived; entered too, it is checked against them (a typing mistake otherwise).
 */
export const FormScoresInput = z
  .strictObject({
    incomeProxyPoints: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .describe('B1: the income-proxy points of the review form (phiếu B1), in place of an income figure'),
    deprivationPoints: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .optional()
      .describe('B2: the deprivation points (phiếu B2); omitted: counted from the deprivations listed'),
  })
  .describe('The review form’s scores, where the commune has no income figure (Circular 07/2021/TT-BLĐTBXH)');
export type FormScoresInput = z.infer<typeof FormScoresInput>;

/** The scores as a classification recorded them: B2 always stated. */
export interface FormScoresRecord {
  incomeProxyPoints: number;
  deprivationPoints: number;
}

/** What a standard's scoring says of a household's form scores. */
export interface ScoreOutcome {
  classification: ListClassification;
  averageLivingBand: boolean;
  scores: FormScoresRecord;
  /** The income-proxy threshold read (the area's). */
  maxPoints: number;
  unverified: string[];
}

/**
 * Classifies by form scores under a standard's scoring, read as data beside the standard: at or under
 * the area's B1 threshold the household is under the line, then poor from the B2 threshold, else
 * near-poor; above it non-poor, in the average-living band up to its B1 ceiling where the standard has
 * one. Throws FORM_SCORES_NOT_DEFINED for a standard whose scoring is not known, and
 * FORM_SCORES_INCONSISTENT for a B2 that does not match the deprivations.
 */
export function classifyByFormScores(
  standard: PovertyStandard,
  area: Area,
  input: FormScoresInput,
  deprivations: readonly string[],
  reasons: string[],
): ScoreOutcome {
  const scoring = standard.formScores;
  if (!scoring) {
    throw domainError(
      'FORM_SCORES_NOT_DEFINED',
      `standard ${standard.id} has no form scoring recorded: record the income per capita instead`,
      { standardId: standard.id },
    );
  }
  const counted = deprivations.length * scoring.pointsPerDeprivation;
  if (input.deprivationPoints !== undefined && input.deprivationPoints !== counted) {
    throw domainError(
      'FORM_SCORES_INCONSISTENT',
      `B2 ${input.deprivationPoints} points do not match ${deprivations.length} deprivation(s) × ${scoring.pointsPerDeprivation} = ${counted}`,
      { deprivationPoints: input.deprivationPoints, expectedPoints: counted, deprivationCount: deprivations.length },
    );
  }
  const b1 = input.incomeProxyPoints;
  const max = scoring.incomeProxyMaxPoints[area];
  const unverified = scoring.verify ? [`form scores: ${scoring.verify}`] : [];
  let classification: ListClassification;
  let averageLivingBand = false;
  if (b1 <= max) {
    const poor = counted >= scoring.poorMinDeprivationPoints;
    classification = poor ? 'poor' : 'near_poor';
    reasons.push(
      `B1 ${b1} points ≤ ${area} threshold ${max}; B2 ${counted} points ${poor ? '≥' : '<'} ${scoring.poorMinDeprivationPoints}: ${poor ? 'poor' : 'near-poor'}`,
    );
  } else {
    classification = 'non_poor';
    reasons.push(`B1 ${b1} points > ${area} threshold ${max}: non-poor`);
    const ceiling = scoring.averageLivingMaxPoints?.[area];
    if (ceiling !== undefined && b1 <= ceiling) {
      averageLivingBand = true;
      reasons.push(`average-living band in points (${area}: above ${max} up to ${ceiling})`);
      if (scoring.verifyAverageLiving) unverified.push(`form scores: ${scoring.verifyAverageLiving}`);
    }
  }
  return {
    classification,
    averageLivingBand,
    scores: { incomeProxyPoints: b1, deprivationPoints: counted },
    maxPoints: max,
    unverified,
  };
}
