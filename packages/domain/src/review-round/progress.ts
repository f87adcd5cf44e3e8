import type { ListClassification } from '../household/values.js';
import type { ResultSource } from './events.js';
import { currentResult, type OpenRound, type RoundHousehold } from './state.js';

/** Where a round stands as a whole. */
export type RoundStage = 'surveying' | 'posted' | 'decided' | 'applied';

/** One household's way through the round. */
export interface HouseholdProgress {
  householdId: string;
  village: string;
  applied: boolean;
  surveyedOn: string;
  proposed: ListClassification;
  meeting: 'pending' | 'agreed' | 'changed';
  meetingHeldOn?: string;
  complaint: 'none' | 'open' | 'upheld' | 'rejected';
  /** The result as it stands now, and where it comes from. */
  current: ListClassification;
  source: ResultSource;
  /** What the decision made official (absent before it). */
  decided?: ListClassification;
}

/** One village's way through the round. */
export interface VillageProgress {
  village: string;
  households: number;
  applied: number;
  agreed: number;
  changed: number;
  pendingMeeting: number;
  meetings: Array<{ heldOn: string; document: string; households: number }>;
}

export interface RoundProgress {
  stage: RoundStage;
  villages: VillageProgress[];
  households: HouseholdProgress[];
}

export function roundStage(round: OpenRound): RoundStage {
  if (round.applied) return 'applied';
  if (round.decision) return 'decided';
  if (round.posting) return 'posted';
  return 'surveying';
}

function householdProgress(h: RoundHousehold, decidedAs: ReadonlyMap<string, ListClassification>): HouseholdProgress {
  const { source, classified } = currentResult(h);
  const decided = decidedAs.get(h.householdId);
  const complaint = !h.complaint ? 'none' : (h.complaint.resolved?.outcome ?? 'open');
  return {
    householdId: h.householdId,
    village: h.village,
    applied: h.applied,
    surveyedOn: h.surveyedOn,
    proposed: h.proposed.classification,
    meeting: h.meeting?.outcome ?? 'pending',
    ...(h.meeting ? { meetingHeldOn: h.meeting.heldOn } : {}),
    complaint,
    current: classified.classification,
    source,
    ...(decided ? { decided } : {}),
  };
}

/** The round's progress per village and per household, villages and households in name and survey order. */
export function roundProgress(round: OpenRound): RoundProgress {
  const decidedAs = new Map((round.decision?.results ?? []).map((r) => [r.householdId, r.decided.classification]));
  const households = Object.values(round.households).map((h) => householdProgress(h, decidedAs));
  const villages = [...new Set(households.map((h) => h.village))].sort((a, b) => a.localeCompare(b, 'vi'));
  return {
    stage: roundStage(round),
    villages: villages.map((village) => {
      const of = households.filter((h) => h.village === village);
      return {
        village,
        households: of.length,
        applied: of.filter((h) => h.applied).length,
        agreed: of.filter((h) => h.meeting === 'agreed').length,
        changed: of.filter((h) => h.meeting === 'changed').length,
        pendingMeeting: of.filter((h) => h.meeting === 'pending').length,
        meetings: round.meetings
          .filter((m) => m.village === village)
          .map((m) => ({ heldOn: m.heldOn, document: m.document, households: m.households })),
      };
    }),
    households,
  };
}
