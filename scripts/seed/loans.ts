import { classificationOn, newlyEscapedOn } from '@benvung/domain';
import { addDays, addMonths, SIMULATION_END } from './calendar.js';
import { LOAN_PURPOSES } from './catalogue.js';
import type { HouseholdLife } from './household.js';
import { roundTo } from './model.js';

/** VBSP loans as the generator grants them: amounts in millions of VND, terms in months. */
const LOANS: Record<
  'poor_household' | 'near_poor_household' | 'newly_escaped_household' | 'water_sanitation' | 'student',
  {
    prefix: string;
    millions: readonly number[];
    terms: readonly number[];
    rate?: number;
  }
> = {
  poor_household: { prefix: 'HN', millions: [20, 30, 40, 50, 50, 60, 70, 80, 100], terms: [36, 48, 60, 60, 84, 120] },
  near_poor_household: { prefix: 'CN', millions: [20, 30, 40, 50, 60, 80], terms: [36, 48, 60] },
  newly_escaped_household: { prefix: 'TN', millions: [20, 30, 40, 50, 60, 80], terms: [24, 36, 48, 60] },
  // Programmes without a rate in the shipped VBSP table state theirs.
  water_sanitation: { prefix: 'NS', millions: [10, 15, 20, 25], terms: [36, 60], rate: 9 },
  student: { prefix: 'SV', millions: [20, 30, 40, 60], terms: [60, 96, 120], rate: 6.6 },
};

/** The VBSP programme a household may borrow under today. */
function programmeFor(
  life: HouseholdLife,
  kind: 'poverty_loan' | 'water_loan' | 'student_loan',
): keyof typeof LOANS | undefined {
  if (kind === 'water_loan') return 'water_sanitation';
  if (kind === 'student_loan') return 'student';
  const h = life.sim.active;
  const today = life.sim.today;
  if (!h) return undefined;
  const classification = classificationOn(h, today);
  if (classification === 'poor') return 'poor_household';
  if (classification === 'near_poor') return 'near_poor_household';
  return newlyEscapedOn(h, today) ? 'newly_escaped_household' : undefined;
}

/** Grants a loan under the programme the household may borrow under today, and plans its follow-ups. */
export function grantLoan(life: HouseholdLife, kind: 'poverty_loan' | 'water_loan' | 'student_loan'): void {
  const rng = life.rng;
  const programme = programmeFor(life, kind);
  if (!programme) return;
  const p = LOANS[programme];
  const loanId = life.nextRef(p.prefix);
  const amountVnd = rng.pick(p.millions) * 1_000_000;
  const termMonths = rng.pick(p.terms);
  const granted = life.sim.execute(
    {
      type: 'RecordSupportAction',
      householdId: life.sim.householdId,
      action: {
        kind: 'loan',
        action: 'granted',
        loanId,
        programme,
        amountVnd,
        termMonths,
        ...(p.rate !== undefined ? { annualRatePercent: p.rate } : {}),
        lender: 'VBSP',
        purpose: programme === 'student' ? 'Chi phí học tập' : rng.pick(LOAN_PURPOSES),
        occurredAt: life.sim.today,
      },
    },
    life.caseWorker(),
  );
  if (granted.length === 0) return;
  if (programme !== 'student') life.productiveSinceReview = true;
  planRepayments(life, loanId, amountVnd, termMonths);
}

/** Yearly repayments, and now and then a loan that falls overdue or is written off. */
function planRepayments(life: HouseholdLife, loanId: string, amountVnd: number, termMonths: number): void {
  const rng = life.rng;
  const grantedOn = life.sim.today;
  const instalment = roundTo((amountVnd * 12) / termMonths, 100_000);
  for (let year = 1; year * 12 <= termMonths; year++) {
    const on = addDays(addMonths(grantedOn, year * 12), rng.int(-10, 20));
    if (on > SIMULATION_END) break;
    life.sim.at(on, () => {
      const loan = life.sim.active?.loans[loanId];
      if (!loan || loan.status === 'repaid' || loan.status === 'written_off' || loan.outstandingVnd <= 0) return;
      const last = year * 12 + 12 > termMonths;
      const amount = last ? loan.outstandingVnd : Math.min(instalment, loan.outstandingVnd);
      life.sim.execute(
        {
          type: 'RecordSupportAction',
          householdId: life.sim.householdId,
          action: { kind: 'loan', action: 'repaid', loanId, amountVnd: amount, occurredAt: life.sim.today },
        },
        life.caseWorker(),
      );
    });
  }
  if (rng.chance(0.07)) {
    life.sim.at(addMonths(grantedOn, rng.int(8, 30)), () => {
      const loan = life.sim.active?.loans[loanId];
      if (loan?.status !== 'active') return;
      life.sim.execute(
        {
          type: 'RecordSupportAction',
          householdId: life.sim.householdId,
          action: {
            kind: 'loan',
            action: 'overdue',
            loanId,
            overdueAmountVnd: Math.min(instalment, loan.outstandingVnd),
            occurredAt: life.sim.today,
          },
        },
        life.caseWorker(),
      );
    });
  }
  if (rng.chance(0.015)) {
    life.sim.at(addMonths(grantedOn, rng.int(18, 40)), () => {
      const loan = life.sim.active?.loans[loanId];
      if (!loan || loan.status === 'repaid' || loan.status === 'written_off') return;
      life.sim.execute(
        {
          type: 'RecordSupportAction',
          householdId: life.sim.householdId,
          action: {
            kind: 'loan',
            action: 'written_off',
            loanId,
            reason: rng.pick(['Thiên tai, mất trắng vụ nuôi', 'Chủ hộ qua đời, hộ không còn khả năng trả nợ']),
            occurredAt: life.sim.today,
          },
        },
        life.supervisor(),
      );
    });
  }
}
