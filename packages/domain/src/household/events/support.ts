import { z } from 'zod';
import { ComponentCode } from '../../rules/schemas.js';
import { LoanProgrammeId } from '../../standards/loan-programmes.js';
import { IsoDate, NtpProject, StoredShortText, VndAmount } from '../values.js';

/**
 * The programme component funding a support action, as every support event records it: `component`
 * (a code valid on the action's date, with the rule version it came from). Events recorded before
 * components were rule data carry `project` (DA1–DA7 of the 2021–2025 programme) instead.
 */
const Funding = {
  component: ComponentCode.optional(),
  componentVersion: z.number().int().positive().optional(),
  project: NtpProject.optional(),
};

/** A loan or training is followed up by the id it was recorded with (e.g. the lender's contract number). */
export const SupportRef = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .describe('The lender’s contract number, or any id unique within the household: follow-ups refer to it');

/** A loan granted to the household: programme, amount, term, annual rate and lender. */
export const LoanGranted = z.object({
  type: z.literal('LoanGranted'),
  data: z.object({
    loanId: SupportRef,
    programme: LoanProgrammeId,
    amountVnd: VndAmount,
    termMonths: z.number().int().positive(),
    annualRatePercent: z.number().positive(),
    /** The rule version of the rate table the rate came from (absent for a stated rate without a table). */
    rateVersion: z.number().int().positive().optional(),
    /** The rule version of the cap the loan was held to. */
    capVersion: z.number().int().positive().optional(),
    lender: StoredShortText,
    purpose: StoredShortText.optional(),
    ...Funding,
    occurredOn: IsoDate,
  }),
});
export type LoanGranted = z.infer<typeof LoanGranted>;

/** A repayment of principal on a recorded loan. */
export const LoanRepaid = z.object({
  type: z.literal('LoanRepaid'),
  data: z.object({
    loanId: SupportRef,
    amountVnd: VndAmount,
    /** Principal still owed after this repayment. */
    outstandingVnd: z.number().int().min(0),
    occurredOn: IsoDate,
  }),
});
export type LoanRepaid = z.infer<typeof LoanRepaid>;

/** A recorded loan fell overdue. */
export const LoanMarkedOverdue = z.object({
  type: z.literal('LoanMarkedOverdue'),
  data: z.object({ loanId: SupportRef, overdueAmountVnd: VndAmount.optional(), occurredOn: IsoDate }),
});
export type LoanMarkedOverdue = z.infer<typeof LoanMarkedOverdue>;

/** What remained of a loan was written off (debt relief), with the reason. */
export const LoanWrittenOff = z.object({
  type: z.literal('LoanWrittenOff'),
  data: z.object({
    loanId: SupportRef,
    amountVnd: z.number().int().min(0),
    reason: StoredShortText,
    occurredOn: IsoDate,
  }),
});
export type LoanWrittenOff = z.infer<typeof LoanWrittenOff>;

/** A member enrolled in vocational training. */
export const TrainingEnrolled = z.object({
  type: z.literal('TrainingEnrolled'),
  data: z.object({
    trainingId: SupportRef,
    course: StoredShortText,
    provider: StoredShortText.optional(),
    occupation: StoredShortText.optional(),
    costVnd: VndAmount.optional(),
    ...Funding,
    occurredOn: IsoDate,
  }),
});
export type TrainingEnrolled = z.infer<typeof TrainingEnrolled>;

/** A recorded training was completed. */
export const TrainingCompleted = z.object({
  type: z.literal('TrainingCompleted'),
  data: z.object({ trainingId: SupportRef, certified: z.boolean().optional(), occurredOn: IsoDate }),
});
export type TrainingCompleted = z.infer<typeof TrainingCompleted>;

/** A recorded training was abandoned. */
export const TrainingDropped = z.object({
  type: z.literal('TrainingDropped'),
  data: z.object({ trainingId: SupportRef, reason: StoredShortText.optional(), occurredOn: IsoDate }),
});
export type TrainingDropped = z.infer<typeof TrainingDropped>;

