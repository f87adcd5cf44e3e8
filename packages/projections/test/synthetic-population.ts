import {
  decide,
  encodeHouseholdEvent,
  evolve,
  type HouseholdCommand,
  type HouseholdState,
  householdStreamId,
  initialState,
  type ListClassification,
} from '@benvung/domain';
import type { EventStore } from '@benvung/event-store';

/** One event as the store would be asked to append it, with the id later corrections refer to. */
export interface GeneratedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  personal: Record<string, unknown> | null;
  occurredAt: Date;
}

/** The events of one household in one phase (a year of follow-up): one append. */
export interface GeneratedAppend {
  householdId: string;
  /** Stream version before the append. */
  expectedVersion: number;
  events: GeneratedEvent[];
}

/** mulberry32: small, fast and deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (rand: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const uuid = (rand: () => number) =>
  `${hex(rand, 8)}-${hex(rand, 4)}-4${hex(rand, 3)}-a${hex(rand, 3)}-${hex(rand, 12)}`;

const OLD_COMMUNES = ['96101', '96102', '95001', '95002', '86101', '86102', '83001', '84001', '44101', '45001'];
const NEW_COMMUNES = ['96001', '96002', '86001', '86010', '86011', '86020', '44001', '44002'];
const INDICATORS = ['employment', 'dependants', 'health_insurance', 'water', 'sanitation', 'housing_area', 'telecom'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A household's follow-up over 2022–2025, one phase per year, through the domain's decider (so every
 * event is one the write side would have produced): reviews with escapes and relapses, support actions,
 * notes, moves, flags, a few voids and amendments and closures.
 */
export class SyntheticHousehold {
  state: HouseholdState = initialState();
  readonly id: string;
  readonly #rand: () => number;
  #version = 0;
  #ids: string[] = [];
  #counter = 0;

