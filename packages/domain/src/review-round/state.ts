import type { Area } from '../household/values.js';
import type { DecidedResult, ResultSource } from './events.js';
import type { ResultClassification, RoundKind, StoredSurveyResult } from './values.js';

/** A household's proposal, with what its meeting and complaint made of it. */
export interface RoundHousehold {
  householdId: string;
  village: string;
  area: Area;
  applied: boolean;
  surveyedOn: string;
  /** The latest survey's result (a re-survey before the meeting replaces it). */
  proposal: StoredSurveyResult;
  proposed: ResultClassification;
  /** Set by the household's village meeting. */
  meeting?: {
    heldOn: string;
    outcome: 'agreed' | 'changed';
    result?: StoredSurveyResult;
    changedTo?: ResultClassification;
  };
  /** The household's complaint, open until resolved. */
  complaint?: {
    receivedOn: string;
    resolved?: {
      resolvedOn: string;
      outcome: 'upheld' | 'rejected';
      result?: StoredSurveyResult;
      changedTo?: ResultClassification;
    };
  };
}

/** A village meeting held, by its date. */
export interface RoundMeeting {
  village: string;
  heldOn: string;
  document: string;
  households: number;
}

/** An opened round: its steps so far. */
export interface OpenRound {
  status: 'open';
  roundId: string;
  kind: RoundKind;
  unitCode: string;
  listYear: number;
  openedOn: string;
  document?: string | undefined;
  windowOverrideReason?: string | undefined;
  /** Proposals by household id, in the order first surveyed. */
  households: Readonly<Record<string, RoundHousehold>>;
  meetings: readonly RoundMeeting[];
  posting?: { from: string; to: string; document: string } | undefined;
  decision?:
    | {
        decisionNo: string;
        issuedOn: string;
        signer: string;
        document?: string | undefined;
        results: readonly DecidedResult[];
      }
    | undefined;
  /** Set once every household of the decision has its review. */
  applied?: { households: number } | undefined;
  /** Events applied: the stream version this state reflects. */
  version: number;
}

export type RoundState = { status: 'none' } | OpenRound;

export const initialRoundState = (): RoundState => ({ status: 'none' });

/** A household's result as it stands: the complaint's if upheld, else the meeting's change, else its survey. */
export function currentResult(h: RoundHousehold): {
  source: ResultSource;
  result: StoredSurveyResult;
  classified: ResultClassification;
} {
  const resolved = h.complaint?.resolved;
  if (resolved?.outcome === 'upheld' && resolved.result && resolved.changedTo) {
    return { source: 'complaint', result: resolved.result, classified: resolved.changedTo };
  }
  if (h.meeting?.outcome === 'changed' && h.meeting.result && h.meeting.changedTo) {
    return { source: 'meeting', result: h.meeting.result, classified: h.meeting.changedTo };
  }
  return { source: 'survey', result: h.proposal, classified: h.proposed };
}
