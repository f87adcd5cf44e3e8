import {
  type Area,
  type ListClassification,
  newlyEscapedOn,
  type ReviewType,
  standardForListYear,
  type UnableToEscapeBasis,
} from '@benvung/domain';
import {
  addDays,
  dateBetween,
  daysBetween,
  FIRST_YEAR,
  isoDate,
  LAST_YEAR,
  later,
  periodicDecisionNo,
  periodicReviewDate,
} from './calendar.js';
import { headName, village } from './catalogue.js';
import { communeCodeOn, DEMO_SEED_COMMUNES, type SeedCommune, type SeedCommuneSet } from './communes.js';
import { changeMembers, close, moveAway, note, recode } from './lifecycle.js';
import { baselineTarget, drawDeprivations, drawIncome, incomeLine, periodicTarget } from './model.js';
import type { Rng } from './rng.js';
import type { SeedActor, Simulation } from './simulation.js';
import { planSupport } from './support.js';

const APPROVER = 'Chủ tịch UBND xã';

/**
 * One household's life from registration to the end of 2026: reviews, support, notes, moves, flags,
 * corrections, closure. It decides what a case worker would record and when; the domain decides
 * whether it may be recorded.
 */
export class HouseholdLife {
  commune: SeedCommune;
  /** The new commune that holds this household's village from 1 July 2025. */
  successor: string;
  readonly birthYear: number;
  /** Income over the line when comfortably non-poor (grows a little each year). */
  prosperity: number;
  /** Deprivations the household lives with, until a review or a support removes them. */
  readonly deprived = new Set<string>();
  /** Productive support (loan, livelihood, training completed, job, production) since the last review. */
  productiveSinceReview = false;
  /** Training completed, a job or a livelihood model since the household was last listed poor. */
  capableSinceListed = false;
  /** Whether that was so at the last escape: relapses less. */
  resilient = false;
  #supportSeq = 0;

  constructor(
    readonly sim: Simulation,
    readonly seed: number,
    readonly index: number,
    /** The communes the population is spread over (and moves within). */
    readonly communes: SeedCommuneSet = DEMO_SEED_COMMUNES,
  ) {
    const rng = sim.rng;
    this.commune = communes.draw(rng);
    this.successor = rng.pick(this.commune.successors);
    this.birthYear = rng.int(1940, 1998);
    this.prosperity = 1.1 + 2.9 * rng.next() ** 2;
  }

  get rng(): Rng {
    return this.sim.rng;
  }

  /** The unit code valid today for this household's village. */
  unitToday(date = this.sim.today): string {
    return communeCodeOn(this.commune, this.successor, date);
  }

  caseWorker(): SeedActor {
    return { id: `seed-cw-${this.unitToday()}`, role: 'case_worker' };
  }

  supervisor(): SeedActor {
    return {
      id: `seed-sup-${this.communes.provinceOn(this.commune, this.successor, this.sim.today)}`,
      role: 'supervisor',
    };
  }

  /** A new id for a loan or training, unique within the household. */
  nextRef(prefix: string): string {
    this.#supportSeq += 1;
    return `${prefix}-${this.sim.today.slice(0, 4)}-${String(this.#supportSeq).padStart(3, '0')}`;
  }

  /** Plans registration and the first review; each year plans the next. */
  start(): void {
    const rng = this.rng;
    const drawnArea: Area = rng.chance(this.commune.urbanShare) ? 'urban' : 'rural';
    const memberCount = rng.weighted([
      [1, 6],
      [2, 13],
      [3, 20],
      [4, 27],
      [5, 17],
      [6, 9],
      [7, 5],
      [8, 3],
    ] as const);
    const fullName = headName(rng, this.commune.khmerShare);
    const villageName = village(rng, this.commune.south, drawnArea === 'urban');
    let registeredOn: string;
    let firstReview: string;
    let reviewType: 'baseline' | 'regular';
    if (rng.chance(0.88)) {
      // Followed up from the start: a baseline records the 2022 lists of the early-2022 decision.
      firstReview = periodicReviewDate(this.seed, this.commune.code, FIRST_YEAR - 1);
      registeredOn = later(addDays(firstReview, -rng.int(1, 6)), isoDate(FIRST_YEAR, 1, 3));
      reviewType = 'baseline';
    } else {
      // New households (a son's family splitting off, arrivals) join later, with a regular review.
      const year = rng.int(FIRST_YEAR, LAST_YEAR);
      registeredOn = dateBetween(rng, isoDate(year, year === FIRST_YEAR ? 3 : 1, 10), isoDate(year, 7, 20));
      firstReview = addDays(registeredOn, rng.int(5, 40));
      reviewType = 'regular';
    }
    const sim = this.sim;
    sim.at(registeredOn, () => {
      const unitCode = this.unitToday();
      // Where the commune's kind sets the area (phường, thị trấn urban; xã rural), the household has it.
      const area = this.communes.areaOf(unitCode, sim.today) ?? drawnArea;
      sim.execute(
        {
          type: 'RegisterHousehold',
          householdId: sim.householdId,
          householdCode: `${unitCode}-${String(this.index + 1).padStart(6, '0')}`,
          head: { fullName, birthYear: memberCount === 1 ? Math.min(this.birthYear, 1965) : this.birthYear },
          memberCount,
          area,
          unitCode,
          village: villageName,
          occurredOn: sim.today,
        },
        this.caseWorker(),
      );
    });
    sim.at(firstReview, () => this.firstReview(reviewType));
    sim.at(firstReview, () => this.planYear(Number(firstReview.slice(0, 4))));
  }

