import {
  type ActiveHousehold,
  DEFAULT_DECIDE_CONTEXT,
  type DecideContext,
  DomainError,
  decide,
  evolve,
  HouseholdCommand,
  type HouseholdEvent,
  type HouseholdState,
  initialState,
} from '@benvung/domain';
import { SIMULATION_END } from './calendar.js';
import type { IdSource, Rng } from './rng.js';

/** Who records an event, as the gateway would put it in the metadata. */
export interface SeedActor {
  id: string;
  role: 'case_worker' | 'supervisor';
}

/** One event of a generated history: the domain event, its store id, business date and author. */
export interface SeededEvent {
  eventId: string;
  event: HouseholdEvent;
  /** Business date (YYYY-MM-DD); the store's `occurredAt` is its midnight UTC, as the gateway writes it. */
  occurredOn: string;
  actor: SeedActor;
}

interface AgendaItem {
  date: string;
  seq: number;
  run: () => void;
}

/**
 * The engine under a household's history: an agenda of things to do on dates, run in date order (ties
 * in the order they were planned), each turned into a command that goes through the real decider. An
 * item may plan more items (a loan plans its repayments), never before the day being run.
 */
export class Simulation {
  state: HouseholdState = initialState();
  readonly events: SeededEvent[] = [];
  /** Commands the decider (or the command schema) refused, by error code. */
  readonly refused: Record<string, number> = {};
  #agenda: AgendaItem[] = [];
  #seq = 0;
  #today = '0000-01-01';

  constructor(
    readonly rng: Rng,
    readonly ids: IdSource,
    readonly householdId: string,
    readonly validateCommands: boolean,
    /** The reference data commands are decided with: units that know the population's communes. */
    readonly context: DecideContext = DEFAULT_DECIDE_CONTEXT,
  ) {}

  get today(): string {
    return this.#today;
  }

  /** The household when it is registered and not closed. */
  get active(): ActiveHousehold | undefined {
    return this.state.status === 'active' ? this.state : undefined;
  }

  /** Plans `run` on `date` (not before today; dropped after the end of the simulation). */
  at(date: string, run: () => void): void {
    const day = date < this.#today ? this.#today : date;
    if (day > SIMULATION_END) return;
    this.#agenda.push({ date: day, seq: this.#seq++, run });
  }

  /** Runs the agenda to the end. */
  runAll(): void {
    while (this.#agenda.length > 0) {
      let best = 0;
      for (let i = 1; i < this.#agenda.length; i++) {
        const a = this.#agenda[i] as AgendaItem;
        const b = this.#agenda[best] as AgendaItem;
        if (a.date < b.date || (a.date === b.date && a.seq < b.seq)) best = i;
      }
      const [item] = this.#agenda.splice(best, 1) as [AgendaItem];
      this.#today = item.date;
      item.run();
    }
  }

  /**
   * Decides a command on the current state and applies its events. A refusal is counted by its error
   * code and skipped: the generator proposes, the decider disposes. Returns the events with their ids.
   */
  execute(command: HouseholdCommand, actor: SeedActor): SeededEvent[] {
    let checked = command;
    if (this.validateCommands) {
      const parsed = HouseholdCommand.safeParse(command);
      if (!parsed.success) {
        this.refused.INVALID_COMMAND = (this.refused.INVALID_COMMAND ?? 0) + 1;
        return [];
      }
      checked = parsed.data;
    }
    let decided: HouseholdEvent[];
    try {
      decided = decide(checked, this.state, this.context);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      this.refused[err.code] = (this.refused[err.code] ?? 0) + 1;
      return [];
    }
    const out: SeededEvent[] = [];
    for (const event of decided) {
      const seeded = { eventId: this.ids.next(), event, occurredOn: this.#today, actor };
      this.state = evolve(this.state, { eventId: seeded.eventId, event });
      this.events.push(seeded);
      out.push(seeded);
    }
    return out;
  }
}
