import { describe, expect, it } from 'vitest';
import {
  classifyHousehold,
  createUnitRegistry,
  DOMAIN_ERROR_CODES,
  DomainError,
  type DomainErrorCode,
  decide,
  decideRound,
  type HouseholdCommand,
  loadInto,
  localizeProblem,
  PROBLEM_LOCALES,
  parseUnitsCsv,
  replay,
  SHIPPED_RULE_BOOK,
} from '../src/index.js';
import {
  assessCommand,
  build,
  escaped,
  eventId,
  HH,
  memberCommand,
  memberId,
  nationalContext,
  OTHER_HH,
  poor,
  poorLoan,
  registerCommand,
  registered,
  supportCommand,
} from './support/fixtures.js';
import {
  buildRound,
  decisionCommand,
  hh,
  meetingCommand,
  openCommand,
  postCommand,
  postedRound,
  ROUND,
  surveyCommand,
} from './support/round-fixtures.js';

const on = (history: ReturnType<typeof registered>, command: HouseholdCommand) => () =>
  decide(command, replay(history));
const withMembers = () =>
  build([registerCommand(), memberCommand(memberId(1), { relationship: 'head' }), memberCommand(memberId(2))]).history;
const closed = () =>
  build([registerCommand(), { type: 'CloseHousehold', householdId: HH, reason: 'dissolved', occurredOn: '2023-02-01' }])
    .history;
const withLoan = () => build([registerCommand(), assessCommand(), supportCommand(poorLoan())]).history;
const enrolled = () =>
  build([
    registerCommand(),
    supportCommand({ kind: 'training', stage: 'enrolled', trainingId: 'T', course: 'c', occurredAt: '2023-02-01' }),
    supportCommand({ kind: 'training', stage: 'dropped', trainingId: 'T', occurredAt: '2023-03-01' }),
  ]).history;
const voidOf = (n: number): HouseholdCommand => ({
  type: 'VoidEvent',
  householdId: HH,
  eventId: eventId(n),
  reason: 'r',
  occurredOn: '2025-01-01',
});
const amendOf = (
  n: number,
  correction: Extract<HouseholdCommand, { type: 'AmendEvent' }>['correction'],
): HouseholdCommand => ({
  type: 'AmendEvent',
  householdId: HH,
  eventId: eventId(n),
  reason: 'r',
  occurredOn: '2025-01-01',
  correction,
});
const classify = (over: Partial<Parameters<typeof classifyHousehold>[0]>) => () =>
  classifyHousehold({
    effectiveDate: '2024-06-01',
    reviewType: 'regular',
    area: 'rural',
    incomePerCapitaVnd: 1,
    deprivations: [],
    ...over,
  });

const onRound = (commands: Parameters<typeof buildRound>[0], command: Parameters<typeof decideRound>[0]) => () =>
  decideRound(command, buildRound(commands).state);
const complaintOf = (n: number) =>
  ({
    type: 'ReceiveRoundComplaint',
    roundId: ROUND,
    householdId: hh(n),
    receivedOn: '2026-10-12',
    summary: 's',
  }) as const;
const decidedRound = () => [...postedRound(), decisionCommand()];
const markApplied = { type: 'MarkRoundDecisionApplied', roundId: ROUND } as const;

/**
 * One scenario per error code. Typed as a complete record: adding a code to the catalogue without a
 * scenario here fails the typecheck.
 */
