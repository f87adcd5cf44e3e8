import { assertNever } from '../shared/exhaustive.js';
import type { HouseholdEvent } from './events.js';
import { supportKindOf } from './events.js';
import {
  type ActiveHousehold,
  EMPTY_SUPPORT_COUNTS,
  type HouseholdState,
  type LoanState,
  type TrainingState,
} from './state.js';
import {
  afterReview,
  deriveTransition,
  escapeOf,
  NO_LIST_HISTORY,
  newlyEscapedUntil,
  relapseOf,
} from './transitions.js';

/** Events that correct other events; `evolve` handles them, `applyFact` never sees them. */
export type CorrectionEvent = Extract<HouseholdEvent, { type: 'EventVoided' | 'EventAmended' }>;
/** Events that state facts about the household. */
export type FactEvent = Exclude<HouseholdEvent, CorrectionEvent>;

export const isCorrection = (e: HouseholdEvent): e is CorrectionEvent =>
  e.type === 'EventVoided' || e.type === 'EventAmended';

type Registered = Exclude<HouseholdState, { status: 'unregistered' }>;

function withLoan(s: Registered, loanId: string, change: (loan: LoanState) => LoanState): Registered {
  const loan = s.loans[loanId];
  // A follow-up of a voided grant no longer refers to anything: history is kept, nothing changes.
  return loan ? { ...s, loans: { ...s.loans, [loanId]: change(loan) } } : s;
}

function withTraining(s: Registered, id: string, change: (t: TrainingState) => TrainingState): Registered {
  const training = s.trainings[id];
  return training ? { ...s, trainings: { ...s.trainings, [id]: change(training) } } : s;
}

function assessed(s: Registered, e: Extract<FactEvent, { type: 'HouseholdAssessed' }>, eventId?: string): Registered {
  const d = e.data;
  const previous = s.classification;
  // Re-derived rather than read from the event, so that voiding or amending an earlier review re-reads
  // every later one (evolve derives the state again from the log that still counts).
  const transition = deriveTransition(previous, d.classification, d.reviewType, s.listHistory);
  const review = {
    eventId,
    effectiveDate: d.effectiveDate,
    reviewType: d.reviewType,
    listYear: d.listYear,
    standardId: d.standardId,
    classification: d.classification,
    previousClassification: previous,
    averageLivingBand: d.averageLivingBand,
    transition,
  };
  const escaped = escapeOf(previous, d.classification);
  const relapse = relapseOf(transition);
  return {
    ...s,
    classification: d.classification,
    reviews: [...s.reviews, review],
    lastReview: review,
    escapes: escaped
      ? [
          ...s.escapes,
          { eventId, on: d.effectiveDate, ...escaped, newlyEscapedUntil: newlyEscapedUntil(d.effectiveDate) },
        ]
      : s.escapes,
    relapses: relapse ? [...s.relapses, { eventId, on: d.effectiveDate, into: relapse }] : s.relapses,
    listHistory: afterReview(s.listHistory, previous, d.classification),
  };
}

/** Keeps only the fields a change names. */
const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The household with these listed members: its count follows them, its head's ethnicity too. */
function withMembers(s: Registered, members: Registered['members']): Registered {
  const head = Object.values(members).find((m) => m.facts.relationship === 'head');
  return {
    ...s,
    members,
    membersListed: true,
    memberCount: Object.keys(members).length,
    headEthnicity: head?.facts.ethnicity ?? s.headEthnicity,
  };
}

function registered(e: Extract<FactEvent, { type: 'HouseholdRegistered' }>): ActiveHousehold {
  const d = e.data;
  return {
    status: 'active',
    householdId: d.householdId,
    householdCode: d.householdCode,
    unitCode: d.unitCode,
    village: d.village,
    area: d.area,
    areaSource: d.areaSource,
    areaOverrideReason: d.areaOverrideReason,
    memberCount: d.memberCount,
    members: {},
    membersListed: false,
    headEthnicity: d.headEthnicity,
    registeredOn: d.registeredOn,
    classification: 'unassessed',
    reviews: [],
    lastReview: undefined,
    escapes: [],
    relapses: [],
    listHistory: NO_LIST_HISTORY,
    unableToEscape: null,
    loans: {},
    trainings: {},
    supportCounts: EMPTY_SUPPORT_COUNTS,
    notes: 0,
    // evolve sets these two.
    version: 0,
    log: [],
  };
}

function countSupport(s: Registered, e: FactEvent): Registered {
  const kind = supportKindOf(e);
  return kind ? { ...s, supportCounts: { ...s.supportCounts, [kind]: s.supportCounts[kind] + 1 } } : s;
}

