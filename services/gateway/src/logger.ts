import type { LoggerOptions } from 'pino';

/**
 * Paths that may carry personal data or credentials in log lines (request bodies are not logged by
 * default; these catch anything that puts them there). Names, national ID numbers, passwords and
 * password hashes never reach the log.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  '*.head.fullName',
  '*.head.nationalId',
  '*.fullName',
  '*.nationalId',
  '*.head_name',
  'body.head',
  '*.body.head',
  '*.personal',
  // Credentials: passwords (sign-in, password change, account creation), their hashes, cookies.
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'password',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.oneTimePassword',
  '*.password_hash',
  '*.passwordHash',
  '*.body.password',
  '*.body.currentPassword',
  '*.body.newPassword',
  '*.displayName',
  '*.display_name',
];

/** pino options: JSON lines, pretty-printed only when a person watches a terminal. */
export function loggerOptions(level: string, pretty = process.stdout.isTTY === true): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } }
      : {}),
  };
}
