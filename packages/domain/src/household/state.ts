import type { LoanProgrammeId } from '../standards/loan-programmes.js';
import type { Transition, UnableToEscapeBasis } from './events/assessment.js';
import type { AreaSource, CloseReason } from './events/lifecycle.js';
import type { MemberFacts } from './events/members.js';
import type { HouseholdEvent, HouseholdEventType, SupportKind } from './events.js';
import type { ListHistory } from './transitions.js';
import type { Area, Classification, ListClassification, ReviewType } from './values.js';

export type { Classification } from './values.js';

/** A review that counts (not voided), with its transition derived from the reviews before it. */
export interface ReviewRecord {
  eventId?: string | undefined;
  effectiveDate: string;
  reviewType: ReviewType;
  listYear: number;
  standardId: string;
  classification: ListClassification;
  /** The classification before this review (`unassessed` for the first). */
  previousClassification: Classification;
  averageLivingBand: boolean;
  transition: Transition;
}

/** An escape from a list; the household is newly escaped from `on` until the day before `newlyEscapedUntil`. */
export interface EscapeRecord {
  eventId?: string | undefined;
  on: string;
  from: 'poor' | 'near_poor';
  to: 'near_poor' | 'non_poor';
  /** 36 months after the escape: the first day it is no longer newly escaped. */
  newlyEscapedUntil: string;
}

/** A relapse after an earlier escape: into poverty (tái nghèo) or near-poverty (tái cận nghèo). */
export interface RelapseRecord {
  eventId?: string | undefined;
  on: string;
  into: 'poor' | 'near_poor';
}

export interface LoanState {
  loanId: string;
  programme: LoanProgrammeId;
  amountVnd: number;
  outstandingVnd: number;
  termMonths: number;
  annualRatePercent: number;
  grantedOn: string;
  status: 'active' | 'overdue' | 'repaid' | 'written_off';
}

export interface TrainingState {
  trainingId: string;
  course: string;
  enrolledOn: string;
  status: 'enrolled' | 'completed' | 'dropped';
}

/**
 * Every event applied, in stream order, with its id when known: corrections find their target here,
 * and the state is re-derived from the entries that still count after a void or an amendment.
 */
export interface LogEntry {
  eventId?: string | undefined;
  /** Stream version of the event. */
  version: number;
  type: HouseholdEventType;
  /** The event as it counts now: the latest amendment's replacement, if amended. */
  event: HouseholdEvent;
  voided: boolean;
  amended: boolean;
}

/** A listed member: the facts reported on (the name and ID number stay in the events' personal part). */
export interface MemberState {
  memberId: string;
  facts: MemberFacts;
  since: string;
}

/** What a registered household's state holds, active or closed. */
export interface RegisteredHousehold {
  householdId: string;
  householdCode?: string | undefined;
  /** The unit code valid when last recorded (registration or move); see `unitAsOf` for today's unit. */
  unitCode: string;
  village?: string | undefined;
  area: Area;
  /** How the area was settled (absent for events recorded before areas came from units). */
  areaSource?: AreaSource | undefined;
  areaOverrideReason?: string | undefined;
  /** The registered count, or once members are listed, the number of listed members. */
  memberCount: number;
  /** Members by id, once the household lists them (empty for a household registered with a count only). */
  members: Readonly<Record<string, MemberState>>;
  /** True once a member was listed: from then on the list, not a count, says how many they are. */
  membersListed: boolean;
  /** The head's ethnic group (national code), from the registration or the member listed as head. */
  headEthnicity?: string | undefined;
  registeredOn: string;
  classification: Classification;
  /** Counting reviews in order of effective date. */
  reviews: readonly ReviewRecord[];
  lastReview?: ReviewRecord | undefined;
  escapes: readonly EscapeRecord[];
  relapses: readonly RelapseRecord[];
  /** What the counting reviews say of its past on the lists (the next review's transition reads it). */
  listHistory: ListHistory;
  unableToEscape: { basis: UnableToEscapeBasis; reason: string; since: string } | null;
  loans: Readonly<Record<string, LoanState>>;
  trainings: Readonly<Record<string, TrainingState>>;
  /** Support actions started, by kind (loans granted, enrolments, placements, …). */
  supportCounts: Readonly<Record<SupportKind, number>>;
  notes: number;
  /** Number of events applied: the stream version this state reflects. */
  version: number;
  log: readonly LogEntry[];
}

export interface ActiveHousehold extends RegisteredHousehold {
  status: 'active';
}

export interface ClosedHousehold extends RegisteredHousehold {
  status: 'closed';
  closedOn: string;
  closeReason: CloseReason;
}

export type HouseholdState = { status: 'unregistered' } | ActiveHousehold | ClosedHousehold;

export const initialState = (): HouseholdState => ({ status: 'unregistered' });

export const EMPTY_SUPPORT_COUNTS: Readonly<Record<SupportKind, number>> = {
  loan: 0,
  training: 0,
  job_placement: 0,
  livelihood: 0,
  production: 0,
  health_insurance: 0,
  housing: 0,
  water_sanitation: 0,
  other: 0,
};
