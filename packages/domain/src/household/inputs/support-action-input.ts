import { z } from 'zod';
import { ComponentCode } from '../../rules/schemas.js';
import { LoanProgrammeId } from '../../standards/loan-programmes.js';
import { JobChannel, LivelihoodGroup, LivelihoodModelType, SupportRef } from '../events/support.js';
import { IsoDate, NtpProject, ShortText, VndAmount } from '../values.js';

/*
 * Support actions as case workers enter them; also the body of
 * `POST /v1/households/{id}/support-actions`. Discriminated on `kind`; loans and trainings have a second
 * discriminator for their follow-ups (`action`, `stage`), defaulting to the grant / enrolment.
 */

const common = {
  occurredAt: IsoDate,
  /** The programme component funding it (DA1–DA7 until 2025; the 2026–2035 programme's from 2026). */
  component: ComponentCode.optional(),
  /** Before components were rule data: a 2021–2025 project (DA1–DA7). Read as `component`. */
  project: NtpProject.optional(),
};

/** A loan granted (the default `action`). */
export const LoanGrantInput = z.strictObject({
  kind: z.literal('loan'),
  action: z.literal('granted').default('granted'),
  /** The lender's contract number, or any id unique within the household: follow-ups refer to it. */
  loanId: SupportRef,
  programme: LoanProgrammeId,
  amountVnd: VndAmount,
  termMonths: z.number().int().positive(),
  /** Omitted: the VBSP rate in force on the date. Given: must match it where the table has one. */
  annualRatePercent: z.number().positive().optional(),
  lender: ShortText.default('VBSP'),
  purpose: ShortText.optional(),
  ...common,
});

/** A repayment of a recorded loan. */
export const LoanRepaymentInput = z.strictObject({
  kind: z.literal('loan'),
  action: z.literal('repaid'),
  loanId: SupportRef,
  amountVnd: VndAmount,
  occurredAt: IsoDate,
});

/** A recorded loan fell overdue. */
export const LoanOverdueInput = z.strictObject({
  kind: z.literal('loan'),
  action: z.literal('overdue'),
  loanId: SupportRef,
  overdueAmountVnd: VndAmount.optional(),
  occurredAt: IsoDate,
});

/** A recorded loan was written off. */
export const LoanWriteOffInput = z.strictObject({
  kind: z.literal('loan'),
  action: z.literal('written_off'),
  loanId: SupportRef,
  reason: ShortText,
  occurredAt: IsoDate,
});

/** A loan grant or follow-up, discriminated on `action`. */
export const LoanInput = z.discriminatedUnion('action', [
  LoanGrantInput,
  LoanRepaymentInput,
  LoanOverdueInput,
  LoanWriteOffInput,
]);

/** A training enrolment (the default stage). */
export const TrainingEnrolmentInput = z.strictObject({
  kind: z.literal('training'),
  stage: z.literal('enrolled').default('enrolled'),
  trainingId: SupportRef,
  course: ShortText,
  provider: ShortText.optional(),
  occupation: ShortText.optional(),
  costVnd: VndAmount.optional(),
  ...common,
});

/** A recorded training was completed. */
export const TrainingCompletionInput = z.strictObject({
  kind: z.literal('training'),
  stage: z.literal('completed'),
  trainingId: SupportRef,
  certified: z.boolean().optional(),
  occurredAt: IsoDate,
});

/** A recorded training was abandoned. */
export const TrainingDropInput = z.strictObject({
  kind: z.literal('training'),
  stage: z.literal('dropped'),
  trainingId: SupportRef,
  reason: ShortText.optional(),
  occurredAt: IsoDate,
});

/** A training enrolment or follow-up, discriminated on `stage`. */
export const TrainingInput = z.discriminatedUnion('stage', [
  TrainingEnrolmentInput,
  TrainingCompletionInput,
  TrainingDropInput,
]);

/** A job placement. */
export const JobPlacementInput = z.strictObject({
  kind: z.literal('job_placement'),
  channel: JobChannel,
  employer: ShortText.optional(),
  occupation: ShortText.optional(),
  country: ShortText.optional(),
  monthlyWageVnd: VndAmount.optional(),
  ...common,
});

/** A livelihood model given to the household (often with a group). */
export const LivelihoodInput = z.strictObject({
  kind: z.literal('livelihood'),
  model: ShortText,
  modelType: LivelihoodModelType.default('other'),
  /** This household's share of the model's value. */
  valueVnd: VndAmount,
  group: LivelihoodGroup.optional(),
  ...common,
});

/** Production support (seeds, breeding stock). */
export const ProductionInput = z.strictObject({
  kind: z.literal('production'),
  items: ShortText,
  valueVnd: VndAmount.optional(),
  ...common,
});

/** Health insurance cards issued. */
export const HealthInsuranceInput = z.strictObject({
  kind: z.literal('health_insurance'),
  cardCount: z.number().int().positive(),
  validUntil: IsoDate,
  occurredAt: IsoDate,
});

/** Housing support (new or repair). */
export const HousingInput = z.strictObject({
  kind: z.literal('housing'),
  support: z.enum(['new', 'repair']),
  valueVnd: VndAmount,
  ...common,
});

/** Water or sanitation support. */
export const WaterSanitationInput = z.strictObject({
  kind: z.literal('water_sanitation'),
  facility: z.enum(['water', 'sanitation', 'water_and_sanitation']),
  valueVnd: VndAmount.optional(),
  ...common,
});

/** Any other support. */
export const OtherSupportInput = z.strictObject({
  kind: z.literal('other'),
  description: ShortText,
  valueVnd: VndAmount.optional(),
  ...common,
});

/** Any support action or follow-up, discriminated on `kind`. */
export const SupportActionInput = z.discriminatedUnion('kind', [
  LoanInput,
  TrainingInput,
  JobPlacementInput,
  LivelihoodInput,
  ProductionInput,
  HealthInsuranceInput,
  HousingInput,
  WaterSanitationInput,
  OtherSupportInput,
]);
export type SupportActionInput = z.infer<typeof SupportActionInput>;
export type SupportActionKind = SupportActionInput['kind'];
