import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isTransientDatabaseError } from '../../src/postgres/connection-errors.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('database errors', () => {
  it('takes a server that is away, stopping or starting for unavailable', () => {
    for (const err of [
      withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      withCode('ECONNRESET'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57P02'),
      withCode('57P03', 'the database system is starting up'),
      withCode('08006'),
      withCode('08001'),
      withCode('53300', 'sorry, too many clients already'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Client has encountered a connection error and is not queryable'),
      // Node's connect to "localhost" tries both address families and fails with both.
      new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect failed'),
      new Error('reading the checkpoint failed', { cause: withCode('57P01') }),
    ]) {
      expect(isDatabaseUnavailable(err), String(err)).toBe(true);
      expect(isTransientDatabaseError(err), String(err)).toBe(true);
    }
  });

  it('takes a lost race for transient but not for unavailable', () => {
    for (const code of ['40001', '40P01']) {
      expect(isTransientDatabaseError(withCode(code))).toBe(true);
      expect(isDatabaseUnavailable(withCode(code))).toBe(false);
    }
  });

  it('leaves errors of the request or the code alone', () => {
    for (const err of [
      withCode('23505', 'duplicate key value violates unique constraint'),
      withCode('42P01', 'relation "x" does not exist'),
      withCode('22P02'),
      withCode('CONCURRENCY_CONFLICT'),
      new TypeError("Cannot read properties of undefined (reading 'x')"),
      new Error('terminated by the user'),
      'Connection terminated',
      undefined,
    ]) {
      expect(isDatabaseUnavailable(err), String(err)).toBe(false);
      expect(isTransientDatabaseError(err), String(err)).toBe(false);
    }
  });
});
