import {
  type EncodedHouseholdEvent,
  encodeHouseholdEvent,
  type HouseholdState,
  householdStreamId,
} from '@benvung/domain';
import type { EventToAppend } from '@benvung/event-store';
import { DEMO_SEED_COMMUNES, type SeedCommuneSet } from './communes.js';
import { HouseholdLife } from './household.js';
import { IdSource, Rng } from './rng.js';
import { type SeededEvent, Simulation } from './simulation.js';

export type { SeedActor, SeededEvent } from './simulation.js';

/** One household's generated history. */
export interface GeneratedHousehold {
  index: number;
  householdId: string;
  streamId: string;
  /** In stream order, with ids, business dates and authors. */
  events: SeededEvent[];
  /** Commands the decider refused (skipped), by error code. */
  refused: Record<string, number>;
  /** The state the events fold to. */
  state: HouseholdState;
}

export interface GenerateOptions {
  /** Parse every command with the domain's zod schema first, as the gateway does (default true). */
  validateCommands?: boolean;
  /**
   * The communes households live in and move between (default: the demo communes). The national set
   * (`nationalSeedCommunes()`) spreads a population over every commune of the country. A household is
   * the same for the same seed, index and set.
   */
  communes?: SeedCommuneSet;
}

/**
 * The history of household `index` of the population `seed`: registration, reviews 2022–2026, support,
 * notes, moves, flags, corrections and closure, every event decided by the real decider. The same seed
 * and index give the same household whatever else is generated: it has a random stream of its own.
 */
export function generateHousehold(seed: number, index: number, options: GenerateOptions = {}): GeneratedHousehold {
  const rng = Rng.forHousehold(seed, index);
  const ids = new IdSource(seed, index);
  const householdId = ids.next();
  const communes = options.communes ?? DEMO_SEED_COMMUNES;
  const sim = new Simulation(rng, ids, householdId, options.validateCommands ?? true, communes.context);
  new HouseholdLife(sim, seed, index, communes).start();
  sim.runAll();
  return {
    index,
    householdId,
    streamId: householdStreamId(householdId),
    events: sim.events,
    refused: sim.refused,
    state: sim.state,
  };
}

/** A generated event in the shape the event store appends: personal fields apart, business time. */
export function toEventToAppend(e: SeededEvent): EventToAppend {
  const encoded: EncodedHouseholdEvent = encodeHouseholdEvent(e.event);
  return {
    eventId: e.eventId,
    type: encoded.type,
    schemaVersion: encoded.schemaVersion,
    data: encoded.data,
    personal: encoded.personal,
    metadata: { actorId: e.actor.id, actorRole: e.actor.role },
    occurredAt: new Date(`${e.occurredOn}T00:00:00Z`),
  };
}
