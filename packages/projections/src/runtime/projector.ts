import type { EventStore } from '@benvung/event-store';
import type { Kysely } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';
import type { OnProjectionError } from './apply-batch.js';
import type { Projection } from './projection.js';
import { newProjectionStatus, type ProjectionStatus, runProjection } from './projection-runner.js';

export interface ProjectorOptions {
  store: EventStore;
  db: Kysely<ReadModelDatabase>;
  projections: readonly Projection[];
  batchSize?: number;
  /** A failing event goes to the dead-letter table (default) or stops its projection. */
  onEventError?: OnProjectionError;
  /**
   * Called when a projection stops on an error it cannot get past (an event with onEventError
   * 'stop', a bug); transient failures are retried and reported to `onRetry` instead.
   */
  onFailure?: (projection: string, err: unknown) => void;
  /** Called when a projection failed for a transient cause and waits `delayMs` to resume. */
  onRetry?: (projection: string, err: unknown, attempt: number, delayMs: number) => void;
}

/** Runs every projection concurrently; `stop()` ends them after the batch in flight. */
export class Projector {
  readonly #options: ProjectorOptions;
  readonly #abort = new AbortController();
  readonly #status = new Map<string, ProjectionStatus>();
  readonly #failed = new Set<string>();
  #running: Promise<unknown> | undefined;

  constructor(options: ProjectorOptions) {
    this.#options = options;
    for (const p of options.projections) this.#status.set(p.name, newProjectionStatus(p.name));
  }

  start(): void {
    if (this.#running) return;
    const { store, db, batchSize, onEventError, onRetry } = this.#options;
    this.#running = Promise.all(
      this.#options.projections.map((projection) =>
        runProjection(
          {
            store,
            db,
            projection,
            signal: this.#abort.signal,
            ...(batchSize ? { batchSize } : {}),
            ...(onEventError ? { onError: onEventError } : {}),
            ...(onRetry
              ? {
                  onRetry: (s: ProjectionStatus, err: unknown, delay: number) =>
                    onRetry(s.name, err, s.attempts, delay),
                }
              : {}),
          },
          this.#status.get(projection.name) ?? newProjectionStatus(projection.name),
        ).catch((err: unknown) => {
          this.#failed.add(projection.name);
          this.#options.onFailure?.(projection.name, err);
        }),
      ),
    );
  }

  /** A copy of each projection's status; `failed` when it stopped on an error rather than by `stop()`. */
  status(): Array<ProjectionStatus & { failed: boolean }> {
    return [...this.#status.values()].map((s) => ({ ...s, failed: this.#failed.has(s.name) }));
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#running;
  }
}
