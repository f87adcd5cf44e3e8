import { expect } from 'vitest';
import {
  DOMAIN_ERROR_CODES,
  DomainError,
  type DomainErrorCode,
  decideRound,
  evolveRound,
  type HoldVillageMeeting,
  type IssueRoundDecision,
  type OpenReviewRound,
  type PostRoundLists,
  type ProposeRoundReview,
  periodicRoundId,
  type RoundCommand,
  type RoundEvent,
  type RoundState,
  replayRound,
  type SurveyResult,
} from '../../src/index.js';

/** The periodic round of demo commune 96001 (Tân Lộc) for the 2027 lists, opened in the campaign window. */
export const ROUND = periodicRoundId('96001', 2027);

/** Deterministic household ids: `hh(1)`, `hh(2)`, … */
export const hh = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const VILLAGE = 'Ấp 1';
export const OTHER_VILLAGE = 'Ấp 2';

/** Poor under VN-2027-2030 in a rural commune: 1.8M ≤ 2.2M, three deprivations. */
export const POOR: SurveyResult = { incomePerCapitaVnd: 1_800_000, deprivations: ['water', 'sanitation', 'telecom'] };
/** Near-poor: under the line, one deprivation. */
export const NEAR_POOR: SurveyResult = { incomePerCapitaVnd: 2_000_000, deprivations: ['water'] };
/** Non-poor: above the line. */
export const NON_POOR: SurveyResult = { incomePerCapitaVnd: 3_000_000, deprivations: [] };

export const openCommand = (over: Partial<OpenReviewRound> = {}): OpenReviewRound => ({
  type: 'OpenReviewRound',
  roundId: ROUND,
  kind: 'periodic',
  unitCode: '96001',
  listYear: 2027,
  openedOn: '2026-09-05',
  ...over,
});

export const surveyCommand = (n: number, over: Partial<ProposeRoundReview> = {}): ProposeRoundReview => ({
  type: 'ProposeRoundReview',
  roundId: ROUND,
  householdId: hh(n),
  household: { unitCode: '96001', village: VILLAGE, area: 'rural' },
  applied: false,
  surveyedOn: '2026-09-20',
  result: POOR,
  ...over,
});

export const meetingCommand = (
  outcomes: HoldVillageMeeting['outcomes'],
  over: Partial<HoldVillageMeeting> = {},
): HoldVillageMeeting => ({
  type: 'HoldVillageMeeting',
  roundId: ROUND,
  village: VILLAGE,
  heldOn: '2026-10-05',
  document: 'Biên bản họp bình xét Ấp 1',
  outcomes,
  ...over,
});

export const postCommand = (over: Partial<PostRoundLists> = {}): PostRoundLists => ({
  type: 'PostRoundLists',
  roundId: ROUND,
  from: '2026-10-10',
  to: '2026-10-17',
  document: 'Thông báo niêm yết số 5/TB-UBND',
  ...over,
});

export const decisionCommand = (over: Partial<IssueRoundDecision> = {}): IssueRoundDecision => ({
  type: 'IssueRoundDecision',
  roundId: ROUND,
  decisionNo: '125/QĐ-UBND',
  issuedOn: '2026-11-20',
  signer: 'Lê Văn Chủ',
  ...over,
});

/** Runs commands through decide and evolve as the write side would. */
export function buildRound(commands: readonly RoundCommand[]): { events: RoundEvent[]; state: RoundState } {
  const events: RoundEvent[] = [];
  let state: RoundState = replayRound([]);
  for (const command of commands) {
    for (const event of decideRound(command, state)) {
      events.push(event);
      state = evolveRound(state, event);
    }
  }
  return { events, state };
}

/** Household 1 surveyed and agreed at the Ấp 1 meeting; lists posted. */
export const postedRound = (): RoundCommand[] => [
  openCommand(),
  surveyCommand(1),
  meetingCommand([{ householdId: hh(1), outcome: 'agreed' }]),
  postCommand(),
];

/** A round decider specification: `givenRound(commands).when(command)`. */
export function givenRound(commands: readonly RoundCommand[] = []) {
  const { state } = buildRound(commands);
  return {
    state,
    when(command: RoundCommand) {
      const run = () => decideRound(command, state);
      return {
        events: run,
        thenThrows(code: DomainErrorCode): DomainError {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown, `expected ${code}`).toBeInstanceOf(DomainError);
          const error = thrown as DomainError;
          expect(error.code).toBe(code);
          expect(error.kind).toBe(DOMAIN_ERROR_CODES[code]);
          return error;
        },
      };
    },
  };
}
