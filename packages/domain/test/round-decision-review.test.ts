import { describe, expect, it } from 'vitest';
import { decide, type OpenRound, replay, reviewOfDecision } from '../src/index.js';
import { assessCommand, build, HH, registerCommand } from './support/fixtures.js';
import {
  buildRound,
  decisionCommand,
  meetingCommand,
  openCommand,
  postCommand,
  ROUND,
  surveyCommand,
} from './support/round-fixtures.js';

/** A round of household HH (registered in old commune 96101, which became 96001), decided. */
function decided(result: Parameters<typeof surveyCommand>[1] = {}): OpenRound {
  const { state } = buildRound([
    openCommand(),
    surveyCommand(0, { householdId: HH, household: { unitCode: '96101', village: 'Ấp 1', area: 'rural' }, ...result }),
    meetingCommand([{ householdId: HH, outcome: 'agreed' }]),
    postCommand(),
    decisionCommand(),
  ]);
  if (state.status !== 'open') throw new Error('no round');
  return state;
}

describe('a decision becomes each household’s review', () => {
  it('records the review of the round’s kind and list year, on the decision’s date, number and signer', () => {
    const round = decided();
    const result = round.decision?.results[0];
    if (!result) throw new Error('no result');
    const command = reviewOfDecision(round, result);
    expect(command).toEqual({
      type: 'AssessHousehold',
      householdId: HH,
      roundId: ROUND,
      assessment: {
        reviewType: 'periodic',
        effectiveDate: '2026-11-20',
        listYear: 2027,
        incomePerCapitaVnd: 1_800_000,
        deprivations: ['water', 'sanitation', 'telecom'],
        decisionNo: '125/QĐ-UBND',
        approvedBy: 'Lê Văn Chủ',
      },
    });
    const household = replay(build([registerCommand(), assessCommand()]).history);
    const [assessed] = command ? decide(command, household) : [];
    expect(assessed).toMatchObject({
      type: 'HouseholdAssessed',
      data: {
        reviewType: 'periodic',
        effectiveDate: '2026-11-20',
        listYear: 2027,
        standardId: 'VN-2027-2030',
        classification: 'poor',
        previousClassification: 'poor',
        transition: 'no_change',
        decisionNo: '125/QĐ-UBND',
        approvedBy: 'Lê Văn Chủ',
        roundId: ROUND,
      },
    });
  });

  it('records a review by form scores with its points, B2 counted from the deprivations', () => {
    const household = replay(build([registerCommand()]).history);
    const [assessed] = decide(
      {
        type: 'AssessHousehold',
        householdId: HH,
        assessment: {
          reviewType: 'regular',
          effectiveDate: '2024-05-20',
          formScores: { incomeProxyPoints: 185 },
          deprivations: [],
        },
      },
      household,
    );
    expect(assessed).toMatchObject({
      type: 'HouseholdAssessed',
      data: {
        formScores: { incomeProxyPoints: 185, deprivationPoints: 0 },
        classification: 'non_poor',
        averageLivingBand: true,
        unverified: [expect.stringContaining('average-living band in income-proxy points')],
      },
    });
    expect(assessed?.data).not.toHaveProperty('incomePerCapitaVnd');
  });
});
