import { z } from 'zod';
import { Area, IsoDate, ListClassification, ReviewType, StoredShortText } from '../values.js';
import { AreaSource } from './lifecycle.js';

/**
 * What a review did to the household's status, derived from its whole counting classification history
 * (DOMAIN.md, "Household status"; `deriveTransition` is the one definition):
 * - `classified_poor` / `classified_near_poor`: a baseline — the first review, recording the list the
 *   household was already on when follow-up began (review type `baseline`, used by imports);
 * - `classified_non_poor`: a first review (baseline or not) that puts the household on no list;
 * - `no_change`: same classification as before;
 * - `newly_poor` (phát sinh nghèo): classified poor, never poor before — a first review that is not a
 *   baseline, and a household coming from the near-poor list, included;
 * - `relapsed` (tái nghèo): poor again after an escape from poverty;
 * - `newly_near_poor` (phát sinh cận nghèo): near-poor from non-poor (or at a first review), not a relapse;
 * - `relapsed_near_poverty` (tái cận nghèo): near-poor again after an escape from near-poverty, not
 *   poor in between;
 * - `escaped_poverty` (thoát nghèo): poor → near-poor or non-poor;
 * - `escaped_near_poverty` (thoát cận nghèo): near-poor → non-poor;
 * - `became_poor`: kept only to read events recorded before these rules; such a review is re-derived
 *   as `newly_poor` (or `relapsed`).
 * The value stored in an event is what the review meant when recorded; the household's state, and
 * every read model built from it, re-derive it whenever an earlier review is voided or amended.
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
    /** Absent for a baseline that stated its list without figures, and for a review by form scores. */
    incomePerCapitaVnd: z.number().int().min(0).optional(),
    /** A review by the form's scores (B1 income proxy, B2 deprivations) where there was no income figure. */
    formScores: z
      .object({ incomeProxyPoints: z.number().int().min(0), deprivationPoints: z.number().int().min(0) })
      .optional(),
    /** A baseline's list as its decision states it (then the classification). */
    listedAs: ListClassification.optional(),
    deprivations: z.array(z.string()),
    decisionNo: z.string().trim().min(1).max(100).optional(),
    approvedBy: z.string().trim().min(1).max(200).optional(),
    /** The review round whose decision this review applies (absent for a review recorded on its own). */
    roundId: z.string().min(1).max(100).optional(),
    /** The area the lines were read for, and how it was settled (commune kind, stated, override). */
    area: Area,
    areaSource: AreaSource.optional(),
    standardId: z.string(),
    /** The rule version that supplied the standard (absent on events recorded before rules were versioned). */
    standardVersion: z.number().int().positive().optional(),
    classification: ListClassification,
    averageLivingBand: z.boolean(),
    previousClassification: z.enum(['unassessed', 'poor', 'near_poor', 'non_poor']),
    transition: Transition,
    reasons: z.array(z.string()),
    /** The parts of the standard this classification depended on that were not yet confirmed. */
    unverified: z.array(z.string()).optional(),
  }),
});
export type HouseholdAssessed = z.infer<typeof HouseholdAssessed>;

/**
 * Why a household cannot escape poverty (hộ không có khả năng thoát nghèo). The statutory bases: no
 * member able to work — all members elderly or children (`no_working_age_labour`), or with severe
 * disabilities (`severe_disability`) or chronic illness (`chronic_illness`), or too many dependants for
 * the few who can work (`many_dependants`) — and members who are regular social-assistance beneficiaries
 * (`social_protection_beneficiary`, Decree 20/2021/NĐ-CP). `other` needs its reason. [verify wording]
 */
export const UnableToEscapeBasis = z
  .enum([
    'no_working_age_labour',
    'severe_disability',
    'chronic_illness',
    'many_dependants',
    'social_protection_beneficiary',
    'other',
  ])
  .describe(
    'Why the household cannot escape poverty: no_working_age_labour (all members elderly or children), severe_disability, chronic_illness, many_dependants, social_protection_beneficiary (regular social assistance, Decree 20/2021/NĐ-CP), other (say why in reason)',
  );
export type UnableToEscapeBasis = z.infer<typeof UnableToEscapeBasis>;

/** A case worker flagged the household as unable to escape poverty, with the basis and a reason. */
export const UnableToEscapeFlagSet = z.object({
  type: z.literal('UnableToEscapeFlagSet'),
  data: z.object({ basis: UnableToEscapeBasis, reason: StoredShortText, occurredOn: IsoDate }),
});
export type UnableToEscapeFlagSet = z.infer<typeof UnableToEscapeFlagSet>;

/**
 * The unable-to-escape flag was cleared, with a reason: by a case worker, or (`cause: 'escape'`) as the
 * recorded consequence of a review that took the household off its list.
 */
export const UnableToEscapeFlagCleared = z.object({
  type: z.literal('UnableToEscapeFlagCleared'),
  data: z.object({ reason: StoredShortText, occurredOn: IsoDate, cause: z.enum(['case_worker', 'escape']).optional() }),
});
export type UnableToEscapeFlagCleared = z.infer<typeof UnableToEscapeFlagCleared>;
