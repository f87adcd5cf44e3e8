import { z } from 'zod';
import { Area, IsoDate, ListClassification, ReviewType, ShortText } from '../values.js';

/**
 * What a review did to the household's status (DOMAIN.md, "Household status"):
 * - `classified_*`: the first review the system knows of (a baseline; earlier lists are unknown);
 * - `no_change`: same classification as before;
 * - `escaped_poverty`: poor → near-poor or non-poor (thoát nghèo);
 * - `escaped_near_poverty`: near-poor → non-poor (thoát cận nghèo);
 * - `relapsed`: classified poor after an earlier escape (tái nghèo);
 * - `relapsed_near_poverty`: non-poor → near-poor after an earlier escape (tái cận nghèo);
 * - `newly_poor`: non-poor → poor, never escaped, so never on a list (phát sinh nghèo);
 * - `newly_near_poor`: non-poor → near-poor, never on a list (phát sinh cận nghèo);
 * - `became_poor`: near-poor → poor without an earlier escape (cận nghèo → nghèo).
 */
export const Transition = z.enum([
  'classified_poor',
  'classified_near_poor',
  'classified_non_poor',
  'no_change',
  'escaped_poverty',
  'escaped_near_poverty',
  'relapsed',
  'relapsed_near_poverty',
  'newly_poor',
  'newly_near_poor',
  'became_poor',
]);
export type Transition = z.infer<typeof Transition>;

/**
 * A review's result with what it measured and what it decided. `transition` is what the review
 * meant when recorded; after a correction to an earlier review the state re-derives transitions.
 */
export const HouseholdAssessed = z.object({
  type: z.literal('HouseholdAssessed'),
  data: z.object({
    reviewType: ReviewType,
    effectiveDate: IsoDate,
    listYear: z.number().int(),
    incomePerCapitaVnd: z.number().int().min(0),
    deprivations: z.array(z.string()),
    decisionNo: z.string().trim().min(1).max(100).optional(),
    approvedBy: z.string().trim().min(1).max(200).optional(),
    /** The area the lines were read for. */
    area: Area,
    standardId: z.string(),
    classification: ListClassification,
    averageLivingBand: z.boolean(),
    previousClassification: z.enum(['unassessed', 'poor', 'near_poor', 'non_poor']),
    transition: Transition,
    reasons: z.array(z.string()),
  }),
});
export type HouseholdAssessed = z.infer<typeof HouseholdAssessed>;

/** Why a household cannot escape: no working-age labour, social-protection beneficiaries, … */
export const UnableToEscapeBasis = z.enum(['no_working_age_labour', 'social_protection_beneficiary', 'other']);
export type UnableToEscapeBasis = z.infer<typeof UnableToEscapeBasis>;

/** A case worker flagged the household as unable to escape poverty, with the basis and a reason. */
export const UnableToEscapeFlagSet = z.object({
  type: z.literal('UnableToEscapeFlagSet'),
  data: z.object({ basis: UnableToEscapeBasis, reason: ShortText, occurredOn: IsoDate }),
});
export type UnableToEscapeFlagSet = z.infer<typeof UnableToEscapeFlagSet>;

/** The unable-to-escape flag was cleared, with a reason. */
export const UnableToEscapeFlagCleared = z.object({
  type: z.literal('UnableToEscapeFlagCleared'),
  data: z.object({ reason: ShortText, occurredOn: IsoDate }),
});
export type UnableToEscapeFlagCleared = z.infer<typeof UnableToEscapeFlagCleared>;
