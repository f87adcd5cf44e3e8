/**
 * Transport-agnostic domain errors. `code` is stable: the gateway maps it to an HTTP status and
 * problem+json, tests assert on it.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'validation' | 'illegal_state' | 'not_found' | 'conflict';
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command is well-formed but breaks a rule (an amount out of bounds, an unknown indicator). */
export class ValidationError extends DomainError {
  readonly kind = 'validation';
}

/** The command does not fit the household's current state (closed, not registered, out of order). */
export class IllegalStateError extends DomainError {
  readonly kind = 'illegal_state';
}

/** Something the command refers to does not exist (an event to void, a unit code). */
export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
}
