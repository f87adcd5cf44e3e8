import type { Classification, ListClassification, ReviewRecord, Transition } from '@benvung/domain';
import type { HouseholdFold } from './fold.js';

/** The two lists a unit keeps: poor (hộ nghèo) and near-poor (hộ cận nghèo). */
export type ListName = 'poor' | 'near_poor';

/**
 * Why a household joined a list:
 * - `baseline`: the list it was on when follow-up began (a baseline review);
 * - `newly`: phát sinh — newly poor (never poor before) or newly near-poor (not a relapse);
 * - `relapsed`: tái nghèo / tái cận nghèo;
 * - `from_poor`: onto the near-poor list by escaping poverty (poor → near-poor);
 * - `moved_in`: moved into the unit while on the list.
 */
export type JoinReason = 'baseline' | 'newly' | 'relapsed' | 'from_poor' | 'moved_in';

/**
 * Why a household left a list:
 * - `escaped`: thoát nghèo (poor → near-poor or non-poor) or thoát cận nghèo (near-poor → non-poor);
 * - `to_poor`: off the near-poor list onto the poor list;
 * - `moved_out`: moved out of the unit while on the list;
 * - `closed`: left follow-up (dissolved, moved away, deceased).
 */
export type LeaveReason = 'escaped' | 'to_poor' | 'moved_out' | 'closed';

/** A household joining or leaving a list of a unit on a date: the unit of a yearly balance. */
export interface ListMovement {
  list: ListName;
  unitCode: string;
  on: string;
  /** +1 joins the list, −1 leaves it. */
  sign: 1 | -1;
  reason: JoinReason | LeaveReason;
  /** The classification before and after (for joins from near-poor, escapes to near-poor). */
  from: Classification;
  to: Classification | 'gone';
}

/** A stretch of time a household stood in one unit with one classification; `to` is exclusive, null while open. */
export interface ListSpell {
  unitCode: string;
  classification: ListClassification;
  from: string;
  to: string | null;
}

/** What a household contributes to the lists: every movement, and the spells between them. */
export interface ListHistoryRows {
  movements: ListMovement[];
  spells: ListSpell[];
}

type Fact =
  | { on: string; rank: 0; kind: 'place'; unitCode: string }
  | { on: string; rank: 1; kind: 'review'; review: ReviewRecord }
  | { on: string; rank: 2; kind: 'closed' };

const isListed = (c: Classification): c is ListName => c === 'poor' || c === 'near_poor';

/** Why a review put the household on `list`: read from the domain's own transition (one definition). */
function joinReason(list: ListName, transition: Transition): JoinReason {
  if (transition === 'classified_poor' || transition === 'classified_near_poor') return 'baseline';
  if (transition === 'relapsed' || transition === 'relapsed_near_poverty') return 'relapsed';
  if (list === 'near_poor' && transition === 'escaped_poverty') return 'from_poor';
  // newly_poor, newly_near_poor, and `became_poor` read from events older than the current rules.
  return 'newly';
}

/**
 * A household's movements on and off the lists of its units, and its spells, from its fold: the
 * counting reviews (with the transitions the domain derives), the places it was recorded in, and its
 * closure, in date order. On one date a move comes before a review (the review is the new unit's) and a
 * closure after both. Every yearly count and every year-end list is read from these, so the balance
 * — start of year − leavers + joiners = end of year — holds by construction.
 */
export function listMovements(fold: HouseholdFold): ListHistoryRows {
  const h = fold.state;
  const movements: ListMovement[] = [];
  const spells: ListSpell[] = [];
  const first = fold.places[0];
  if (h.status === 'unregistered' || !first) return { movements, spells };

  const facts: Fact[] = [
    ...fold.places.slice(1).map((p): Fact => ({ on: p.on, rank: 0, kind: 'place', unitCode: p.unitCode })),
    ...h.reviews.map((review): Fact => ({ on: review.effectiveDate, rank: 1, kind: 'review', review })),
  ];
  if (h.status === 'closed') facts.push({ on: h.closedOn, rank: 2, kind: 'closed' });
  // Stable: facts of one kind on one date keep their recorded order.
  facts.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.rank - b.rank));

  let unitCode = first.unitCode;
  let classification: Classification = 'unassessed';
  const move = (list: ListName, on: string, sign: 1 | -1, reason: ListMovement['reason'], to: ListMovement['to']) =>
    movements.push({ list, unitCode, on, sign, reason, from: classification, to });
  const openSpell = (on: string) => {
    if (classification !== 'unassessed') spells.push({ unitCode, classification, from: on, to: null });
  };
  const closeSpell = (on: string) => {
    const last = spells[spells.length - 1];
    if (last && last.to === null) last.to = on;
  };

  for (const fact of facts) {
    switch (fact.kind) {
      case 'place': {
        if (fact.unitCode === unitCode) break;
        if (isListed(classification)) move(classification, fact.on, -1, 'moved_out', classification);
        closeSpell(fact.on);
        unitCode = fact.unitCode;
        if (isListed(classification)) move(classification, fact.on, 1, 'moved_in', classification);
        openSpell(fact.on);
        break;
      }
      case 'review': {
        const next = fact.review.classification;
        if (next === classification) break;
        if (classification === 'poor') move('poor', fact.on, -1, 'escaped', next);
        if (classification === 'near_poor')
          move('near_poor', fact.on, -1, next === 'poor' ? 'to_poor' : 'escaped', next);
        if (isListed(next)) move(next, fact.on, 1, joinReason(next, fact.review.transition), next);
        closeSpell(fact.on);
        classification = next;
        openSpell(fact.on);
        break;
      }
      case 'closed':
        if (isListed(classification)) move(classification, fact.on, -1, 'closed', 'gone');
        closeSpell(fact.on);
        break;
    }
  }
  return { movements, spells };
}