const scenarios: Record<DomainErrorCode, () => unknown> = {
  HOUSEHOLD_ALREADY_REGISTERED: on(registered(), registerCommand()),
  HOUSEHOLD_NOT_FOUND: on([], assessCommand()),
  HOUSEHOLD_CLOSED: on(closed(), assessCommand()),
  HOUSEHOLD_ID_MISMATCH: on(registered(), { ...assessCommand(), householdId: OTHER_HH }),
  NOTHING_CHANGED: on(registered(), {
    type: 'ChangeHouseholdMembers',
    householdId: HH,
    memberCount: 4,
    occurredOn: '2024-01-01',
  }),
  COUNT_OUT_OF_RANGE: on([], registerCommand({ memberCount: 101 })),
  MEMBERS_ARE_LISTED: on(withMembers(), {
    type: 'ChangeHouseholdMembers',
    householdId: HH,
    memberCount: 7,
    occurredOn: '2024-01-01',
  }),
  MEMBER_ALREADY_LISTED: on(withMembers(), memberCommand(memberId(1))),
  MEMBER_NOT_FOUND: on(withMembers(), {
    type: 'RemoveHouseholdMember',
    householdId: HH,
    memberId: memberId(9),
    reason: 'death',
    occurredOn: '2024-01-01',
  }),
  HEAD_ALREADY_LISTED: on(withMembers(), memberCommand(memberId(3), { relationship: 'head' })),
  LAST_MEMBER: on(build([registerCommand(), memberCommand(memberId(1))]).history, {
    type: 'RemoveHouseholdMember',
    householdId: HH,
    memberId: memberId(1),
    reason: 'death',
    occurredOn: '2024-01-01',
  }),
  UNKNOWN_UNIT: on([], registerCommand({ unitCode: '99999' })),
  UNIT_NOT_VALID_ON_DATE: on([], registerCommand({ unitCode: '96101', occurredOn: '2026-01-01' })),
  UNIT_NOT_A_COMMUNE: on([], registerCommand({ unitCode: '96', occurredOn: '2026-01-01' })),
  AREA_REQUIRED: on([], registerCommand({ area: undefined })),
  AREA_OVERRIDE_NEEDS_REASON: () =>
    decide(
      registerCommand({ unitCode: '31825', area: 'rural', occurredOn: '2025-08-01' }),
      replay([]),
      nationalContext,
    ),
  DISTRICT_LEVEL_ABOLISHED: on([], registerCommand({ unitCode: '001', occurredOn: '2026-01-01' })),
  UNIT_REGISTRY_INVALID: () =>
    createUnitRegistry({ units: [{ code: '1234', name: 'x', level: 'commune' }] as never, crosswalk: [] }),
  CSV_INVALID: () => parseUnitsCsv('code,name\nx,y\n'),
  REVIEW_BEFORE_PREVIOUS: on(poor(), assessCommand({ effectiveDate: '2022-12-31' })),
  INCOME_OUT_OF_RANGE: classify({ incomePerCapitaVnd: 1.5 }),
  UNKNOWN_INDICATOR: classify({ deprivations: ['wifi'] }),
  DUPLICATE_INDICATOR: classify({ deprivations: ['water', 'water'] }),
  LIST_YEAR_OUT_OF_RANGE: classify({ listYear: 2030 }),
  LIST_YEAR_REQUIRED: classify({ reviewType: 'periodic', effectiveDate: '2026-01-10' }),
  BASELINE_NOT_FIRST: on(poor(), assessCommand({ reviewType: 'baseline', listYear: 2023 })),
  UNKNOWN_LOAN_PROGRAMME: on(poor(), supportCommand(poorLoan({ programme: 'gold_bars' }))),
  UNKNOWN_PROGRAMME_COMPONENT: on(
    registered(),
    supportCommand({ kind: 'housing', support: 'new', valueVnd: 1, component: 'DA99', occurredAt: '2023-02-01' }),
  ),
  COMPONENT_NOT_VALID_ON_DATE: on(
    registered(),
    supportCommand({ kind: 'housing', support: 'new', valueVnd: 1, component: 'NTP26-05', occurredAt: '2023-02-01' }),
  ),
  NO_RULES_IN_FORCE: () => SHIPPED_RULE_BOOK.on('1999-12-31'),
  RULES_INVALID: () =>
    loadInto(SHIPPED_RULE_BOOK, {
      id: 'bad-rates',
      title: 'rates of a programme nobody has',
      effectiveFrom: '2027-01-01',
      reason: 'test',
      loanRates: [{ programme: 'gold_bars', annualRatePercent: 5, basis: 'none' }],
    }),
  NO_STANDARD_FOR_LIST_YEAR: classify({ effectiveDate: '2035-01-01' }),
  FLAG_ALREADY_SET: on(
    build([
      registerCommand(),
      assessCommand(),
      { type: 'SetUnableToEscapeFlag', householdId: HH, basis: 'other', reason: 'r', occurredOn: '2023-06-01' },
    ]).history,
    { type: 'SetUnableToEscapeFlag', householdId: HH, basis: 'other', reason: 'r', occurredOn: '2023-07-01' },
  ),
  FLAG_NOT_SET: on(poor(), { type: 'ClearUnableToEscapeFlag', householdId: HH, reason: 'r', occurredOn: '2023-07-01' }),
  FLAG_REQUIRES_LISTED_HOUSEHOLD: on(escaped(), {
    type: 'SetUnableToEscapeFlag',
    householdId: HH,
    basis: 'other',
    reason: 'r',
    occurredOn: '2025-01-01',
  }),
  AMOUNT_OUT_OF_RANGE: on(
    registered(),
    supportCommand({ kind: 'housing', support: 'new', valueVnd: 0, occurredAt: '2023-02-01' }),
  ),
  DATE_BEFORE_START: on(
    withLoan(),
    supportCommand({ kind: 'loan', action: 'overdue', loanId: 'KU-001', occurredAt: '2023-01-01' }),
  ),
  LOAN_ALREADY_RECORDED: on(withLoan(), supportCommand(poorLoan())),
  LOAN_NOT_FOUND: on(
    poor(),
    supportCommand({ kind: 'loan', action: 'overdue', loanId: 'nope', occurredAt: '2024-01-01' }),
  ),
  LOAN_CLOSED: on(
    build([
      registerCommand(),
      assessCommand(),
      supportCommand(poorLoan()),
      supportCommand({ kind: 'loan', action: 'written_off', loanId: 'KU-001', reason: 'r', occurredAt: '2024-01-01' }),
    ]).history,
    supportCommand({ kind: 'loan', action: 'overdue', loanId: 'KU-001', occurredAt: '2024-02-01' }),
  ),
  LOAN_TERM_OUT_OF_RANGE: on(poor(), supportCommand(poorLoan({ termMonths: 0 }))),
  LOAN_RATE_REQUIRED: on(poor(), supportCommand(poorLoan({ programme: 'student' }))),
  LOAN_RATE_MISMATCH: on(poor(), supportCommand(poorLoan({ annualRatePercent: 6.24 }))),
  LOAN_RATE_OUT_OF_RANGE: on(poor(), supportCommand(poorLoan({ programme: 'student', annualRatePercent: 31 }))),
  LOAN_PROGRAMME_NOT_ELIGIBLE: on(poor(), supportCommand(poorLoan({ programme: 'near_poor_household' }))),
  NOT_NEWLY_ESCAPED: on(registered(), supportCommand(poorLoan({ programme: 'newly_escaped_household' }))),
  REPAYMENT_EXCEEDS_OUTSTANDING: on(
    withLoan(),
    supportCommand({
      kind: 'loan',
      action: 'repaid',
      loanId: 'KU-001',
      amountVnd: 60_000_000,
      occurredAt: '2024-01-01',
    }),
  ),
  TRAINING_ALREADY_RECORDED: on(
    enrolled(),
    supportCommand({ kind: 'training', stage: 'enrolled', trainingId: 'T', course: 'c', occurredAt: '2023-04-01' }),
  ),
  TRAINING_NOT_FOUND: on(
    registered(),
    supportCommand({ kind: 'training', stage: 'dropped', trainingId: 'T', occurredAt: '2023-04-01' }),
  ),
  TRAINING_ALREADY_ENDED: on(
    enrolled(),
    supportCommand({ kind: 'training', stage: 'completed', trainingId: 'T', occurredAt: '2023-04-01' }),
  ),
  HEALTH_CARDS_EXCEED_MEMBERS: on(
    registered(),
    supportCommand({ kind: 'health_insurance', cardCount: 9, validUntil: '2024-01-01', occurredAt: '2023-04-01' }),
  ),
  CARD_VALIDITY_BEFORE_ISSUE: on(
    registered(),
    supportCommand({ kind: 'health_insurance', cardCount: 1, validUntil: '2023-01-01', occurredAt: '2023-04-01' }),
  ),
  NOTHING_TO_ERASE: on(registered(), {
    type: 'ErasePersonalData',
    householdId: HH,
    reason: 'Yêu cầu xoá của chủ hộ',
    erasedEvents: 0,
    occurredOn: '2024-01-01',
  }),
  EVENT_NOT_FOUND: on(withLoan(), voidOf(9)),
  EVENT_ALREADY_VOIDED: on(
    build([registerCommand(), assessCommand(), supportCommand(poorLoan()), voidOf(3)]).history,
    voidOf(3),
  ),
  EVENT_NOT_CORRECTABLE: on(withLoan(), voidOf(1)),
  EVENT_HAS_DEPENDANTS: on(
    build([
      registerCommand(),
      supportCommand({ kind: 'training', stage: 'enrolled', trainingId: 'T', course: 'c', occurredAt: '2023-02-01' }),
      supportCommand({ kind: 'training', stage: 'completed', trainingId: 'T', occurredAt: '2023-03-01' }),
    ]).history,
    voidOf(2),
  ),
  AMENDMENT_TYPE_MISMATCH: on(withLoan(), amendOf(2, supportCommand(poorLoan()))),
  AMENDMENT_CHANGES_IDENTITY: on(withLoan(), amendOf(3, supportCommand(poorLoan({ loanId: 'other' })))),
  AMENDMENT_OUT_OF_ORDER: on(escaped(), amendOf(2, assessCommand({ effectiveDate: '2024-12-11' }))),
  FORM_SCORES_NOT_DEFINED: onRound(
    [openCommand()],
    surveyCommand(1, { result: { formScores: { incomeProxyPoints: 100 }, deprivations: [] } }),
  ),
  FORM_SCORES_INCONSISTENT: classify({
    incomePerCapitaVnd: undefined,
    formScores: { incomeProxyPoints: 100, deprivationPoints: 5 },
  }),
  ROUND_NOT_FOUND: onRound([], surveyCommand(1)),
  ROUND_ID_MISMATCH: onRound([], openCommand({ roundId: 'periodic-96001-2030' })),
  ROUND_ALREADY_OPEN: onRound([openCommand()], openCommand()),
  ROUND_OUTSIDE_WINDOW: onRound([], openCommand({ openedOn: '2026-12-20' })),
  ROUND_DECIDED: onRound(decidedRound(), surveyCommand(2)),
  ROUND_LISTS_POSTED: onRound(postedRound(), surveyCommand(2)),
  ROUND_NOT_POSTED: onRound([openCommand(), surveyCommand(1)], decisionCommand()),
  ROUND_HAS_NO_REVIEWS: onRound([openCommand()], postCommand()),
  ROUND_MEETINGS_PENDING: onRound([openCommand(), surveyCommand(1)], postCommand()),
  ROUND_STEP_TOO_EARLY: onRound([openCommand()], surveyCommand(1, { surveyedOn: '2026-09-01' })),
  ROUND_DECISION_BEFORE_POSTING_ENDED: onRound(postedRound(), decisionCommand({ issuedOn: '2026-10-15' })),
  ROUND_COMPLAINTS_UNRESOLVED: onRound([...postedRound(), complaintOf(1)], decisionCommand()),
  ROUND_HOUSEHOLD_NOT_PROPOSED: onRound(postedRound(), complaintOf(2)),
  ROUND_HOUSEHOLD_OUTSIDE_UNIT: onRound(
    [openCommand()],
    surveyCommand(1, { household: { unitCode: '86001', village: 'Ấp 1', area: 'rural' } }),
  ),
  ROUND_HOUSEHOLD_LISTED_TWICE: onRound(
    [openCommand(), surveyCommand(1)],
    meetingCommand([
      { householdId: hh(1), outcome: 'agreed' },
      { householdId: hh(1), outcome: 'agreed' },
    ]),
  ),
  ROUND_VILLAGE_REQUIRED: onRound(
    [openCommand()],
    surveyCommand(1, { household: { unitCode: '96001', area: 'rural' } }),
  ),
  ROUND_VILLAGE_MISMATCH: onRound(
    [openCommand(), surveyCommand(1)],
    meetingCommand([{ householdId: hh(1), outcome: 'agreed' }], { village: 'Ấp 9' }),
  ),
  ROUND_MEETING_OUTCOME_MISSING: onRound(
    [openCommand(), surveyCommand(1), surveyCommand(2)],
    meetingCommand([{ householdId: hh(1), outcome: 'agreed' }]),
  ),
  ROUND_MEETING_OUTCOME_RECORDED: onRound(postedRound().slice(0, 3), surveyCommand(1)),
  ROUND_COMPLAINT_OPEN: onRound([...postedRound(), complaintOf(1)], complaintOf(1)),
  ROUND_NO_OPEN_COMPLAINT: onRound(postedRound(), {
    type: 'ResolveRoundComplaint',
    roundId: ROUND,
    householdId: hh(1),
    resolvedOn: '2026-10-20',
    outcome: 'rejected',
  }),
  ROUND_NOT_DECIDED: onRound(postedRound(), markApplied),
  ROUND_DECISION_ALREADY_APPLIED: onRound([...decidedRound(), markApplied], markApplied),
};

describe('every error code has a scenario that throws it with its kind', () => {
  it('covers the whole catalogue', () => {
    expect(Object.keys(scenarios).sort()).toEqual(Object.keys(DOMAIN_ERROR_CODES).sort());
  });

  it.each(Object.entries(scenarios))('%s', (code, scenario) => {
    let thrown: unknown;
    try {
      scenario();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).code).toBe(code);
    expect((thrown as DomainError).kind).toBe(DOMAIN_ERROR_CODES[code as DomainErrorCode]);
  });
});

describe('every error code reads in Vietnamese and English from the details it is thrown with', () => {
  it.each(Object.entries(scenarios))('%s', (code, scenario) => {
    let thrown: DomainError | undefined;
    try {
      scenario();
    } catch (error) {
      thrown = error as DomainError;
    }
    for (const locale of PROBLEM_LOCALES) {
      const text = localizeProblem({ code, status: 422, ...thrown?.details }, locale);
      expect(text, `${code} (${locale}) falls back: a placeholder has no value`).toMatchObject({ specific: true });
      expect(text.detail).not.toMatch(/[{}[\]]|undefined|\[object/);
    }
  });
});