/** How a job was found: job fairs, labour export, a local employer, … */
export const JobChannel = z
  .enum(['job_fair', 'labour_export', 'local_employer', 'public_works', 'self_employment', 'other'])
  .describe('How the job was found');

/** A member was placed in a job (job fair, labour export, …). */
export const JobPlaced = z.object({
  type: z.literal('JobPlaced'),
  data: z.object({
    channel: JobChannel,
    employer: StoredShortText.optional(),
    occupation: StoredShortText.optional(),
    /** For labour export: the destination country. */
    country: StoredShortText.optional(),
    monthlyWageVnd: VndAmount.optional(),
    ...Funding,
    occurredOn: IsoDate,
  }),
});
export type JobPlaced = z.infer<typeof JobPlaced>;

/** The kind of livelihood model (mô hình sinh kế). */
export const LivelihoodModelType = z
  .enum(['livestock', 'crops', 'aquaculture', 'forestry', 'handicraft', 'services', 'other'])
  .describe('The kind of livelihood model (mô hình sinh kế)');

/** Livelihood models are often given to a group of households; the value is this household's share. */
export const LivelihoodGroup = z
  .object({
    name: StoredShortText.optional().describe('Name of the group (tổ, nhóm hộ)'),
    householdCount: z.number().int().min(2).max(10_000).describe('Households in the group'),
  })
  .describe('The group of households the model was given to');

/** The household joined a livelihood model (livestock, crops, aquaculture, handicraft…). */
export const LivelihoodSupported = z.object({
  type: z.literal('LivelihoodSupported'),
  data: z.object({
    model: StoredShortText,
    modelType: LivelihoodModelType,
    valueVnd: VndAmount,
    group: LivelihoodGroup.optional(),
    ...Funding,
    occurredOn: IsoDate,
  }),
});
export type LivelihoodSupported = z.infer<typeof LivelihoodSupported>;

/** Seeds, breeding stock, fertiliser, tools. */
export const ProductionSupported = z.object({
  type: z.literal('ProductionSupported'),
  data: z.object({
    items: StoredShortText,
    valueVnd: VndAmount.optional(),
    ...Funding,
    occurredOn: IsoDate,
  }),
});
export type ProductionSupported = z.infer<typeof ProductionSupported>;

/** Health insurance cards issued to members, valid until a date. */
export const HealthInsuranceCardsIssued = z.object({
  type: z.literal('HealthInsuranceCardsIssued'),
  data: z.object({ cardCount: z.number().int().positive(), validUntil: IsoDate, occurredOn: IsoDate }),
});
export type HealthInsuranceCardsIssued = z.infer<typeof HealthInsuranceCardsIssued>;

/** Housing support: a new house or a repair (DA5). */
export const HousingSupported = z.object({
  type: z.literal('HousingSupported'),
  data: z.object({
    support: z.enum(['new', 'repair']),
    valueVnd: VndAmount,
    ...Funding,
    occurredOn: IsoDate,
  }),
});
export type HousingSupported = z.infer<typeof HousingSupported>;

/** Water supply or latrine support. */
export const WaterSanitationSupported = z.object({
  type: z.literal('WaterSanitationSupported'),
  data: z.object({
    facility: z.enum(['water', 'sanitation', 'water_and_sanitation']),
    valueVnd: VndAmount.optional(),
    ...Funding,
    occurredOn: IsoDate,
  }),
});
export type WaterSanitationSupported = z.infer<typeof WaterSanitationSupported>;

/** Any other support, described. */
export const OtherSupportProvided = z.object({
  type: z.literal('OtherSupportProvided'),
  data: z.object({
    description: StoredShortText,
    valueVnd: VndAmount.optional(),
    ...Funding,
    occurredOn: IsoDate,
  }),
});
export type OtherSupportProvided = z.infer<typeof OtherSupportProvided>;
