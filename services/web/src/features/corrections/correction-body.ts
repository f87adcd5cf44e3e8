import { CorrectionCommand, IsoDate, VoidEvent } from '@benvung/domain';
import { emptyIs } from '../../lib/required-message';
import { amendmentFields, correctionOf, fieldPathOf, fieldsOfEvent, fromFormInput } from './amendment';

/** What the correction form holds; `input` the amended event's fields as edited. */
export interface CorrectionFields {
  eventId: string;
  action: 'void' | 'amend';
  reason: string;
  occurredAt: string;
  input: Record<string, unknown>;
}

/** The body of POST /corrections. */
export type CorrectionBody =
  | { action: 'void'; eventId: string; reason: string; occurredAt: string }
  | { action: 'amend'; eventId: string; reason: string; occurredAt: string; correction: Record<string, unknown> };

/** What the form knows of the event corrected. */
export interface CorrectedEvent {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
}

const Base = VoidEvent.pick({ eventId: true, reason: true }).extend({ occurredAt: IsoDate });

export type Checked = { body: CorrectionBody } | { errors: Array<{ path: string; message: string }> };

/**
 * The request body for the form's values, checked by the domain's schemas: the void command's fields,
 * and for an amendment the correction command the edited fields make (issues mapped back to the form).
 */
export function checkCorrection(
  values: CorrectionFields,
  event: CorrectedEvent | undefined,
  householdId: string,
  required: string,
): Checked {
  const errors: Array<{ path: string; message: string }> = [];
  const base = Base.safeParse(
    { eventId: event?.eventId, reason: values.reason, occurredAt: values.occurredAt },
    { error: emptyIs(required) },
  );
  if (!base.success) for (const i of base.error.issues) errors.push({ path: i.path.join('.'), message: i.message });
  if (values.action === 'void' || !event) {
    return base.success && event ? { body: { action: 'void', ...base.data } } : { errors };
  }
  const fields = fromFormInput(amendmentFields(event.type), fieldsOfEvent(event.type, event.data), values.input);
  const command = CorrectionCommand.safeParse(
    { ...correctionOf(event.type, fields), householdId },
    { error: emptyIs(required) },
  );
  if (!command.success) {
    for (const i of command.error.issues) {
      errors.push({ path: `input.${fieldPathOf(event.type, i.path)}`, message: i.message });
    }
  }
  if (!base.success || !command.success) return { errors };
  const { householdId: _household, ...correction } = command.data as Record<string, unknown>;
  return { body: { action: 'amend', ...base.data, correction } };
}
