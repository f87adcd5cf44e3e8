import { assertNever, type HouseholdEvent, type SupportKind } from '@benvung/domain';

/** What the read models say about one support event: a start (grant, enrolment, one-off) or a follow-up. */
export interface SupportAction {
  kind: SupportKind;
  /** loans: granted, repaid, overdue, written_off; trainings: enrolled, completed, dropped; else provided. */
  action: string;
  startsSupport: boolean;
  occurredOn: string;
  /** The amount the event records: a grant or repayment, a value, a cost; null when it records none. */
  amountVnd: number | null;
  programme: string | null;
  project: string | null;
  /** The loan or training id it starts or follows up. */
  reference: string | null;
}

const provided = (
  kind: SupportKind,
  d: { occurredOn: string; component?: string | undefined; project?: string | undefined },
  amountVnd: number | undefined,
): SupportAction => ({
  kind,
  action: 'provided',
  startsSupport: true,
  occurredOn: d.occurredOn,
  amountVnd: amountVnd ?? null,
  programme: null,
  project: d.component ?? d.project ?? null,
  reference: null,
});

const loanFollowUp = (
  action: string,
  d: { loanId: string; occurredOn: string },
  amountVnd: number | undefined,
): SupportAction => ({
  kind: 'loan',
  action,
  startsSupport: false,
  occurredOn: d.occurredOn,
  amountVnd: amountVnd ?? null,
  programme: null,
  project: null,
  reference: d.loanId,
});

/** The support action an event records, or undefined for events that are not support actions. */
export function supportActionOf(event: HouseholdEvent): SupportAction | undefined {
  switch (event.type) {
    case 'LoanGranted': {
      const d = event.data;
      return {
        kind: 'loan',
        action: 'granted',
        startsSupport: true,
        occurredOn: d.occurredOn,
        amountVnd: d.amountVnd,
        programme: d.programme,
        project: d.component ?? d.project ?? null,
        reference: d.loanId,
      };
    }
    case 'LoanRepaid':
      return loanFollowUp('repaid', event.data, event.data.amountVnd);
    case 'LoanMarkedOverdue':
      return loanFollowUp('overdue', event.data, event.data.overdueAmountVnd);
    case 'LoanWrittenOff':
      return loanFollowUp('written_off', event.data, event.data.amountVnd);
    case 'TrainingEnrolled': {
      const d = event.data;
      return {
        kind: 'training',
        action: 'enrolled',
        startsSupport: true,
        occurredOn: d.occurredOn,
        amountVnd: d.costVnd ?? null,
        programme: null,
        project: d.component ?? d.project ?? null,
        reference: d.trainingId,
      };
    }
    case 'TrainingCompleted':
    case 'TrainingDropped': {
      const d = event.data;
      const action = event.type === 'TrainingCompleted' ? 'completed' : 'dropped';
      const base = { kind: 'training' as const, action, startsSupport: false, occurredOn: d.occurredOn };
      return { ...base, amountVnd: null, programme: null, project: null, reference: d.trainingId };
    }
    case 'JobPlaced':
      return provided('job_placement', event.data, undefined);
    case 'LivelihoodSupported':
      return provided('livelihood', event.data, event.data.valueVnd);
    case 'ProductionSupported':
      return provided('production', event.data, event.data.valueVnd);
    case 'HealthInsuranceCardsIssued':
      return provided('health_insurance', event.data, undefined);
    case 'HousingSupported':
      return provided('housing', event.data, event.data.valueVnd);
    case 'WaterSanitationSupported':
      return provided('water_sanitation', event.data, event.data.valueVnd);
    case 'OtherSupportProvided':
      return provided('other', event.data, event.data.valueVnd);
    case 'HouseholdRegistered':
    case 'HouseholdMembersChanged':
    case 'HouseholdMemberAdded':
    case 'HouseholdMemberChanged':
    case 'HouseholdMemberRemoved':
    case 'HouseholdMoved':
    case 'HouseholdClosed':
    case 'HouseholdAssessed':
    case 'UnableToEscapeFlagSet':
    case 'UnableToEscapeFlagCleared':
    case 'NoteAdded':
    case 'EventVoided':
    case 'EventAmended':
    case 'PersonalDataErased':
      return undefined;
    default:
      return assertNever(event, 'household event');
  }
}
