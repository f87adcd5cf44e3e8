import { assertNever } from '../shared/exhaustive.js';
import type { HouseholdEvent, HouseholdEventEnvelope } from './events.js';
import { applyFact, type CorrectionEvent, isCorrection } from './facts.js';
import { type HouseholdState, initialState, type LogEntry } from './state.js';

/** A bare event (no id: it can never be the target of a correction) or one with its store event id. */
export type EvolveInput = HouseholdEvent | HouseholdEventEnvelope;

const unwrap = (input: EvolveInput): { event: HouseholdEvent; eventId: string | undefined } =>
  'event' in input ? { event: input.event, eventId: input.eventId } : { event: input, eventId: undefined };

/** The facts of the entries that still count, in stream order (version and log are the caller's). */
export function derive(log: readonly LogEntry[]): HouseholdState {
  let state = initialState();
  for (const entry of log) {
    if (entry.voided || isCorrection(entry.event)) continue;
    state = applyFact(state, entry.event, entry.eventId);
  }
  return state;
}

/** Marks the target of a correction in the log; an unknown or uncorrectable target changes nothing. */
function correct(log: readonly LogEntry[], event: CorrectionEvent): readonly LogEntry[] {
  const index = log.findIndex((e) => e.eventId === event.data.eventId);
  const target = log[index];
  if (!target || target.voided || isCorrection(target.event)) return log;
  let changed: LogEntry;
  switch (event.type) {
    case 'EventVoided':
      changed = { ...target, voided: true };
      break;
    case 'EventAmended':
      if (event.data.replacement.type !== target.type) return log;
      changed = { ...target, event: event.data.replacement, amended: true };
      break;
    default:
      return assertNever(event, 'correction event');
  }
  return log.map((entry, i) => (i === index ? changed : entry));
}

/**
 * Applies one recorded event. Pass `{ eventId, event }` (the store's event id) so that later voids
 * and amendments can find it; a bare event is applied the same way but cannot be corrected later.
 * Never throws for a valid event: history is what it is, and events that no longer make sense
 * (a repayment of a voided loan) change nothing.
 */
export function evolve(state: HouseholdState, input: EvolveInput): HouseholdState {
  const { event, eventId } = unwrap(input);
  if (state.status === 'unregistered' && event.type !== 'HouseholdRegistered') return state;
  const version = state.status === 'unregistered' ? 1 : state.version + 1;
  const entry: LogEntry = { eventId, version, type: event.type, event, voided: false, amended: false };
  const previousLog = state.status === 'unregistered' ? [] : state.log;
  if (isCorrection(event)) {
    const log = [...correct(previousLog, event), entry];
    const facts = derive(log);
    // Registration cannot be voided, so the derived state is registered whenever the log is.
    return facts.status === 'unregistered' ? state : { ...facts, version, log };
  }
  const facts = applyFact(state, event, eventId);
  return facts.status === 'unregistered' ? facts : { ...facts, version, log: [...previousLog, entry] };
}

/** The state the entries before a log position derive (used to decide amendments). */
export function stateBefore(state: HouseholdState, eventId: string): HouseholdState {
  if (state.status === 'unregistered') return state;
  const index = state.log.findIndex((e) => e.eventId === eventId);
  const prefix = index < 0 ? state.log : state.log.slice(0, index);
  const facts = derive(prefix);
  const last = prefix[prefix.length - 1];
  return facts.status === 'unregistered' || !last ? facts : { ...facts, version: last.version, log: prefix };
}
