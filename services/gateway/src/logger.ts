import type { LoggerOptions } from 'pino';

/**
 * Paths that may carry personal data in log lines (request bodies are not logged by default; these
 * catch anything that puts them there). Names and national ID numbers never reach the log.
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