function applyToRegistered(s: Registered, e: FactEvent, eventId?: string): Registered {
  switch (e.type) {
    case 'HouseholdRegistered':
      return s; // registered once; a second registration cannot come from decide
    case 'HouseholdMembersChanged':
      return { ...s, memberCount: e.data.memberCount };
    case 'HouseholdMemberAdded':
      return withMembers(s, {
        ...s.members,
        [e.data.memberId]: { memberId: e.data.memberId, facts: e.data.facts, since: e.data.occurredOn },
      });
    case 'HouseholdMemberChanged': {
      const member = s.members[e.data.memberId];
      if (!member) return s;
      const facts = { ...member.facts, ...definedOnly(e.data.facts) };
      return withMembers(s, { ...s.members, [member.memberId]: { ...member, facts } });
    }
    case 'HouseholdMemberRemoved': {
      if (!s.members[e.data.memberId]) return s;
      const { [e.data.memberId]: _removed, ...rest } = s.members;
      return withMembers(s, rest);
    }
    case 'HouseholdMoved':
      return {
        ...s,
        unitCode: e.data.toUnitCode,
        village: e.data.village,
        area: e.data.area,
        areaSource: e.data.areaSource,
        areaOverrideReason: e.data.areaOverrideReason,
      };
    case 'HouseholdAssessed':
      return assessed(s, e, eventId);
    case 'UnableToEscapeFlagSet':
      return { ...s, unableToEscape: { basis: e.data.basis, reason: e.data.reason, since: e.data.occurredOn } };
    case 'UnableToEscapeFlagCleared':
      return { ...s, unableToEscape: null };
    case 'LoanGranted': {
      const d = e.data;
      const loan: LoanState = {
        loanId: d.loanId,
        programme: d.programme,
        amountVnd: d.amountVnd,
        outstandingVnd: d.amountVnd,
        termMonths: d.termMonths,
        annualRatePercent: d.annualRatePercent,
        grantedOn: d.occurredOn,
        status: 'active',
      };
      return { ...s, loans: { ...s.loans, [d.loanId]: loan } };
    }
    case 'LoanRepaid':
      return withLoan(s, e.data.loanId, (loan) => {
        const outstandingVnd = Math.max(0, loan.outstandingVnd - e.data.amountVnd);
        return { ...loan, outstandingVnd, status: outstandingVnd === 0 ? 'repaid' : loan.status };
      });
    case 'LoanMarkedOverdue':
      return withLoan(s, e.data.loanId, (loan) => ({ ...loan, status: 'overdue' }));
    case 'LoanWrittenOff':
      return withLoan(s, e.data.loanId, (loan) => ({ ...loan, outstandingVnd: 0, status: 'written_off' }));
    case 'TrainingEnrolled': {
      const t: TrainingState = {
        trainingId: e.data.trainingId,
        course: e.data.course,
        enrolledOn: e.data.occurredOn,
        status: 'enrolled',
      };
      return { ...s, trainings: { ...s.trainings, [t.trainingId]: t } };
    }
    case 'TrainingCompleted':
      return withTraining(s, e.data.trainingId, (t) => ({ ...t, status: 'completed' }));
    case 'TrainingDropped':
      return withTraining(s, e.data.trainingId, (t) => ({ ...t, status: 'dropped' }));
    case 'JobPlaced':
    case 'LivelihoodSupported':
    case 'ProductionSupported':
    case 'HealthInsuranceCardsIssued':
    case 'HousingSupported':
    case 'WaterSanitationSupported':
    case 'OtherSupportProvided':
      return s;
    case 'NoteAdded':
      return { ...s, notes: s.notes + 1 };
    case 'HouseholdClosed':
      return { ...s, status: 'closed', closedOn: e.data.occurredOn, closeReason: e.data.reason };
    case 'PersonalDataErased':
      // No fact about the household changes (its counts and analytics neither): only its names went.
      return s;
    default:
      return assertNever(e, 'household fact event');
  }
}

/**
 * Applies one fact to the state (version and log untouched: `evolve` keeps those). Events on an
 * unregistered household other than its registration change nothing: replay never throws.
 */
export function applyFact(state: HouseholdState, event: FactEvent, eventId?: string): HouseholdState {
  if (state.status === 'unregistered') {
    return event.type === 'HouseholdRegistered' ? registered(event) : state;
  }
  return countSupport(applyToRegistered(state, event, eventId), event);
}
