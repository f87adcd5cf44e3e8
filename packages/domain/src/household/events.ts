import { z } from 'zod';
import { HouseholdAssessed, UnableToEscapeFlagCleared, UnableToEscapeFlagSet } from './events/assessment.js';
import { EventAmended, EventVoided, NoteAdded } from './events/corrections.js';
import { PersonalDataErased } from './events/erasure.js';
import { HouseholdClosed, HouseholdMembersChanged, HouseholdMoved, HouseholdRegistered } from './events/lifecycle.js';
import { HouseholdMemberAdded, HouseholdMemberChanged, HouseholdMemberRemoved } from './events/members.js';
import {
  HealthInsuranceCardsIssued,
  HousingSupported,
  JobPlaced,
  LivelihoodSupported,
  LoanGranted,
  LoanMarkedOverdue,
  LoanRepaid,
  LoanWrittenOff,
  OtherSupportProvided,
  ProductionSupported,
  TrainingCompleted,
  TrainingDropped,
  TrainingEnrolled,
  WaterSanitationSupported,
} from './events/support.js';

export * from './events/assessment.js';
export * from './events/corrections.js';
export * from './events/erasure.js';
export * from './events/lifecycle.js';
export * from './events/members.js';
export * from './events/support.js';
export { Area, HouseholdHead, IsoDate } from './values.js';

/** Every household event, as recorded. Past-tense types; the shape of each is versioned below. */
export const HouseholdEvent = z.discriminatedUnion('type', [
  HouseholdRegistered,
  HouseholdMembersChanged,
  HouseholdMemberAdded,
  HouseholdMemberChanged,
  HouseholdMemberRemoved,
  HouseholdMoved,
  HouseholdAssessed,
  UnableToEscapeFlagSet,
  UnableToEscapeFlagCleared,
  LoanGranted,
  LoanRepaid,
  LoanMarkedOverdue,
  LoanWrittenOff,
  TrainingEnrolled,
  TrainingCompleted,
  TrainingDropped,
  JobPlaced,
  LivelihoodSupported,
  ProductionSupported,
  HealthInsuranceCardsIssued,
  HousingSupported,
  WaterSanitationSupported,
  OtherSupportProvided,
  NoteAdded,
  EventVoided,
  EventAmended,
  HouseholdClosed,
  PersonalDataErased,
]);
export type HouseholdEvent = z.infer<typeof HouseholdEvent>;
export type HouseholdEventType = HouseholdEvent['type'];

/** An event with the id the store recorded it under: what `evolve` needs to honour corrections. */
export interface HouseholdEventEnvelope {
  eventId: string;
  event: HouseholdEvent;
}

/** Current schema version of each event type; bump with an upcaster when a shape changes. */
export const HOUSEHOLD_EVENT_SCHEMA_VERSIONS: Record<HouseholdEventType, number> = {
  HouseholdRegistered: 1,
  HouseholdMembersChanged: 1,
  HouseholdMemberAdded: 1,
  HouseholdMemberChanged: 1,
  HouseholdMemberRemoved: 1,
  HouseholdMoved: 1,
  HouseholdAssessed: 1,
  UnableToEscapeFlagSet: 1,
  UnableToEscapeFlagCleared: 1,
  LoanGranted: 1,
  LoanRepaid: 1,
  LoanMarkedOverdue: 1,
  LoanWrittenOff: 1,
  TrainingEnrolled: 1,
  TrainingCompleted: 1,
  TrainingDropped: 1,
  JobPlaced: 1,
  LivelihoodSupported: 1,
  ProductionSupported: 1,
  HealthInsuranceCardsIssued: 1,
  HousingSupported: 1,
  WaterSanitationSupported: 1,
  OtherSupportProvided: 1,
  NoteAdded: 1,
  EventVoided: 1,
  EventAmended: 1,
  HouseholdClosed: 1,
  PersonalDataErased: 1,
};

/**
 * Fields of each event type that are personal data, moved to the erasable part on write: the head's
 * identity, free-text notes, and the unable-to-escape reasons (they describe health and disability).
 * An amendment's replacement carries the same fields under `replacement.data`.
 */
export const PERSONAL_FIELDS: Partial<Record<HouseholdEventType, readonly string[]>> = {
  HouseholdRegistered: ['head'],
  HouseholdMemberAdded: ['person'],
  HouseholdMemberChanged: ['person'],
  NoteAdded: ['text'],
  UnableToEscapeFlagSet: ['reason'],
  UnableToEscapeFlagCleared: ['reason'],
};

/** What an erased personal field reads as, so the event still validates and replays. */
export const ERASED_PLACEHOLDERS: Readonly<Record<string, unknown>> = {
  head: { fullName: '[erased]' },
  person: { fullName: '[erased]' },
  text: '[erased]',
  reason: '[erased]',
};

/** The kinds of support analytics group by (`supportKind`), one per support action kind. */
export const SupportKind = z.enum([
  'loan',
  'training',
  'job_placement',
  'livelihood',
  'production',
  'health_insurance',
  'housing',
  'water_sanitation',
  'other',
]);
export type SupportKind = z.infer<typeof SupportKind>;

/**
 * The support kind an event starts, if it starts one: a loan granted, a training enrolment, … Follow-ups
 * (repayments, completions) belong to the support already counted.
 */
export function supportKindOf(event: HouseholdEvent): SupportKind | undefined {
  switch (event.type) {
    case 'LoanGranted':
      return 'loan';
    case 'TrainingEnrolled':
      return 'training';
    case 'JobPlaced':
      return 'job_placement';
    case 'LivelihoodSupported':
      return 'livelihood';
    case 'ProductionSupported':
      return 'production';
    case 'HealthInsuranceCardsIssued':
      return 'health_insurance';
    case 'HousingSupported':
      return 'housing';
    case 'WaterSanitationSupported':
      return 'water_sanitation';
    case 'OtherSupportProvided':
      return 'other';
    default:
      return undefined;
  }
}

/** The business date of an event: when it happened or took effect, as the command said. */
export function businessDateOf(event: HouseholdEvent): string {
  switch (event.type) {
    case 'HouseholdRegistered':
      return event.data.registeredOn;
    case 'HouseholdAssessed':
      return event.data.effectiveDate;
    default:
      return event.data.occurredOn;
  }
}
