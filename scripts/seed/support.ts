import type { RecordSupportAction, SupportActionInput } from '@benvung/domain';
import { addDays, dateBetween, isoDate, later } from './calendar.js';
import {
  COURSES,
  EMPLOYERS,
  EXPORT_COUNTRIES,
  LIVELIHOOD_MODELS,
  OTHER_SUPPORT,
  PRODUCTION_ITEMS,
  PROVIDERS,
} from './catalogue.js';
import type { HouseholdLife } from './household.js';
import { grantLoan } from './loans.js';
import { roundTo } from './model.js';

/**
 * The programme component funding a support action on `date`: a project of the 2021–2025 programme
 * until it ended, then the matching component group of the 2026–2035 programme (both rule data).
 */
const funded = (project: 'DA2' | 'DA3' | 'DA4' | 'DA5', date: string) => ({
  component: date < '2026-01-01' ? project : `NTP26-0${project.slice(2)}`,
});

type SupportKind =
  | 'health_insurance'
  | 'poverty_loan'
  | 'livelihood'
  | 'production'
  | 'training'
  | 'job'
  | 'housing'
  | 'water_sanitation'
  | 'other'
  | 'water_loan'
  | 'student_loan';

/** Yearly chance of each support by situation at the start of the year (VBSP, DA1–DA7, social support). */
function chances(life: HouseholdLife): Partial<Record<SupportKind, number>> {
  const h = life.sim.active;
  if (!h) return {};
  const d = life.deprived;
  const badHousing = d.has('housing_quality') || d.has('housing_area');
  const badWater = d.has('water') || d.has('sanitation');
  const rural = h.area === 'rural';
  if (h.classification === 'poor') {
    if (h.unableToEscape) {
      return {
        health_insurance: 0.95,
        other: 0.4,
        housing: badHousing ? 0.2 : 0,
        water_sanitation: badWater ? 0.15 : 0,
      };
    }
    return {
      health_insurance: 0.85,
      poverty_loan: 0.32,
      livelihood: 0.16,
      production: 0.14,
      training: 0.12,
      job: 0.06,
      housing: badHousing ? 0.25 : 0.01,
      water_sanitation: badWater ? 0.2 : 0.02,
      other: 0.12,
    };
  }
  if (h.classification === 'near_poor') {
    return {
      health_insurance: 0.65,
      poverty_loan: h.unableToEscape ? 0 : 0.22,
      livelihood: 0.07,
      production: 0.07,
      training: 0.09,
      job: 0.06,
      housing: badHousing ? 0.06 : 0,
      water_sanitation: badWater ? 0.08 : 0.01,
      other: 0.04,
    };
  }
  if (life.newlyEscaped) {
    return { health_insurance: 0.25, poverty_loan: 0.2, training: 0.04, job: 0.03, production: 0.03 };
  }
  return { water_loan: rural ? 0.015 : 0.003, student_loan: 0.008, job: 0.004 };
}

/** Plans the year's support actions between `from` and `until`. */
export function planSupport(life: HouseholdLife, year: number, from: string, until: string): void {
  const rng = life.rng;
  for (const [kind, p] of Object.entries(chances(life)) as [SupportKind, number][]) {
    if (!rng.chance(p)) continue;
    // Cards are issued at the start of the year; the rest any time before the periodic review.
    const on =
      kind === 'health_insurance'
        ? dateBetween(rng, from, later(from, isoDate(year, 2, 28)))
        : dateBetween(rng, from, until);
    life.sim.at(on, () => provide(life, kind));
  }
}

const PRODUCTIVE = new Set<SupportKind>(['poverty_loan', 'livelihood', 'production', 'job']);

