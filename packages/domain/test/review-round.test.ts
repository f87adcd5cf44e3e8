import { describe, expect, it } from 'vitest';
import {
  decodeRoundEvent,
  encodeRoundEvent,
  HOUSEHOLD_EVENT_SCHEMA_VERSIONS,
  ROUND_EVENT_SCHEMA_VERSIONS,
  type RoundCommand,
  regularRoundId,
  roundProgress,
} from '../src/index.js';
import {
  buildRound,
  decisionCommand,
  givenRound,
  hh,
  meetingCommand,
  NEAR_POOR,
  NON_POOR,
  OTHER_VILLAGE,
  openCommand,
  POOR,
  postCommand,
  postedRound,
  ROUND,
  surveyCommand,
  VILLAGE,
} from './support/round-fixtures.js';

const REGULAR = regularRoundId('5a7e2c1b-3d4f-4a5b-8c6d-7e8f9a0b1c2d');

describe('opening a round', () => {
  it('opens the periodic round of a commune and list year within its campaign window', () => {
    expect(givenRound().when(openCommand()).events()).toEqual([
      {
        type: 'ReviewRoundOpened',
        data: { roundId: ROUND, kind: 'periodic', unitCode: '96001', listYear: 2027, openedOn: '2026-09-05' },
      },
    ]);
  });

  it('keeps one periodic round per commune and list year', () => {
    givenRound([openCommand()])
      .when(openCommand({ openedOn: '2026-09-06' }))
      .thenThrows('ROUND_ALREADY_OPEN');
    // The id follows from commune and year, so a second round cannot hide under another id.
    givenRound()
      .when(openCommand({ roundId: 'periodic-96001-2026' }))
      .thenThrows('ROUND_ID_MISMATCH');
  });

  it('opens outside 1 September – 14 December only with a reason, which it keeps', () => {
    const late = openCommand({ openedOn: '2026-12-15' });
    const error = givenRound().when(late).thenThrows('ROUND_OUTSIDE_WINDOW');
    expect(error.details).toMatchObject({ from: '2026-09-01', to: '2026-12-14' });
    givenRound()
      .when(openCommand({ openedOn: '2026-08-31' }))
      .thenThrows('ROUND_OUTSIDE_WINDOW');
    const reason = 'the commune was merged in August; the campaign starts late';
    expect(
      givenRound()
        .when({ ...late, windowOverrideReason: reason })
        .events()[0]?.data,
    ).toMatchObject({
      windowOverrideReason: reason,
    });
    // Inside the window there is nothing to override: no reason is recorded.
    expect(
      givenRound()
        .when(openCommand({ windowOverrideReason: reason }))
        .events()[0]?.data,
    ).not.toHaveProperty('windowOverrideReason');
  });

  it('opens for a list year its kind may decide, in a commune valid on the day', () => {
    givenRound()
      .when(openCommand({ roundId: 'periodic-96001-2029', listYear: 2029 }))
      .thenThrows('LIST_YEAR_OUT_OF_RANGE');
    givenRound()
      .when(openCommand({ roundId: 'periodic-96101-2027', unitCode: '96101' }))
      .thenThrows('UNIT_NOT_VALID_ON_DATE');
    const regular = openCommand({ roundId: REGULAR, kind: 'regular', listYear: 2026, openedOn: '2026-03-16' });
    expect(givenRound().when(regular).events()).toHaveLength(1);
    givenRound()
      .when({ ...regular, listYear: 2027 })
      .thenThrows('LIST_YEAR_OUT_OF_RANGE');
  });
});

