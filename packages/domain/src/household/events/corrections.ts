import { z } from 'zod';
import { IsoDate, StoredLongText, StoredShortText } from '../values.js';
import { HouseholdAssessed, UnableToEscapeFlagCleared, UnableToEscapeFlagSet } from './assessment.js';
import { HouseholdMembersChanged, HouseholdMoved } from './lifecycle.js';
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
} from './support.js';

/** A case worker's note; its text is personal data (erasable). */
export const NoteAdded = z.object({
  type: z.literal('NoteAdded'),
  data: z.object({
    text: StoredLongText,
    category: z.enum(['visit', 'call', 'observation', 'other']).optional(),
    occurredOn: IsoDate,
  }),
});
export type NoteAdded = z.infer<typeof NoteAdded>;

/** The events an amendment may replace: everything but registration, closure and corrections. */
export const AmendableEvent = z.discriminatedUnion('type', [
  HouseholdMembersChanged,
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
]);
export type AmendableEvent = z.infer<typeof AmendableEvent>;

/** An earlier event (by its store event id) no longer counts. The event itself stays in the stream. */
export const EventVoided = z.object({
  type: z.literal('EventVoided'),
  data: z.object({ eventId: z.uuid(), voidedType: z.string(), reason: StoredShortText, occurredOn: IsoDate }),
});
export type EventVoided = z.infer<typeof EventVoided>;

/** An earlier event counts as `replacement` from now on (same type, corrected data). */
export const EventAmended = z.object({
  type: z.literal('EventAmended'),
  data: z.object({
    eventId: z.uuid(),
    reason: StoredShortText,
    occurredOn: IsoDate,
    replacement: AmendableEvent,
  }),
});
export type EventAmended = z.infer<typeof EventAmended>;