  constructor(seed: number) {
    this.#rand = prng(seed);
    this.id = uuid(this.#rand);
  }

  #run(command: HouseholdCommand, at: string, out: GeneratedEvent[]): void {
    let events: ReturnType<typeof decide>;
    try {
      events = decide(command, this.state);
    } catch {
      return; // the generator proposes, the decider disposes
    }
    for (const event of events) {
      const eventId = uuid(this.#rand);
      this.state = evolve(this.state, { eventId, event });
      this.#version++;
      this.#ids.push(eventId);
      out.push({ eventId, ...encodeHouseholdEvent(event), occurredAt: new Date(`${at}T00:00:00Z`) });
    }
  }

  #review(date: string, target: ListClassification, out: GeneratedEvent[]): void {
    const area = this.state.status === 'unregistered' ? 'rural' : this.state.area;
    const line = area === 'rural' ? 1_500_000 : 2_000_000;
    const income = target === 'non_poor' ? line + 100_000 + Math.floor(this.#rand() * 2_000_000) : line - 200_000;
    const deprivations =
      target === 'poor' ? INDICATORS.slice(0, 3 + Math.floor(this.#rand() * 3)) : INDICATORS.slice(0, 1);
    // Periodic from September to December (next year's lists), a regular review otherwise.
    const assessment = {
      reviewType: date.slice(5) >= '09-01' ? ('periodic' as const) : ('regular' as const),
      effectiveDate: date,
      incomePerCapitaVnd: income,
      deprivations,
    };
    this.#run({ type: 'AssessHousehold', householdId: this.id, assessment }, date, out);
  }

  #next(current: string): ListClassification {
    const r = this.#rand();
    if (current === 'poor') return r < 0.3 ? 'near_poor' : r < 0.4 ? 'non_poor' : 'poor';
    if (current === 'near_poor') return r < 0.15 ? 'poor' : r < 0.45 ? 'non_poor' : 'near_poor';
    return r < 0.06 ? 'poor' : r < 0.14 ? 'near_poor' : 'non_poor';
  }

  /** The events of one year (2022 registers the household). */
  phase(year: number): GeneratedAppend {
    const out: GeneratedEvent[] = [];
    const expectedVersion = this.#version;
    const r = this.#rand;
    const day = (month: number) => `${year}-${pad(month)}-${pad(1 + Math.floor(r() * 27))}`;
    if (year === 2022) {
      const unitCode = OLD_COMMUNES[Math.floor(r() * OLD_COMMUNES.length)] as string;
      const command: HouseholdCommand = {
        type: 'RegisterHousehold',
        householdId: this.id,
        head: { fullName: 'Nguyễn Văn An' },
        memberCount: 1 + Math.floor(r() * 7),
        area: r() < 0.8 ? 'rural' : 'urban',
        unitCode,
        occurredOn: day(1),
      };
      this.#run(command, day(1), out);
      const start = r();
      this.#review(
        day(2).replace(/-\d\d$/, '-15'),
        start < 0.45 ? 'poor' : start < 0.75 ? 'near_poor' : 'non_poor',
        out,
      );
    }
    if (this.state.status !== 'active') return { householdId: this.id, expectedVersion, events: out };
    const supports = Math.floor(r() * 4);
    for (let i = 0; i < supports; i++) this.#support(year, day(3 + Math.floor(r() * 6)), out);
    if (r() < 0.6) {
      const text = 'Thăm hộ, trao đổi về sinh kế';
      this.#run({ type: 'AddNote', householdId: this.id, text, occurredOn: day(9) }, day(9), out);
    }
    if (r() < 0.03 && year >= 2023) {
      const toUnitCode = (year === 2025 ? NEW_COMMUNES : OLD_COMMUNES)[Math.floor(r() * 8)] as string;
      const on = year === 2025 ? day(8) : day(5);
      this.#run({ type: 'MoveHousehold', householdId: this.id, toUnitCode, occurredOn: on }, on, out);
    }
    if (r() < 0.04) {
      const flag: HouseholdCommand = {
        type: 'SetUnableToEscapeFlag',
        householdId: this.id,
        basis: 'no_working_age_labour',
        reason: 'Chủ hộ cao tuổi, không có lao động',
        occurredOn: day(10),
      };
      this.#run(flag, day(10), out);
    }
    const current = this.state.status === 'active' ? this.state.classification : 'non_poor';
    this.#review(`${year}-11-${pad(1 + Math.floor(r() * 28))}`, this.#next(current), out);
    if (r() < 0.03 && this.#ids.length > 2) this.#correct(year, out);
    if (r() < 0.01) {
      const on = `${year}-12-20`;
      this.#run({ type: 'CloseHousehold', householdId: this.id, reason: 'moved_away', occurredOn: on }, on, out);
    }
    return { householdId: this.id, expectedVersion, events: out };
  }

  #support(year: number, on: string, out: GeneratedEvent[]): void {
    const r = this.#rand();
    const id = `S${++this.#counter}`;
    const classification = this.state.status === 'active' ? this.state.classification : 'non_poor';
    let action: Extract<HouseholdCommand, { type: 'RecordSupportAction' }>['action'];
    if (r < 0.25 && classification === 'poor') {
      action = {
        kind: 'loan',
        action: 'granted',
        loanId: id,
        programme: 'poor_household',
        amountVnd: 30_000_000,
        termMonths: 60,
        lender: 'VBSP',
        occurredAt: on,
      };
    } else if (r < 0.4) {
      action = { kind: 'training', stage: 'enrolled', trainingId: id, course: 'Kỹ thuật nuôi tôm', occurredAt: on };
    } else if (r < 0.55) {
      action = {
        kind: 'livelihood',
        model: 'Nuôi bò sinh sản',
        modelType: 'livestock',
        valueVnd: 12_000_000,
        occurredAt: on,
      };
    } else if (r < 0.7) {
      action = { kind: 'health_insurance', cardCount: 3, validUntil: `${year}-12-31`, occurredAt: on };
    } else if (r < 0.8) {
      action = { kind: 'production', items: 'Giống lúa', valueVnd: 2_000_000, occurredAt: on };
    } else if (r < 0.87) {
      action = { kind: 'job_placement', channel: 'job_fair', occurredAt: on };
    } else if (r < 0.93) {
      action = { kind: 'water_sanitation', facility: 'sanitation', valueVnd: 5_000_000, occurredAt: on };
    } else {
      action = { kind: 'housing', support: 'repair', valueVnd: 20_000_000, occurredAt: on };
    }
    this.#run({ type: 'RecordSupportAction', householdId: this.id, action }, on, out);
  }

  #correct(year: number, out: GeneratedEvent[]): void {
    if (this.state.status !== 'active') return;
    const on = `${year}-12-10`;
    const candidates = this.state.log.filter((e) => !e.voided && e.type !== 'HouseholdRegistered' && e.eventId);
    const target = candidates[Math.floor(this.#rand() * candidates.length)];
    if (!target?.eventId) return;
    if (target.event.type === 'HouseholdAssessed' && this.#rand() < 0.5) {
      const d = target.event.data;
      const assessment = {
        reviewType: d.reviewType,
        effectiveDate: d.effectiveDate,
        listYear: d.listYear,
        incomePerCapitaVnd: (d.incomePerCapitaVnd ?? 0) + 10_000,
        deprivations: d.deprivations,
      };
      const correction: HouseholdCommand = { type: 'AssessHousehold', householdId: this.id, assessment };
      const command: HouseholdCommand = {
        type: 'AmendEvent',
        householdId: this.id,
        eventId: target.eventId,
        reason: 'Nhập sai thu nhập',
        occurredOn: on,
        correction,
      };
      this.#run(command, on, out);
      return;
    }
    const command: HouseholdCommand = {
      type: 'VoidEvent',
      householdId: this.id,
      eventId: target.eventId,
      reason: 'Ghi nhầm',
      occurredOn: on,
    };
    this.#run(command, on, out);
  }
}

/** Years the generator follows households through. */
export const PHASES = [2022, 2023, 2024, 2025] as const;

/**
 * Every household's events of one year, one append each as a case worker's: written year by year,
 * the pages of the log mix households, as a real log's do.
 */
export async function appendYear(
  store: Pick<EventStore, 'appendToStream'>,
  households: readonly SyntheticHousehold[],
  year: number,
): Promise<void> {
  for (const household of households) {
    const append = household.phase(year);
    if (append.events.length === 0) continue;
    await store.appendToStream(
      householdStreamId(append.householdId),
      append.events.map((e) => ({ ...e, metadata: { actorId: 'cw', actorRole: 'case_worker' } })),
      { expectedVersion: append.expectedVersion === 0 ? 'no_stream' : append.expectedVersion },
    );
  }
}
