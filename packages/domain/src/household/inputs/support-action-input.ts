import { z } from 'zod';
import { ComponentCode } from '../../rules/schemas.js';
import { SHIPPED_RULE_DOCUMENTS } from '../../rules/shipped.js';
import { LoanProgrammeId } from '../../standards/loan-programmes.js';
import { JobChannel, LivelihoodGroup, LivelihoodModelType, SupportRef } from '../events/support.js';
import { IsoDate, NtpProject, ShortText, VndAmount } from '../values.js';

/*
 * Support actions as case workers enter them; also the body of
 * `POST /v1/households/{id}/support-actions`. Discriminated on `kind`; loans and trainings have a second
 * discriminator for their follow-ups (`action`, `stage`), defaulting to the grant / enrolment.
 */

/** Codes of the shipped rule documents, for the API's descriptions (the rules in force may add others). */
const shipped = {
  programmes: SHIPPED_RULE_DOCUMENTS.flatMap((d) => d.loanProgrammes ?? []).map((p) => p.id),
  components: SHIPPED_RULE_DOCUMENTS.flatMap((d) => d.programmeComponents ?? []).map((c) => c.code),
};

const OccurredAt = IsoDate.describe('The date it happened');

const common = {
  occurredAt: OccurredAt,
  /** The programme component funding it (DA1–DA7 until 2025; the 2026–2035 programme's from 2026). */
  component: ComponentCode.optional().describe(
    `The National Target Programme component (dự án, tiểu dự án) funding it, valid on the date; GET /v1/rules lists those in force. Shipped: ${shipped.components.join(', ')}`,
  ),
  /** Before components were rule data: a 2021–2025 project (DA1–DA7). Read as `component`. */
  project: NtpProject.optional(),
};
const Kind = <K extends string>(kind: K, what: string) => z.literal(kind).describe(`The kind of support: ${what}`);

/** A loan granted (the default `action`). */
export const LoanGrantInput = z.strictObject({
  kind: Kind('loan', 'a loan (vay vốn) and its follow-ups'),
  action: z.literal('granted').default('granted').describe('granted (default), repaid, overdue or written_off'),
  /** The lender's contract number, or any id unique within the household: follow-ups refer to it. */
  loanId: SupportRef,
  programme: LoanProgrammeId.describe(
    `The lending programme (GET /v1/rules lists those in force). Shipped: ${shipped.programmes.join(', ')}`,
  ),
  amountVnd: VndAmount.describe('Amount lent, in đồng (within the programme’s cap on the date)'),
  termMonths: z.number().int().positive().describe('Term in months (within the programme’s maximum)'),
  /** Omitted: the VBSP rate in force on the date. Given: must match it where the table has one. */
  annualRatePercent: z
    .number()
    .positive()
    .optional()
    .describe('Annual rate in percent; omitted: the VBSP rate in force on the date (a given one must match it)'),
  lender: ShortText.default('VBSP').describe('The lender: VBSP (Ngân hàng Chính sách xã hội) by default'),
  purpose: ShortText.optional().describe('What the loan is for'),
  ...common,
});

/** A repayment of a recorded loan. */
export const LoanRepaymentInput = z.strictObject({
  kind: z.literal('loan'),
  action: z.literal('repaid'),
  loanId: SupportRef,
  amountVnd: VndAmount.describe('Amount repaid, in đồng (at most the outstanding amount)'),
  occurredAt: OccurredAt,
});

/** A recorded loan fell overdue. */
export const LoanOverdueInput = z.strictObject({
  kind: z.literal('loan'),
  action: z.literal('overdue'),
  loanId: SupportRef,
  overdueAmountVnd: VndAmount.optional().describe('Amount overdue, in đồng'),
  occurredAt: OccurredAt,
});

