import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  DomainError,
  decide,
  evolve,
  type HouseholdCommand,
  type HouseholdEventEnvelope,
  type HouseholdState,
  initialState,
  replay,
} from '../src/index.js';
import { assessCommand, eventId, HH, registerCommand, supportCommand } from './support/fixtures.js';

/** An abstract step: turned into a command against the current state, so most steps are valid. */
type Step = { op: number; days: number; a: number; b: number; c: number };

const step = fc.record({
  op: fc.nat({ max: 27 }),
  days: fc.nat({ max: 200 }),
  a: fc.nat({ max: 1_000 }),
  b: fc.nat({ max: 1_000 }),
  c: fc.nat({ max: 1_000 }),
});

const INDICATORS = ['employment', 'dependants', 'nutrition', 'health_insurance', 'water', 'sanitation', 'telecom'];
const UNITS = ['96101', '96001', '96002', '95001', '86001', '44001', '31000'];
const PROGRAMMES = ['poor_household', 'near_poor_household', 'newly_escaped_household', 'job_creation'] as const;

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;

function toCommand(s: Step, state: HouseholdState, date: string): HouseholdCommand {
  const registered = state.status === 'unregistered' ? undefined : state;
  const loanIds = Object.keys(registered?.loans ?? {});
  const trainingIds = Object.keys(registered?.trainings ?? {});
  const loanId = loanIds.length > 0 ? pick(loanIds, s.a) : `L${s.a}`;
  const trainingId = trainingIds.length > 0 ? pick(trainingIds, s.a) : `T${s.a}`;
  const target = registered?.log.length ? (pick(registered.log, s.b).eventId ?? eventId(1)) : eventId(s.b + 1);
  const income = s.a * 5_000;
  const assessment = assessCommand({
    reviewType: s.c % 2 === 0 ? 'regular' : 'periodic',
    effectiveDate: date,
    incomePerCapitaVnd: income,
    deprivations: INDICATORS.slice(0, s.b % 6),
  });
  const base = { householdId: HH, occurredOn: date };
  switch (s.op) {
    case 0:
      return registerCommand({ occurredOn: date, unitCode: pick(UNITS, s.a), area: s.b % 2 ? 'urban' : 'rural' });
    case 1:
      return { type: 'ChangeHouseholdMembers', ...base, memberCount: 1 + (s.a % 8) };
    case 2:
      return { type: 'MoveHousehold', ...base, toUnitCode: pick(UNITS, s.a), area: s.b % 2 ? 'urban' : 'rural' };
    case 3:
    case 4:
    case 5:
      return assessment;
    case 6:
      return { type: 'SetUnableToEscapeFlag', ...base, basis: 'other', reason: 'r' };
    case 7:
      return { type: 'ClearUnableToEscapeFlag', ...base, reason: 'r' };
    case 8:
    case 9:
      return supportCommand({
        kind: 'loan',
        action: 'granted',
        loanId: `L${s.c}`,
        programme: pick(PROGRAMMES, s.b),
        amountVnd: 1_000_000 + s.a * 100_000,
        termMonths: 12 + (s.a % 60),
        lender: 'VBSP',
        ...(s.b % 4 === 3 ? { annualRatePercent: 9 } : {}),
        occurredAt: date,
      });
    case 10:
      return supportCommand({
        kind: 'loan',
        action: 'repaid',
        loanId,
        amountVnd: 1 + (s.b % 100) * 100_000,
        occurredAt: date,
      });
    case 11:
      return supportCommand({ kind: 'loan', action: 'overdue', loanId, occurredAt: date });
    case 12:
      return supportCommand({ kind: 'loan', action: 'written_off', loanId, reason: 'x', occurredAt: date });
    case 13:
      return supportCommand({
        kind: 'training',
        stage: 'enrolled',
        trainingId: `T${s.c}`,
        course: 'c',
        occurredAt: date,
      });
    case 14:
      return supportCommand({ kind: 'training', stage: 'completed', trainingId, occurredAt: date });
    case 15:
      return supportCommand({ kind: 'training', stage: 'dropped', trainingId, occurredAt: date });
    case 16:
      return supportCommand({ kind: 'job_placement', channel: 'job_fair', occurredAt: date });
    case 17:
      return supportCommand({
        kind: 'livelihood',
        model: 'cows',
        modelType: 'livestock',
        valueVnd: 1 + s.a,
        occurredAt: date,
      });
    case 18:
      return supportCommand({ kind: 'production', items: 'seed', occurredAt: date });
    case 19:
      return supportCommand({
        kind: 'health_insurance',
        cardCount: 1 + (s.a % 6),
        validUntil: addDays(date, 365),
        occurredAt: date,
      });
    case 20:
      return supportCommand({ kind: 'housing', support: 'repair', valueVnd: 20_000_000, occurredAt: date });
    case 21:
      return supportCommand({ kind: 'water_sanitation', facility: 'water', occurredAt: date });
    case 22:
      return supportCommand({ kind: 'other', description: 'd', occurredAt: date });
    case 23:
      return { type: 'AddNote', ...base, text: `note ${s.a}` };
    case 24:
    case 25:
      return { type: 'VoidEvent', ...base, eventId: target, reason: 'mistake' };
    case 26: {
      const entry = registered?.log.length ? pick(registered.log, s.b) : undefined;
      const correction =
        entry?.event.type === 'HouseholdAssessed'
          ? assessCommand({ ...entry.event.data, incomePerCapitaVnd: income })
          : entry?.event.type === 'NoteAdded'
            ? ({ type: 'AddNote', ...base, occurredOn: entry.event.data.occurredOn, text: `fixed ${s.a}` } as const)
            : supportCommand({ kind: 'other', description: 'd', occurredAt: date });
      return { type: 'AmendEvent', ...base, eventId: target, reason: 'typo', correction };
    }
    default:
      // Rare, so that most histories go on after it; voiding the closure reopens the household.
      return s.c % 4 === 0
        ? { type: 'CloseHousehold', ...base, reason: 'dissolved' }
        : { type: 'AddNote', ...base, text: 'visit' };
  }
}