describe('proposed reviews', () => {
  it('records a survey as a proposal, classified under the standard of the list year', () => {
    const [event] = givenRound([openCommand()])
      .when(surveyCommand(1, { applied: true }))
      .events();
    expect(event).toEqual({
      type: 'RoundReviewProposed',
      data: {
        householdId: hh(1),
        village: VILLAGE,
        area: 'rural',
        applied: true,
        surveyedOn: '2026-09-20',
        result: POOR,
        proposed: { classification: 'poor', standardId: 'VN-2027-2030', averageLivingBand: false },
      },
    });
  });

  it('replaces a proposal surveyed again before the meeting, and refuses after it', () => {
    const { state } = buildRound([openCommand(), surveyCommand(1), surveyCommand(1, { result: NON_POOR })]);
    expect(state.status === 'open' && state.households[hh(1)]?.proposed.classification).toBe('non_poor');
    givenRound([openCommand(), surveyCommand(1), meetingCommand([{ householdId: hh(1), outcome: 'agreed' }])])
      .when(surveyCommand(1, { result: NON_POOR }))
      .thenThrows('ROUND_MEETING_OUTCOME_RECORDED');
  });

  it('takes households of the commune, old communes merged into it included', () => {
    const round = givenRound([openCommand()]);
    expect(
      round.when(surveyCommand(1, { household: { unitCode: '96101', village: 'Ấp 3', area: 'rural' } })).events(),
    ).toHaveLength(1);
    round
      .when(surveyCommand(2, { household: { unitCode: '86001', village: 'Ấp 3', area: 'rural' } }))
      .thenThrows('ROUND_HOUSEHOLD_OUTSIDE_UNIT');
    round
      .when(surveyCommand(3, { household: { unitCode: '96001', area: 'rural' } }))
      .thenThrows('ROUND_VILLAGE_REQUIRED');
  });

  it('checks dates and figures when they are entered', () => {
    const round = givenRound([openCommand()]);
    round.when(surveyCommand(1, { surveyedOn: '2026-09-01' })).thenThrows('ROUND_STEP_TOO_EARLY');
    round
      .when(surveyCommand(1, { result: { incomePerCapitaVnd: 1, deprivations: ['wifi'] } }))
      .thenThrows('UNKNOWN_INDICATOR');
    givenRound(postedRound()).when(surveyCommand(2)).thenThrows('ROUND_LISTS_POSTED');
  });

  it('classifies by the form scores where the standard has a scoring, as data beside it', () => {
    const round2026 = 'periodic-96001-2026';
    const opened = openCommand({ roundId: round2026, listYear: 2026, openedOn: '2025-09-10' });
    const survey = (formScores: { incomeProxyPoints: number; deprivationPoints?: number }, deprivations: string[]) =>
      surveyCommand(1, { roundId: round2026, surveyedOn: '2025-09-20', result: { formScores, deprivations } });
    const round = givenRound([opened]);
    expect(
      round.when(survey({ incomeProxyPoints: 120 }, ['water', 'sanitation', 'telecom'])).events()[0]?.data,
    ).toMatchObject({ proposed: { classification: 'poor', standardId: 'VN-2022-2026' } });
    expect(
      round.when(survey({ incomeProxyPoints: 140, deprivationPoints: 10 }, ['water'])).events()[0]?.data,
    ).toMatchObject({ proposed: { classification: 'near_poor' } });
    expect(round.when(survey({ incomeProxyPoints: 180 }, [])).events()[0]?.data).toMatchObject({
      proposed: { classification: 'non_poor', averageLivingBand: true },
    });
    round
      .when(survey({ incomeProxyPoints: 120, deprivationPoints: 20 }, ['water']))
      .thenThrows('FORM_SCORES_INCONSISTENT');
    // VN-2027-2030's scoring is not known yet: a survey by scores is refused, not guessed.
    givenRound([openCommand()])
      .when(surveyCommand(1, { result: { formScores: { incomeProxyPoints: 120 }, deprivations: [] } }))
      .thenThrows('FORM_SCORES_NOT_DEFINED');
  });
});

describe('village meetings', () => {
  const surveyed = [
    openCommand(),
    surveyCommand(1),
    surveyCommand(2),
    surveyCommand(3, { household: { unitCode: '96001', village: OTHER_VILLAGE, area: 'rural' } }),
  ];

  it('rules on every proposal of its village waiting for one; a change is classified', () => {
    const [event] = givenRound(surveyed)
      .when(
        meetingCommand([
          { householdId: hh(1), outcome: 'agreed' },
          { householdId: hh(2), outcome: 'changed', result: NEAR_POOR },
        ]),
      )
      .events();
    expect(event?.data).toMatchObject({
      village: VILLAGE,
      outcomes: [
        { householdId: hh(1), outcome: 'agreed' },
        { householdId: hh(2), outcome: 'changed', changedTo: { classification: 'near_poor' } },
      ],
    });
    const round = givenRound(surveyed);
    round.when(meetingCommand([{ householdId: hh(1), outcome: 'agreed' }])).thenThrows('ROUND_MEETING_OUTCOME_MISSING');
    round.when(meetingCommand([{ householdId: hh(3), outcome: 'agreed' }])).thenThrows('ROUND_VILLAGE_MISMATCH');
    round.when(meetingCommand([{ householdId: hh(9), outcome: 'agreed' }])).thenThrows('ROUND_HOUSEHOLD_NOT_PROPOSED');
    round
      .when(
        meetingCommand([
          { householdId: hh(1), outcome: 'agreed' },
          { householdId: hh(1), outcome: 'agreed' },
        ]),
      )
      .thenThrows('ROUND_HOUSEHOLD_LISTED_TWICE');
    round
      .when(
        meetingCommand(
          [
            { householdId: hh(1), outcome: 'agreed' },
            { householdId: hh(2), outcome: 'agreed' },
          ],
          { heldOn: '2026-09-19' },
        ),
      )
      .thenThrows('ROUND_STEP_TOO_EARLY');
  });

  it('meets again for households surveyed after its first meeting', () => {
    const { state } = buildRound([
      openCommand(),
      surveyCommand(1),
      meetingCommand([{ householdId: hh(1), outcome: 'agreed' }]),
      surveyCommand(2, { applied: true, surveyedOn: '2026-10-06' }),
      meetingCommand([{ householdId: hh(2), outcome: 'agreed' }], { heldOn: '2026-10-08' }),
    ]);
    expect(state.status === 'open' && state.meetings.map((m) => m.heldOn)).toEqual(['2026-10-05', '2026-10-08']);
  });
});

