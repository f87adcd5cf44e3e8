import type { ExpectedVersion } from './port.js';

/** Base of the store's typed errors; `code` is stable and transport-agnostic. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

export class ConcurrencyError extends EventStoreError {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${String(expected)}, actual ${actual}`);
    this.name = 'ConcurrencyError';
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly streamId: string) {
    super(`stream ${streamId} does not exist`);
    this.name = 'StreamNotFoundError';
  }
}

/** The same eventId was appended before with different content (or to another stream). */
export class IdempotencyConflictError extends EventStoreError {
  readonly code = 'IDEMPOTENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(`stream ${streamId}: event id(s) ${eventIds.join(', ')} already recorded with different content`);
    this.name = 'IdempotencyConflictError';
  }
}

export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}

/** The store was closed while a subscription or call still used it. */
export class StoreClosedError extends EventStoreError {
  readonly code = 'STORE_CLOSED';
  constructor() {
    super('the event store is closed');
    this.name = 'StoreClosedError';
  }
}

/** The adapter cannot erase personal data in place (EventStoreDB keeps events immutable). */
export class ErasureNotSupportedError extends EventStoreError {
  readonly code = 'ERASURE_NOT_SUPPORTED';
  constructor(adapter: string) {
    super(`${adapter} cannot erase personal data in place: use the PostgreSQL event store`);
    this.name = 'ErasureNotSupportedError';
  }
}
