import { randomUUID } from 'node:crypto';
import {
  type AssessmentInput,
  decide,
  encodeHouseholdEvent,
  evolve,
  type HouseholdCommand,
  type HouseholdState,
  householdStreamId,
  initialState,
  type ListClassification,
  type SupportActionInput,
} from '@benvung/domain';
import type { EventStore } from '@benvung/event-store';

/**
 * Income and deprivations that the 2022–2026 standard classifies as `target` (rural household): a
 * periodic review from September to December (deciding next year's lists), a regular one otherwise.
 */
export function reviewFor(target: ListClassification, effectiveDate: string): AssessmentInput {
  const deprivations = target === 'poor' ? ['employment', 'water', 'sanitation'] : ['water'];
  const incomePerCapitaVnd = target === 'non_poor' ? 2_600_000 : 1_200_000;
  const reviewType = effectiveDate.slice(5) >= '09-01' ? 'periodic' : 'regular';
  return { reviewType, effectiveDate, incomePerCapitaVnd, deprivations };
}

/**
 * Writes one household's history through the event store as the gateway does: each command decided
 * by the domain on the current state, encoded (personal fields apart) and appended at the expected
 * version. Keeps the event ids so tests can void or amend them.
 */
export class HouseholdWriter {
  state: HouseholdState = initialState();
  version = 0;
  readonly householdId: string;

  constructor(
    readonly store: EventStore,
    householdId: string = randomUUID(),
  ) {
    this.householdId = householdId;
  }

  /** Decides and appends a command; returns the ids of the events it recorded. */
  async run(command: HouseholdCommand): Promise<string[]> {
    const events = decide(command, this.state);
    const ids = events.map(() => randomUUID());
    const at = new Date('2025-12-31T00:00:00Z');
    await this.store.appendToStream(
      householdStreamId(this.householdId),
      events.map((event, i) => ({
        eventId: ids[i] as string,
        ...encodeHouseholdEvent(event),
        occurredAt: at,
        metadata: { actorId: 'cw-1', actorRole: 'case_worker' },
      })),
      { expectedVersion: this.version === 0 ? 'no_stream' : this.version },
    );
    events.forEach((event, i) => {
      this.state = evolve(this.state, { eventId: ids[i] as string, event });
    });
    this.version += events.length;
    return ids;
  }

  async register(unitCode = '96101', occurredOn = '2022-01-10', area: 'rural' | 'urban' = 'rural'): Promise<string> {
    const [id] = await this.run({
      type: 'RegisterHousehold',
      householdId: this.householdId,
      head: { fullName: 'Trần Thị Bình' },
      memberCount: 4,
      area,
      unitCode,
      occurredOn,
    });
    return id as string;
  }

  /** A periodic review that the standard classifies as `target`; returns its event id. */
  async review(target: ListClassification, effectiveDate: string): Promise<string> {
    const [id] = await this.run({
      type: 'AssessHousehold',
      householdId: this.householdId,
      assessment: reviewFor(target, effectiveDate),
    });
    return id as string;
  }

  async support(action: SupportActionInput): Promise<string> {
    const [id] = await this.run({ type: 'RecordSupportAction', householdId: this.householdId, action });
    return id as string;
  }

  async void(eventId: string, occurredOn = '2025-12-20'): Promise<string> {
    const [id] = await this.run({
      type: 'VoidEvent',
      householdId: this.householdId,
      eventId,
      reason: 'nhầm',
      occurredOn,
    });
    return id as string;
  }

  async amend(eventId: string, correction: HouseholdCommand & { type: 'AssessHousehold' | 'RecordSupportAction' }) {
    const [id] = await this.run({
      type: 'AmendEvent',
      householdId: this.householdId,
      eventId,
      reason: 'sửa',
      occurredOn: '2025-12-20',
      correction,
    });
    return id as string;
  }

  async move(toUnitCode: string, occurredOn: string): Promise<string> {
    const [id] = await this.run({ type: 'MoveHousehold', householdId: this.householdId, toUnitCode, occurredOn });
    return id as string;
  }

  async close(occurredOn: string): Promise<string> {
    const [id] = await this.run({
      type: 'CloseHousehold',
      householdId: this.householdId,
      reason: 'moved_away',
      occurredOn,
    });
    return id as string;
  }

  async note(occurredOn: string): Promise<string> {
    const [id] = await this.run({ type: 'AddNote', householdId: this.householdId, text: 'Thăm hộ', occurredOn });
    return id as string;
  }
}