/** Runs the steps as the write side would: refused commands are dropped, accepted events are recorded. */
function run(steps: Step[]) {
  let state = initialState();
  let date = '2021-01-01';
  const history: HouseholdEventEnvelope[] = [];
  let refused = 0;
  const ordered = [{ op: 0, days: 0, a: 0, b: 0, c: 0 }, ...steps];
  for (const s of ordered) {
    date = addDays(date, s.days);
    const command = toCommand(s, state, date);
    let events: ReturnType<typeof decide>;
    try {
      events = decide(command, state);
    } catch (error) {
      // The decider refuses with a DomainError, never anything else.
      if (!(error instanceof DomainError)) throw error;
      refused++;
      continue;
    }
    for (const event of events) {
      const envelope = { eventId: eventId(history.length + 1), event };
      history.push(envelope);
      state = evolve(state, envelope);
    }
  }
  return { state, history, refused };
}

const steps = fc.array(step, { minLength: 1, maxLength: 40 });

describe('properties of the household decider', () => {
  it('replays any history of accepted commands to the state the write side had', () => {
    fc.assert(
      fc.property(steps, (s) => {
        const { state, history } = run(s);
        expect(replay(history)).toEqual(state);
        expect(replay(history)).toEqual(replay(history));
        if (state.status !== 'unregistered') expect(state.version).toBe(history.length);
      }),
      { numRuns: 300 },
    );
  });

  it('only ever refuses with a DomainError', () => {
    fc.assert(
      fc.property(steps, (s) => void run(s)),
      { numRuns: 300 },
    );
  });

  it('never throws from evolve, whatever the order or gaps of the history', () => {
    fc.assert(
      fc.property(steps, fc.array(fc.nat(), { maxLength: 60 }), (s, picks) => {
        const { history } = run(s);
        if (history.length === 0) return;
        const shuffled = picks.map((p) => history[p % history.length] as HouseholdEventEnvelope);
        expect(() => replay(shuffled)).not.toThrow();
        expect(() => replay(shuffled.map((e) => e.event))).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the state equal to what its counting entries derive', () => {
    fc.assert(
      fc.property(steps, (s) => {
        const { state } = run(s);
        if (state.status === 'unregistered') return;
        const counting = state.log
          .filter((e) => !e.voided && e.type !== 'EventVoided' && e.type !== 'EventAmended')
          .map((e) => ({ eventId: e.eventId as string, event: e.event }));
        const derived = replay(counting);
        const { version: _v, log: _l, ...facts } = state;
        if (derived.status === 'unregistered') throw new Error('the registration always counts');
        const { version: _dv, log: _dl, ...expected } = derived;
        expect(facts).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('accepts a good share of generated commands (the generator exercises the decider)', () => {
    const sample = fc.sample(steps, { numRuns: 50, seed: 42 });
    const accepted = sample.reduce((n, s) => n + run(s).history.length, 0);
    expect(accepted).toBeGreaterThan(200);
  });
});
