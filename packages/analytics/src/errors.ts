/**
 * Thrown when the input to an estimator cannot be analysed (a negative or non-finite time, a
 * malformed date, a household classified twice in one year). Transport-agnostic like the domain's
 * errors: `kind` says how the gateway should map it, `code` is stable for clients and tests.
 */
export class AnalyticsInputError extends Error {
  readonly kind = 'validation';
  constructor(
    readonly code: AnalyticsErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AnalyticsInputError';
  }
}

/** Every code `@benvung/analytics` throws; never renamed or reused for another meaning. */
export type AnalyticsErrorCode =
  | 'ANALYTICS_INVALID_TIME'
  | 'ANALYTICS_INVALID_COUNT'
  | 'ANALYTICS_INVALID_OPTION'
  | 'ANALYTICS_INVALID_DATE'
  | 'ANALYTICS_INVALID_YEAR'
  | 'ANALYTICS_INVALID_STATUS'
  | 'ANALYTICS_DUPLICATE_OBSERVATION'
  | 'ANALYTICS_TOO_FEW_GROUPS';
