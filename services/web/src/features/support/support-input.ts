import {
  HealthInsuranceInput,
  HousingInput,
  JobPlacementInput,
  LivelihoodInput,
  LoanGrantInput,
  LoanOverdueInput,
  LoanRepaymentInput,
  LoanWriteOffInput,
  OtherSupportInput,
  ProductionInput,
  type SupportActionKind,
  TrainingCompletionInput,
  TrainingDropInput,
  TrainingEnrolmentInput,
  WaterSanitationInput,
} from '@benvung/domain';

export type LoanAction = 'granted' | 'repaid' | 'overdue' | 'written_off';
export type TrainingStage = 'enrolled' | 'completed' | 'dropped';

/** The domain's input schema of each support action, by kind (and loan action or training stage). */
export const LOAN_SCHEMAS = {
  granted: LoanGrantInput,
  repaid: LoanRepaymentInput,
  overdue: LoanOverdueInput,
  written_off: LoanWriteOffInput,
} as const;
export const TRAINING_SCHEMAS = {
  enrolled: TrainingEnrolmentInput,
  completed: TrainingCompletionInput,
  dropped: TrainingDropInput,
} as const;
const OTHER_SCHEMAS = {
  job_placement: JobPlacementInput,
  livelihood: LivelihoodInput,
  production: ProductionInput,
  health_insurance: HealthInsuranceInput,
  housing: HousingInput,
  water_sanitation: WaterSanitationInput,
  other: OtherSupportInput,
} as const;

export const SUPPORT_KINDS: readonly SupportActionKind[] = [
  'loan',
  'training',
  ...Object.keys(OTHER_SCHEMAS),
] as SupportActionKind[];
export const LOAN_ACTIONS = Object.keys(LOAN_SCHEMAS) as LoanAction[];
export const TRAINING_STAGES = Object.keys(TRAINING_SCHEMAS) as TrainingStage[];

type Money = number | '';

/**
 * What the support form holds: the fields of every kind, by the API's names, empty as ''. Only the
 * fields of the chosen kind are sent.
 */
export interface SupportFields {
  kind: SupportActionKind;
  action: LoanAction;
  stage: TrainingStage;
  occurredAt: string;
  component: string;
  loanId: string;
  programme: string;
  amountVnd: Money;
  termMonths: number | '';
  annualRatePercent: number | '';
  lender: string;
  purpose: string;
  overdueAmountVnd: Money;
  reason: string;
  trainingId: string;
  course: string;
  provider: string;
  occupation: string;
  costVnd: Money;
  certified: boolean;
  channel: string;
  employer: string;
  country: string;
  monthlyWageVnd: Money;
  model: string;
  modelType: string;
  valueVnd: Money;
  group: { name: string; householdCount: number | '' };
  items: string;
  cardCount: number | '';
  validUntil: string;
  support: string;
  facility: string;
  description: string;
}

export const emptySupportFields = (occurredAt: string): SupportFields => ({
  kind: 'loan',
  action: 'granted',
  stage: 'enrolled',
  occurredAt,
  component: '',
  loanId: '',
  programme: '',
  amountVnd: '',
  termMonths: '',
  annualRatePercent: '',
  lender: 'VBSP',
  purpose: '',
  overdueAmountVnd: '',
  reason: '',
  trainingId: '',
  course: '',
  provider: '',
  occupation: '',
  costVnd: '',
  certified: false,
  channel: '',
  modelType: 'other',
  employer: '',
  country: '',
  monthlyWageVnd: '',
  model: '',
  valueVnd: '',
  group: { name: '', householdCount: '' },
  items: '',
  cardCount: '',
  validUntil: '',
  support: '',
  facility: '',
  description: '',
});

/** The domain's schema of the action the form is set to. */
export function schemaFor(v: Pick<SupportFields, 'kind' | 'action' | 'stage'>) {
  if (v.kind === 'loan') return LOAN_SCHEMAS[v.action];
  if (v.kind === 'training') return TRAINING_SCHEMAS[v.stage];
  return OTHER_SCHEMAS[v.kind];
}

/** True when the chosen action names the programme component funding it. */
export const takesComponent = (v: Pick<SupportFields, 'kind' | 'action' | 'stage'>) =>
  'component' in schemaFor(v).shape;

/** A value as sent: '' and blank text left out, an object left out when all of it is. */
function given(value: unknown): unknown {
  if (value === '' || value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value).flatMap(([k, x]) => {
      const g = given(x);
      return g === undefined ? [] : [[k, g] as const];
    });
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/** The request body for the form's values: the chosen action's fields only, as its schema names them. */
export function toSupportInput(v: SupportFields): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(schemaFor(v).shape)) {
    const value = given((v as unknown as Record<string, unknown>)[key]);
    if (value !== undefined) body[key] = value;
  }
  return body;
}