/** A recorded loan was written off. */
export const LoanWriteOffInput = z.strictObject({
  kind: z.literal('loan'),
  action: z.literal('written_off'),
  loanId: SupportRef,
  reason: ShortText.describe('Why the debt was written off (xóa nợ)'),
  occurredAt: OccurredAt,
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
  kind: Kind('training', 'vocational training (đào tạo nghề) and its stages'),
  stage: z.literal('enrolled').default('enrolled').describe('enrolled (default), completed or dropped'),
  trainingId: SupportRef,
  course: ShortText.describe('The course'),
  provider: ShortText.optional().describe('Who gives it'),
  occupation: ShortText.optional().describe('The occupation it trains for'),
  costVnd: VndAmount.optional().describe('Cost paid by the programme, in đồng'),
  ...common,
});

/** A recorded training was completed. */
export const TrainingCompletionInput = z.strictObject({
  kind: z.literal('training'),
  stage: z.literal('completed'),
  trainingId: SupportRef,
  certified: z.boolean().optional().describe('Whether a certificate was awarded'),
  occurredAt: OccurredAt,
});

/** A recorded training was abandoned. */
export const TrainingDropInput = z.strictObject({
  kind: z.literal('training'),
  stage: z.literal('dropped'),
  trainingId: SupportRef,
  reason: ShortText.optional().describe('Why it was abandoned'),
  occurredAt: OccurredAt,
});

/** A training enrolment or follow-up, discriminated on `stage`. */
export const TrainingInput = z.discriminatedUnion('stage', [
  TrainingEnrolmentInput,
  TrainingCompletionInput,
  TrainingDropInput,
]);

/** A job placement. */
export const JobPlacementInput = z.strictObject({
  kind: Kind('job_placement', 'a member placed in a job (việc làm)'),
  channel: JobChannel,
  employer: ShortText.optional().describe('The employer'),
  occupation: ShortText.optional().describe('The job'),
  country: ShortText.optional().describe('For labour export: the destination country'),
  monthlyWageVnd: VndAmount.optional().describe('Monthly wage, in đồng'),
  ...common,
});

/** A livelihood model given to the household (often with a group). */
export const LivelihoodInput = z.strictObject({
  kind: Kind('livelihood', 'a livelihood model (mô hình sinh kế)'),
  model: ShortText.describe('The model (e.g. raising cows, growing cinnamon)'),
  modelType: LivelihoodModelType.default('other'),
  /** This household's share of the model's value. */
  valueVnd: VndAmount.describe('This household’s share of the model’s value, in đồng'),
  group: LivelihoodGroup.optional(),
  ...common,
});

/** Production support (seeds, breeding stock). */
export const ProductionInput = z.strictObject({
  kind: Kind('production', 'production support: seeds, breeding stock, fertiliser, tools'),
  items: ShortText.describe('What was given'),
  valueVnd: VndAmount.optional().describe('Value, in đồng'),
  ...common,
});

/** Health insurance cards issued. */
export const HealthInsuranceInput = z.strictObject({
  kind: Kind('health_insurance', 'health insurance cards (thẻ BHYT) issued'),
  cardCount: z.number().int().positive().describe('Cards issued (at most the household’s members)'),
  validUntil: IsoDate.describe('Last day the cards are valid (after the issue date)'),
  occurredAt: IsoDate.describe('The issue date'),
});

/** Housing support (new or repair). */
export const HousingInput = z.strictObject({
  kind: Kind('housing', 'housing support (hỗ trợ nhà ở)'),
  support: z.enum(['new', 'repair']).describe('A new house, or repairs'),
  valueVnd: VndAmount.describe('Value, in đồng'),
  ...common,
});

/** Water or sanitation support. */
export const WaterSanitationInput = z.strictObject({
  kind: Kind('water_sanitation', 'clean water or sanitation (nước sạch, nhà tiêu hợp vệ sinh)'),
  facility: z.enum(['water', 'sanitation', 'water_and_sanitation']).describe('What was built or supplied'),
  valueVnd: VndAmount.optional().describe('Value, in đồng'),
  ...common,
});

/** Any other support. */
export const OtherSupportInput = z.strictObject({
  kind: Kind('other', 'any other support'),
  description: ShortText.describe('What was given'),
  valueVnd: VndAmount.optional().describe('Value, in đồng'),
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
