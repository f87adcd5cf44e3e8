import { domainError } from '../../shared/error-codes.js';
import { assertNever } from '../../shared/exhaustive.js';
import type { AmendEvent, CorrectionCommand, VoidEvent } from '../commands.js';
import type { AmendableEvent, HouseholdEvent, HouseholdEventType } from '../events.js';
import { evolve, stateBefore } from '../evolve.js';
import type { ActiveHousehold, HouseholdState, LogEntry, RegisteredHousehold } from '../state.js';
import { escapeOf } from '../transitions.js';
import { flagClearedByEscape } from './assess.js';
import type { DecideContext } from './context.js';
import { requireActive, requireRegistered } from './guards.js';

// An erasure cannot be undone: voiding it would not bring the erased names back.
const NOT_VOIDABLE = new Set(['HouseholdRegistered', 'EventVoided', 'EventAmended', 'PersonalDataErased']);
const NOT_AMENDABLE = new Set([...NOT_VOIDABLE, 'HouseholdClosed']);

/** The counting log entry a correction targets. */
function target(household: RegisteredHousehold, eventId: string, refused: Set<string>): LogEntry {
  const entry = household.log.find((e) => e.eventId === eventId);
  if (!entry) throw domainError('EVENT_NOT_FOUND', `no event ${eventId} in this household's history`, { eventId });
  if (entry.voided) throw domainError('EVENT_ALREADY_VOIDED', `event ${eventId} is already voided`, { eventId });
  if (refused.has(entry.type)) {
    throw domainError('EVENT_NOT_CORRECTABLE', `a ${entry.type} event cannot be corrected this way`, {
      eventId,
      eventType: entry.type,
    });
  }
  return entry;
}

/** The id a follow-up event refers to (a loan or training), if it is one. */
function followedUp(event: HouseholdEvent): string | undefined {
  switch (event.type) {
    case 'LoanRepaid':
    case 'LoanMarkedOverdue':
    case 'LoanWrittenOff':
      return `loan:${event.data.loanId}`;
    case 'TrainingCompleted':
    case 'TrainingDropped':
      return `training:${event.data.trainingId}`;
    default:
      return undefined;
  }
}

/** The identity a loan or training event starts or follows, for dependency and identity checks. */
function identityOf(event: HouseholdEvent): string | undefined {
  if (event.type === 'LoanGranted') return `loan:${event.data.loanId}`;
  if (event.type === 'TrainingEnrolled') return `training:${event.data.trainingId}`;
  return followedUp(event);
}

const LOAN_EVENTS = {
  granted: 'LoanGranted',
  repaid: 'LoanRepaid',
  overdue: 'LoanMarkedOverdue',
  written_off: 'LoanWrittenOff',
} as const;
const TRAINING_EVENTS = {
  enrolled: 'TrainingEnrolled',
  completed: 'TrainingCompleted',
  dropped: 'TrainingDropped',
} as const;
const SUPPORT_EVENTS = {
  job_placement: 'JobPlaced',
  livelihood: 'LivelihoodSupported',
  production: 'ProductionSupported',
  health_insurance: 'HealthInsuranceCardsIssued',
  housing: 'HousingSupported',
  water_sanitation: 'WaterSanitationSupported',
  other: 'OtherSupportProvided',
} as const;

/** The event type a correction command decides, known before deciding it. */
function eventTypeOf(correction: CorrectionCommand): HouseholdEventType {
  switch (correction.type) {
    case 'ChangeHouseholdMembers':
      return 'HouseholdMembersChanged';
    case 'MoveHousehold':
      return 'HouseholdMoved';
    case 'AssessHousehold':
      return 'HouseholdAssessed';
    case 'SetUnableToEscapeFlag':
      return 'UnableToEscapeFlagSet';
    case 'ClearUnableToEscapeFlag':
      return 'UnableToEscapeFlagCleared';
    case 'AddNote':
      return 'NoteAdded';
    case 'RecordSupportAction': {
      const a = correction.action;
      if (a.kind === 'loan') return LOAN_EVENTS[a.action];
      if (a.kind === 'training') return TRAINING_EVENTS[a.stage];
      return SUPPORT_EVENTS[a.kind];
    }
    default:
      return assertNever(correction, 'correction command');
  }
}

/**
 * Voids an earlier event. A closed household accepts exactly one correction: voiding its closure
 * (a mistaken closure reopens it). A grant or enrolment with counting follow-ups is voided after them.
 */