/** Records one support action of `kind`, built from the household as it is today. */
function provide(life: HouseholdLife, kind: SupportKind): void {
  const h = life.sim.active;
  if (!h) return;
  const rng = life.rng;
  const today = life.sim.today;
  const common = { occurredAt: today };
  let action: SupportActionInput | undefined;
  switch (kind) {
    case 'health_insurance':
      action = { kind, cardCount: h.memberCount, validUntil: isoDate(Number(today.slice(0, 4)), 12, 31), ...common };
      break;
    case 'poverty_loan':
    case 'water_loan':
    case 'student_loan':
      grantLoan(life, kind);
      return;
    case 'livelihood': {
      const m = rng.pick(LIVELIHOOD_MODELS);
      const householdCount = rng.int(10, 40);
      const total = rng.int(m.totalMillions[0], m.totalMillions[1]) * 1_000_000;
      action = {
        kind,
        model: m.model,
        modelType: m.modelType,
        valueVnd: roundTo(total / householdCount, 1000),
        group: { name: `Tổ hợp tác ${m.model.toLowerCase()}`, householdCount },
        ...funded(rng.chance(0.6) ? 'DA2' : 'DA3', today),
        ...common,
      };
      break;
    }
    case 'production':
      action = {
        kind,
        items: rng.pick(PRODUCTION_ITEMS),
        valueVnd: rng.int(15, 120) * 100_000,
        ...funded('DA3', today),
        ...common,
      };
      break;
    case 'training':
      enrol(life);
      return;
    case 'job': {
      const channel = rng.weighted([
        ['local_employer', 35],
        ['job_fair', 30],
        ['labour_export', 12],
        ['self_employment', 10],
        ['public_works', 8],
      ] as const);
      const exported = channel === 'labour_export';
      action = {
        kind: 'job_placement',
        channel,
        ...(exported ? { country: rng.pick(EXPORT_COUNTRIES) } : {}),
        ...(channel === 'local_employer' || channel === 'job_fair' ? { employer: rng.pick(EMPLOYERS) } : {}),
        monthlyWageVnd: (exported ? rng.int(250, 420) : rng.int(45, 95)) * 100_000,
        ...funded('DA4', today),
        ...common,
      };
      break;
    }
    case 'housing': {
      const support = rng.chance(0.4) ? 'new' : 'repair';
      action = {
        kind,
        support,
        valueVnd: support === 'new' ? 40_000_000 : 20_000_000,
        ...funded('DA5', today),
        ...common,
      };
      break;
    }
    case 'water_sanitation': {
      const water = life.deprived.has('water');
      const sanitation = life.deprived.has('sanitation');
      const facility = water && sanitation ? 'water_and_sanitation' : water ? 'water' : 'sanitation';
      action = { kind, facility, valueVnd: rng.int(30, 120) * 100_000, ...common };
      break;
    }
    case 'other':
      action = { kind, description: rng.pick(OTHER_SUPPORT), valueVnd: rng.int(3, 20) * 100_000, ...common };
      break;
  }
  if (!action) return;
  const command: RecordSupportAction = { type: 'RecordSupportAction', householdId: life.sim.householdId, action };
  const [recorded] = life.sim.execute(command, life.caseWorker());
  if (!recorded) return;
  afterSupport(life, kind);
  if (PRODUCTIVE.has(kind)) life.productiveSinceReview = true;
  if (kind === 'job' || kind === 'livelihood') life.capableSinceListed = true;
  if (kind === 'livelihood' && rng.chance(0.04) && action.kind === 'livelihood') {
    // The value is corrected once the model's budget is approved.
    const corrected = { ...action, valueVnd: roundTo(action.valueVnd * rng.between(0.8, 1.2), 1000) };
    const eventId = recorded.eventId;
    life.sim.at(addDays(today, rng.int(5, 30)), () => {
      if (!life.sim.active) return;
      life.sim.execute(
        {
          type: 'AmendEvent',
          householdId: life.sim.householdId,
          eventId,
          reason: 'Điều chỉnh giá trị hỗ trợ theo quyết định phê duyệt mô hình',
          occurredOn: life.sim.today,
          correction: { ...command, action: corrected },
        },
        life.supervisor(),
      );
    });
  } else if (kind !== 'livelihood' && kind !== 'job' && rng.chance(0.012)) {
    // Entered twice by mistake; a supervisor voids the copy.
    const [copy] = life.sim.execute(command, life.caseWorker());
    if (copy) life.voidLater(copy.eventId, rng.int(2, 20), 'Nhập trùng với bản ghi đã có');
  }
}

/** What a support changes in the household's lasting deprivations. */
function afterSupport(life: HouseholdLife, kind: SupportKind): void {
  const d = life.deprived;
  if (kind === 'health_insurance') d.delete('health_insurance');
  else if (kind === 'housing') {
    d.delete('housing_quality');
    d.delete('housing_area');
  } else if (kind === 'water_sanitation') {
    d.delete('water');
    d.delete('sanitation');
  } else if (kind === 'job') d.delete('employment');
}

/** A member enrols in vocational training; months later completes it or drops out. */
function enrol(life: HouseholdLife): void {
  const rng = life.rng;
  const trainingId = life.nextRef('DN');
  const c = rng.pick(COURSES);
  const enrolled = life.sim.execute(
    {
      type: 'RecordSupportAction',
      householdId: life.sim.householdId,
      action: {
        kind: 'training',
        stage: 'enrolled',
        trainingId,
        course: c.course,
        occupation: c.occupation,
        provider: rng.pick(PROVIDERS),
        costVnd: rng.int(20, 60) * 100_000,
        ...funded('DA4', life.sim.today),
        occurredAt: life.sim.today,
      },
    },
    life.caseWorker(),
  );
  if (enrolled.length === 0) return;
  const completes = rng.chance(0.78);
  const certified = rng.chance(0.85);
  const reason = rng.pick(['Bận lao động sản xuất', 'Đi làm ăn xa', 'Ốm đau', 'Hoàn cảnh gia đình khó khăn']);
  life.sim.at(addDays(life.sim.today, completes ? rng.int(60, 180) : rng.int(20, 90)), () => {
    if (life.sim.active?.trainings[trainingId]?.status !== 'enrolled') return;
    const recorded = life.sim.execute(
      {
        type: 'RecordSupportAction',
        householdId: life.sim.householdId,
        action: completes
          ? { kind: 'training', stage: 'completed', trainingId, certified, occurredAt: life.sim.today }
          : { kind: 'training', stage: 'dropped', trainingId, reason, occurredAt: life.sim.today },
      },
      life.caseWorker(),
    );
    if (recorded.length > 0 && completes) {
      life.productiveSinceReview = true;
      life.capableSinceListed = true;
      life.deprived.delete('adult_education');
      if (rng.chance(0.5)) life.deprived.delete('employment');
    }
  });
}
