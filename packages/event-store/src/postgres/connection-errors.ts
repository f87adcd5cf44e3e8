/**
 * Which failures mean "the database cannot be reached right now" rather than "this request is wrong":
 * the same request succeeds once PostgreSQL is back, so callers answer 503 or retry instead of
 * treating them as bugs. Errors are matched by their codes (SQLSTATE, Node's errno names) and, for
 * the failures node-postgres raises itself without a code, by its fixed messages.
 */

/** Node's socket and name-resolution errors: the server is down, restarting or out of reach. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/**
 * SQLSTATEs of a server that went away or does not take connections yet: admin_shutdown (a
 * terminated backend, a fast or immediate stop), crash_shutdown, cannot_connect_now (starting up,
 * recovering), too_many_connections. Class 08 (connection exception) is matched as a whole.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** node-postgres and pg-pool raise these without a code when a connection dies or cannot be had. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Query read timeout$/,
];

/** Serialization failure and deadlock: PostgreSQL rolled the transaction back; running it again succeeds. */
const RETRY_SQLSTATES = new Set(['40001', '40P01']);

/** The error, its causes and the members of an AggregateError (Node's connect over IPv4 and IPv6). */
function* chain(err: unknown, depth = 0): Generator<{ code?: unknown; message?: unknown }> {
  if (depth > 8 || typeof err !== 'object' || err === null) return;
  yield err as { code?: unknown; message?: unknown };
  const { cause, errors } = err as { cause?: unknown; errors?: unknown };
  if (cause !== undefined && cause !== err) yield* chain(cause, depth + 1);
  if (Array.isArray(errors)) for (const e of errors) yield* chain(e, depth + 1);
}

function unavailable(e: { code?: unknown; message?: unknown }): boolean {
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}

/** True when `err` says the database is unreachable, shutting down or not accepting connections yet. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of chain(err)) if (unavailable(e)) return true;
  return false;
}

/** True when the same work, run again later, can succeed: the database was away, or a transaction lost a race. */
export function isTransientDatabaseError(err: unknown): boolean {
  for (const e of chain(err)) {
    if (unavailable(e) || (typeof e.code === 'string' && RETRY_SQLSTATES.has(e.code))) return true;
  }
  return false;
}