export function voidEvent(command: VoidEvent, state: HouseholdState): HouseholdEvent[] {
  const household = requireRegistered(state, command.householdId);
  if (household.status === 'closed') {
    const closing = household.log.find((e) => e.eventId === command.eventId)?.type === 'HouseholdClosed';
    if (!closing) requireActive(state, command.householdId);
  }
  const entry = target(household, command.eventId, NOT_VOIDABLE);
  const starts =
    entry.type === 'LoanGranted' || entry.type === 'TrainingEnrolled' ? identityOf(entry.event) : undefined;
  if (starts) {
    const dependants = household.log.filter(
      (e) => !e.voided && e.version > entry.version && followedUp(e.event) === starts,
    );
    if (dependants.length > 0) {
      throw domainError('EVENT_HAS_DEPENDANTS', `void the follow-ups of ${command.eventId} first`, {
        eventId: command.eventId,
        dependants: dependants.map((d) => d.eventId),
      });
    }
  }
  return [
    {
      type: 'EventVoided',
      data: {
        eventId: command.eventId,
        voidedType: entry.type,
        reason: command.reason,
        occurredOn: command.occurredOn,
      },
    },
  ];
}

function checkAssessmentOrder(household: RegisteredHousehold, entry: LogEntry, replacement: AmendableEvent): void {
  if (replacement.type !== 'HouseholdAssessed') return;
  const next = household.log.find(
    (e) => e.version > entry.version && !e.voided && e.event.type === 'HouseholdAssessed',
  );
  if (
    next &&
    next.event.type === 'HouseholdAssessed' &&
    replacement.data.effectiveDate > next.event.data.effectiveDate
  ) {
    throw domainError(
      'AMENDMENT_OUT_OF_ORDER',
      `the amended review (${replacement.data.effectiveDate}) would follow the next review (${next.event.data.effectiveDate})`,
      { effectiveDate: replacement.data.effectiveDate, nextEffectiveDate: next.event.data.effectiveDate },
    );
  }
}

/**
 * Amends an earlier event: the correction is decided on the household as it counted just before that
 * event, so every rule of the original command applies again; the result must be the same type of
 * event, keep its loan or training id, and keep reviews in date order.
 */
export function amendEvent(
  command: AmendEvent,
  state: HouseholdState,
  ctx: DecideContext,
  decideCorrection: (c: AmendEvent['correction'], s: HouseholdState, ctx: DecideContext) => HouseholdEvent[],
): HouseholdEvent[] {
  const household = requireActive(state, command.householdId);
  const entry = target(household, command.eventId, NOT_AMENDABLE);
  if (eventTypeOf(command.correction) !== entry.type) {
    throw domainError('AMENDMENT_TYPE_MISMATCH', `a ${entry.type} event must be amended by a ${entry.type} event`, {
      eventId: command.eventId,
      expected: entry.type,
      actual: eventTypeOf(command.correction),
    });
  }
  const decided = decideCorrection(command.correction, stateBefore(household, command.eventId), ctx);
  // A flag cleared by an escape is a consequence for the household as it is now, not part of the review.
  const [replacement, ...extra] = decided.filter((e) => !isEscapeConsequence(e));
  if (!replacement || extra.length > 0 || replacement.type !== entry.type) {
    throw domainError('AMENDMENT_TYPE_MISMATCH', `a ${entry.type} event must be amended by a ${entry.type} event`, {
      eventId: command.eventId,
      expected: entry.type,
      actual: replacement?.type,
    });
  }
  if (identityOf(replacement) !== identityOf(entry.event)) {
    throw domainError('AMENDMENT_CHANGES_IDENTITY', 'an amendment keeps the loan or training it refers to', {
      eventId: command.eventId,
      expected: identityOf(entry.event),
      actual: identityOf(replacement),
    });
  }
  const amendable = replacement as AmendableEvent;
  checkAssessmentOrder(household, entry, amendable);
  const amended: HouseholdEvent = {
    type: 'EventAmended',
    data: {
      eventId: command.eventId,
      reason: command.reason,
      occurredOn: command.occurredOn,
      replacement: amendable,
    },
  };
  const consequence = flagClearedByAmendedEscape(household, amended, command.eventId);
  return consequence ? [amended, consequence] : [amended];
}

const isEscapeConsequence = (e: HouseholdEvent) => e.type === 'UnableToEscapeFlagCleared' && e.data.cause === 'escape';

/**
 * An amendment that turns the household's latest review into an escape clears a flag set before that
 * review, as the review itself would have.
 */
function flagClearedByAmendedEscape(
  household: ActiveHousehold,
  amended: HouseholdEvent,
  eventId: string,
): HouseholdEvent | undefined {
  const after = evolve(household, amended);
  if (after.status === 'unregistered' || !after.unableToEscape) return undefined;
  const last = after.reviews[after.reviews.length - 1];
  if (!last || last.eventId !== eventId || after.unableToEscape.since > last.effectiveDate) return undefined;
  const escaped = escapeOf(last.previousClassification, last.classification);
  return escaped && flagClearedByEscape(escaped.from, last.effectiveDate);
}
