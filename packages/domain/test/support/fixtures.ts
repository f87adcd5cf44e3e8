import {
  type AssessHousehold,
  type AssessmentInput,
  type DecideContext,
  decide,
  evolve,
  type HouseholdCommand,
  type HouseholdEventEnvelope,
  type HouseholdState,
  initialState,
  type RecordSupportAction,
  type RegisterHousehold,
  type SupportActionInput,
} from '../../src/index.js';

export const HH = '0f6f2a1e-4b7c-4d2e-9a3b-1c2d3e4f5a6b';
export const OTHER_HH = '7d1e6c2b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

/** Deterministic event ids: `eventId(1)` is the first event of a built history. */
export const eventId = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const registerCommand = (overrides: Partial<RegisterHousehold> = {}): RegisterHousehold => ({
  type: 'RegisterHousehold',
  householdId: HH,
  head: { fullName: 'Nguyễn Văn An', birthYear: 1970 },
  memberCount: 4,
  area: 'rural',
  unitCode: '96101',
  occurredOn: '2023-01-10',
  ...overrides,
});

export const assessCommand = (assessment: Partial<AssessmentInput> = {}): AssessHousehold => ({
  type: 'AssessHousehold',
  householdId: HH,
  assessment: {
    reviewType: 'regular',
    effectiveDate: '2023-05-15',
    incomePerCapitaVnd: 1_200_000,
    deprivations: ['employment', 'water', 'sanitation'],
    ...assessment,
  },
});

export const supportCommand = (action: SupportActionInput): RecordSupportAction => ({
  type: 'RecordSupportAction',
  householdId: HH,
  action,
});

/**
 * Runs commands through decide and evolve as the write side would, numbering events with
 * `eventId(version)`. Returns the envelopes (a history for `given`) and the final state.
 */
export function build(
  commands: readonly HouseholdCommand[],
  context?: DecideContext,
): { history: HouseholdEventEnvelope[]; state: HouseholdState } {
  let state = initialState();
  const history: HouseholdEventEnvelope[] = [];
  for (const command of commands) {
    for (const event of decide(command, state, context)) {
      const envelope = { eventId: eventId(history.length + 1), event };
      history.push(envelope);
      state = evolve(state, envelope);
    }
  }
  return { history, state };
}

/** A registered rural household in old demo commune 96101 (Cà Mau; 96001 since July 2025), 4 members. */
export const registered = () => build([registerCommand()]).history;

/** Registered, then classified poor at a regular review in May 2023 (event 2). */
export const poor = () => build([registerCommand(), assessCommand()]).history;

/** Poor in 2023, escaped at the December 2024 periodic review (event 3). */
export const escaped = () =>
  build([
    registerCommand(),
    assessCommand(),
    assessCommand({
      reviewType: 'periodic',
      effectiveDate: '2024-12-10',
      incomePerCapitaVnd: 2_600_000,
      deprivations: [],
    }),
  ]).history;

/** A VBSP poor-household loan, as its body would arrive. */
export const poorLoan = (overrides: Partial<Extract<SupportActionInput, { kind: 'loan'; action: 'granted' }>> = {}) =>
  ({
    kind: 'loan',
    action: 'granted',
    loanId: 'KU-001',
    programme: 'poor_household',
    amountVnd: 50_000_000,
    termMonths: 60,
    lender: 'VBSP',
    occurredAt: '2023-06-01',
    ...overrides,
  }) as SupportActionInput;
