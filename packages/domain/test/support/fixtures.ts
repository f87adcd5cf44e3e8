import {
  type AssessHousehold,
  type AssessmentInput,
  createUnitRegistry,
  DEFAULT_DECIDE_CONTEXT,
  type DecideContext,
  decide,
  evolve,
  type HouseholdCommand,
  type HouseholdEventEnvelope,
  type HouseholdState,
  initialState,
  type MemberFacts,
  PROVINCE_CROSSWALK,
  PROVINCE_UNITS,
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

/**
 * A few real units of the national lists (Bạc Liêu, now Cà Mau), for the rules that read a unit's kind:
 * Phường 2 (31813, a ward of the former Bạc Liêu city, until 30 June 2025), now part of Phường Bạc
 * Liêu (31825); Xã Hồng Dân (31843) from 1 July 2025; and the special zone of Côn Đảo (26732).
 */
export const nationalSample = createUnitRegistry({
  units: [
    ...PROVINCE_UNITS,
    {
      code: '954',
      name: 'Thành phố Bạc Liêu',
      level: 'district',
      kind: 'city',
      parentCode: '95',
      validTo: '2025-06-30',
    },
    { code: '31813', name: 'Phường 2', level: 'commune', kind: 'ward', parentCode: '954', validTo: '2025-06-30' },
    { code: '31825', name: 'Phường 1', level: 'commune', kind: 'ward', parentCode: '954', validTo: '2025-06-30' },
    {
      code: '31825',
      name: 'Phường Bạc Liêu',
      level: 'commune',
      kind: 'ward',
      parentCode: '96',
      validFrom: '2025-07-01',
    },
    {
      code: '31843',
      name: 'Xã Hồng Dân',
      level: 'commune',
      kind: 'commune',
      parentCode: '96',
      validFrom: '2025-07-01',
    },
    {
      code: '26732',
      name: 'Đặc khu Côn Đảo',
      level: 'commune',
      kind: 'special_zone',
      parentCode: '79',
      validFrom: '2025-07-01',
    },
  ],
  crosswalk: [
    ...PROVINCE_CROSSWALK,
    { fromCode: '31813', toCode: '31825', effectiveOn: '2025-07-01', relation: 'whole' },
    { fromCode: '31825', toCode: '31825', effectiveOn: '2025-07-01', relation: 'whole' },
  ],
});

/** A context deciding with `nationalSample`. */
export const nationalContext: DecideContext = { ...DEFAULT_DECIDE_CONTEXT, units: nationalSample };

/** A member as a case worker lists them. */
export const memberCommand = (
  memberId: string,
  facts: Partial<MemberFacts> = {},
  occurredOn = '2023-02-01',
): HouseholdCommand => ({
  type: 'AddHouseholdMember',
  householdId: HH,
  memberId,
  person: { fullName: 'Nguyễn Thị Hoa' },
  facts: { sex: 'female', relationship: 'child', ...facts },
  reason: 'listed',
  occurredOn,
});

/** Deterministic member ids. */
export const memberId = (n: number): string => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