  get elderlyAlone(): boolean {
    const h = this.sim.active;
    return !!h && h.memberCount <= 2 && this.birthYear <= 1960;
  }

  firstReview(reviewType: 'baseline' | 'regular'): void {
    if (!this.sim.active) return;
    const target = baselineTarget(this.rng, this.commune.povertyFactor);
    const listYear = reviewType === 'baseline' ? FIRST_YEAR : Number(this.sim.today.slice(0, 4));
    this.review(reviewType, target, listYear, reviewType === 'baseline');
    if (target === 'poor') this.maybeFlag(this.elderlyAlone ? 0.55 : 0.08);
  }

  /** Records a review finding `target` under the standard of `listYear`. */
  review(reviewType: ReviewType, target: ListClassification, listYear: number, stateListYear = false): void {
    const h = this.sim.active;
    if (!h) return;
    const previous = h.classification;
    const rng = this.rng;
    const nearTheLine =
      previous === 'poor' || previous === 'near_poor' || h.escapes.length > 0 ? rng.chance(0.8) : rng.chance(0.12);
    const income = drawIncome(rng, target, incomeLine(listYear, h.area), this.prosperity, nearTheLine);
    const deprivations = drawDeprivations(rng, target, listYear, this.deprived);
    const code = this.unitToday();
    const year = Number(this.sim.today.slice(0, 4));
    const escapesBefore = h.escapes.length;
    const recorded = this.sim.execute(
      {
        type: 'AssessHousehold',
        householdId: this.sim.householdId,
        assessment: {
          reviewType,
          effectiveDate: this.sim.today,
          ...(stateListYear ? { listYear } : {}),
          incomePerCapitaVnd: income,
          deprivations,
          ...(reviewType !== 'regular'
            ? { decisionNo: periodicDecisionNo(this.seed, code, stateListYear ? year - 1 : year) }
            : { decisionNo: `${rng.int(10, 999)}/QĐ-UBND` }),
          approvedBy: APPROVER,
        },
      },
      this.caseWorker(),
    );
    if (recorded.length === 0) return;
    this.productiveSinceReview = false;
    this.prosperity *= rng.between(1.0, 1.07);
    const after = this.sim.active;
    if (!after) return;
    if (after.escapes.length > escapesBefore) this.resilient = this.capableSinceListed;
    if (after.classification === 'poor' && previous !== 'poor') this.capableSinceListed = false;
    // A review found on request can be annulled for a fault of procedure.
    if (reviewType === 'regular' && previous !== 'unassessed' && rng.chance(0.08)) {
      const [assessed] = recorded;
      if (assessed) this.voidLater(assessed.eventId, rng.int(7, 30), 'Quyết định rà soát bị hủy do sai quy trình');
    }
  }

  /** Flags a poor household unable to escape, with the basis that fits it. */
  maybeFlag(probability: number): void {
    const rng = this.rng;
    if (!rng.chance(probability)) return;
    const elderly = this.elderlyAlone;
    const basis: UnableToEscapeBasis = elderly ? 'no_working_age_labour' : 'social_protection_beneficiary';
    const reason = elderly
      ? 'Chủ hộ cao tuổi, không có người trong độ tuổi lao động'
      : 'Có thành viên khuyết tật nặng hưởng trợ cấp xã hội hằng tháng';
    this.sim.at(addDays(this.sim.today, rng.int(3, 30)), () => {
      if (!this.sim.active?.unableToEscape && this.sim.active?.classification === 'poor') {
        this.sim.execute(
          {
            type: 'SetUnableToEscapeFlag',
            householdId: this.sim.householdId,
            basis,
            reason,
            occurredOn: this.sim.today,
          },
          this.caseWorker(),
        );
      }
    });
  }