describe('posting and complaints', () => {
  it('posts once, after every proposal has its meeting', () => {
    givenRound([openCommand()]).when(postCommand()).thenThrows('ROUND_HAS_NO_REVIEWS');
    givenRound([openCommand(), surveyCommand(1)])
      .when(postCommand())
      .thenThrows('ROUND_MEETINGS_PENDING');
    givenRound(postedRound()).when(postCommand()).thenThrows('ROUND_LISTS_POSTED');
    const agreed = postedRound().slice(0, 3);
    givenRound(agreed)
      .when(postCommand({ from: '2026-10-04' }))
      .thenThrows('ROUND_STEP_TOO_EARLY');
    givenRound(agreed)
      .when(postCommand({ to: '2026-10-09' }))
      .thenThrows('ROUND_STEP_TOO_EARLY');
  });

  it('hears complaints once posted, one open per household; an upheld one changes the result', () => {
    const complaint: RoundCommand = {
      type: 'ReceiveRoundComplaint',
      roundId: ROUND,
      householdId: hh(1),
      receivedOn: '2026-10-12',
      summary: 'Gia đình cho rằng thu nhập đã được tính quá cao',
    };
    givenRound(postedRound().slice(0, 3)).when(complaint).thenThrows('ROUND_NOT_POSTED');
    givenRound(postedRound())
      .when({ ...complaint, receivedOn: '2026-10-09' })
      .thenThrows('ROUND_STEP_TOO_EARLY');
    givenRound([...postedRound(), complaint])
      .when(complaint)
      .thenThrows('ROUND_COMPLAINT_OPEN');
    const resolve: RoundCommand = {
      type: 'ResolveRoundComplaint',
      roundId: ROUND,
      householdId: hh(1),
      resolvedOn: '2026-10-20',
      outcome: 'upheld',
      result: NON_POOR,
    };
    givenRound(postedRound()).when(resolve).thenThrows('ROUND_NO_OPEN_COMPLAINT');
    const { state } = buildRound([...postedRound(), complaint, resolve]);
    expect(state.status === 'open' && roundProgress(state).households[0]).toMatchObject({
      complaint: 'upheld',
      current: 'non_poor',
      source: 'complaint',
    });
  });
});