  /** The periodic review of `year`, deciding the lists of `year + 1`. */
  periodicReview(year: number): void {
    const h = this.sim.active;
    if (!h || h.classification === 'unassessed') return;
    const listYear = year + 1;
    const previous = h.lastReview;
    const lineRaised =
      previous !== undefined &&
      standardForListYear(listYear).id !== previous.standardId &&
      incomeLine(listYear, h.area) > incomeLine(previous.listYear, h.area);
    const lastEscape = h.escapes[h.escapes.length - 1];
    const target = periodicTarget(this.rng, {
      current: h.classification,
      hasEscaped: h.escapes.length > 0,
      yearsSinceEscape: lastEscape ? daysBetween(lastEscape.on, this.sim.today) / 365.25 : undefined,
      productiveSupport: this.productiveSinceReview,
      resilient: this.resilient,
      unableToEscape: h.unableToEscape !== null,
      lineRaised,
      povertyFactor: this.commune.povertyFactor,
    });
    if (h.unableToEscape && target !== 'poor' && target !== h.classification) {
      this.sim.execute(
        {
          type: 'ClearUnableToEscapeFlag',
          householdId: this.sim.householdId,
          reason: 'Có thành viên đến tuổi lao động và có việc làm ổn định',
          occurredOn: this.sim.today,
        },
        this.caseWorker(),
      );
    }
    const wasPoor = h.classification === 'poor';
    this.review('periodic', target, listYear);
    if (!wasPoor && this.sim.active?.classification === 'poor') this.maybeFlag(this.elderlyAlone ? 0.3 : 0.03);
  }

  /** A regular review on the household's request: an escape after a job, or a fall after a shock. */
  regularReview(): void {
    const h = this.sim.active;
    if (!h || h.classification === 'unassessed') return;
    const rng = this.rng;
    let target: ListClassification;
    if (h.classification === 'non_poor') target = rng.chance(0.4) ? 'poor' : 'near_poor';
    else target = h.classification === 'poor' && rng.chance(0.5) ? 'near_poor' : 'non_poor';
    if (h.unableToEscape && target !== 'poor') return;
    this.review('regular', target, Number(this.sim.today.slice(0, 4)));
  }

  /** Plans the year: support, a possible regular review, notes, changes, and the periodic review. */
  planYear(year: number): void {
    const h = this.sim.active;
    if (!h) return;
    const sim = this.sim;
    const rng = this.rng;
    const from = sim.today;
    const periodic = periodicReviewDate(this.seed, year >= 2025 ? this.successor : this.commune.code, year);
    const until = addDays(periodic, -10);
    const listed = h.classification === 'poor' || h.classification === 'near_poor';

    planSupport(this, year, from, until);

    const regularChance = listed ? (this.productiveSinceReview ? 0.07 : 0.04) : 0.005;
    if (rng.chance(regularChance)) {
      const month = rng.int(3, 8);
      const day = addDays(isoDate(year, month, 15), rng.int(0, 14));
      if (day > from && day < until) sim.at(day, () => this.regularReview());
    }
    if (rng.chance(listed ? 0.08 : 0.012)) sim.at(dateBetween(rng, from, until), () => note(this));
    if (rng.chance(0.04)) sim.at(dateBetween(rng, from, until), () => changeMembers(this));
    if (year === 2025 && h.unitCode === this.commune.code && rng.chance(0.3)) {
      // The case worker records the household under the new commune's code after the reform.
      sim.at(dateBetween(rng, '2025-07-01', '2025-09-10'), () => recode(this));
    }
    if (rng.chance(0.008)) sim.at(dateBetween(rng, from, until), () => moveAway(this));
    const closeChance = this.elderlyAlone && this.birthYear < 1950 ? 0.03 : 0.006;
    if (rng.chance(closeChance)) sim.at(dateBetween(rng, from, addDays(periodic, 20)), () => close(this));

    sim.at(periodic, () => this.periodicReview(year));
    if (year < LAST_YEAR) sim.at(isoDate(year + 1, 1, 1), () => this.planYear(year + 1));
  }

  /** Voids an event `days` later, as a supervisor correcting a mistaken entry. */
  voidLater(eventId: string, days: number, reason: string): void {
    this.sim.at(addDays(this.sim.today, days), () => {
      if (!this.sim.active) return;
      this.sim.execute(
        { type: 'VoidEvent', householdId: this.sim.householdId, eventId, reason, occurredOn: this.sim.today },
        this.supervisor(),
      );
    });
  }

  /** Newly escaped (within 36 months of an escape, no relapse since) today. */
  get newlyEscaped(): boolean {
    const h = this.sim.active;
    return !!h && newlyEscapedOn(h, this.sim.today) !== undefined;
  }
}