describe('the decision', () => {
  const complaint: RoundCommand = {
    type: 'ReceiveRoundComplaint',
    roundId: ROUND,
    householdId: hh(3),
    receivedOn: '2026-10-12',
    summary: 'Hộ đề nghị xem xét lại',
  };
  const full: RoundCommand[] = [
    openCommand(),
    surveyCommand(1),
    surveyCommand(2),
    surveyCommand(3, { applied: true, result: NEAR_POOR }),
    meetingCommand([
      { householdId: hh(1), outcome: 'agreed' },
      { householdId: hh(2), outcome: 'changed', result: NEAR_POOR },
      { householdId: hh(3), outcome: 'agreed' },
    ]),
    postCommand(),
    complaint,
    {
      type: 'ResolveRoundComplaint',
      roundId: ROUND,
      householdId: hh(3),
      resolvedOn: '2026-10-25',
      outcome: 'upheld',
      result: POOR,
      document: 'Văn bản trả lời số 7',
    },
  ];

  it('makes every final result official at once: survey, meeting change, upheld complaint', () => {
    const [event] = givenRound(full).when(decisionCommand()).events();
    expect(event).toMatchObject({
      type: 'RoundDecisionIssued',
      data: {
        decisionNo: '125/QĐ-UBND',
        issuedOn: '2026-11-20',
        signer: 'Lê Văn Chủ',
        results: [
          { householdId: hh(1), source: 'survey', decided: { classification: 'poor' }, applied: false },
          { householdId: hh(2), source: 'meeting', decided: { classification: 'near_poor' } },
          { householdId: hh(3), source: 'complaint', decided: { classification: 'poor' }, applied: true },
        ],
      },
    });
  });

  it('comes after the posting has ended and every complaint is resolved, within the list year', () => {
    givenRound(full)
      .when(decisionCommand({ issuedOn: '2026-10-17' }))
      .thenThrows('ROUND_DECISION_BEFORE_POSTING_ENDED');
    expect(
      givenRound(full)
        .when(decisionCommand({ issuedOn: '2026-10-26' }))
        .events(),
    ).toHaveLength(1);
    givenRound(full)
      .when(decisionCommand({ issuedOn: '2026-10-24' }))
      .thenThrows('ROUND_STEP_TOO_EARLY');
    givenRound(full.slice(0, -1)).when(decisionCommand()).thenThrows('ROUND_COMPLAINTS_UNRESOLVED');
    givenRound(full)
      .when(decisionCommand({ issuedOn: '2028-01-05' }))
      .thenThrows('LIST_YEAR_OUT_OF_RANGE');
    givenRound(full.slice(0, 5)).when(decisionCommand()).thenThrows('ROUND_NOT_POSTED');
  });

  it('changes nothing afterwards but the record that it was applied, once', () => {
    const decided = [...full, decisionCommand()];
    for (const command of [surveyCommand(4), postCommand(), decisionCommand(), complaint]) {
      givenRound(decided).when(command).thenThrows('ROUND_DECIDED');
    }
    givenRound(full).when({ type: 'MarkRoundDecisionApplied', roundId: ROUND }).thenThrows('ROUND_NOT_DECIDED');
    const applied = [...decided, { type: 'MarkRoundDecisionApplied', roundId: ROUND } as const];
    expect(buildRound(applied).events.at(-1)).toEqual({ type: 'RoundDecisionApplied', data: { households: 3 } });
    givenRound(applied)
      .when({ type: 'MarkRoundDecisionApplied', roundId: ROUND })
      .thenThrows('ROUND_DECISION_ALREADY_APPLIED');
  });

  it('shows progress per village and household', () => {
    const { state } = buildRound([...full, decisionCommand()]);
    if (state.status !== 'open') throw new Error('no round');
    const progress = roundProgress(state);
    expect(progress.stage).toBe('decided');
    expect(progress.villages).toEqual([
      {
        village: VILLAGE,
        households: 3,
        applied: 1,
        agreed: 2,
        changed: 1,
        pendingMeeting: 0,
        meetings: [{ heldOn: '2026-10-05', document: 'Biên bản họp bình xét Ấp 1', households: 3 }],
      },
    ]);
    expect(progress.households.map((h) => [h.proposed, h.meeting, h.complaint, h.decided])).toEqual([
      ['poor', 'agreed', 'none', 'poor'],
      ['poor', 'changed', 'none', 'near_poor'],
      ['near_poor', 'agreed', 'upheld', 'poor'],
    ]);
  });
});

describe('round events in the store', () => {
  it('never share a type with a household event: household read models select by type', () => {
    const household = new Set(Object.keys(HOUSEHOLD_EVENT_SCHEMA_VERSIONS));
    expect(Object.keys(ROUND_EVENT_SCHEMA_VERSIONS).filter((t) => household.has(t))).toEqual([]);
  });

  it('keep a complaint’s words apart, as personal data that can be erased', () => {
    const event = {
      type: 'RoundComplaintReceived' as const,
      data: { householdId: hh(1), receivedOn: '2026-10-12', summary: 'Ông Tư bị đau ốm kéo dài' },
    };
    const encoded = encodeRoundEvent(event);
    expect(encoded.data).not.toHaveProperty('summary');
    expect(encoded.personal).toEqual({ summary: event.data.summary });
    expect(decodeRoundEvent(encoded)).toEqual(event);
    expect(decodeRoundEvent({ ...encoded, personal: null }).data).toMatchObject({ summary: '[erased]' });
  });
});
