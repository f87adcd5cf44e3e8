import { DOMAIN_ERROR_CODES } from '@benvung/domain';
import { DOMAIN_STATUS } from '../plugins/problem.js';
import type { ResponseHeaderName } from './headers.js';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
export const PROBLEM_SCHEMA_REF = '#/components/schemas/Problem';

interface ProblemResponse {
  /** Component name under components.responses. */
  name: string;
  description: string;
  headers?: readonly ResponseHeaderName[];
}

/** The domain's codes that answer a status (from their kind), for the response descriptions. */
const domainCodes = (status: number) =>
  Object.entries(DOMAIN_ERROR_CODES)
    .filter(([, kind]) => DOMAIN_STATUS[kind] === status)
    .map(([code]) => code)
    .join(', ');

/** One shared response per problem status: operations refer to these, never repeat them. */
export const PROBLEM_RESPONSES: Readonly<Record<number, ProblemResponse>> = {
  400: {
    name: 'BadRequest',
    description:
      'The request is not valid: VALIDATION_FAILED (with `errors`), a malformed header (INVALID_IF_MATCH, INVALID_IDEMPOTENCY_KEY, INVALID_POSITION), cursor (INVALID_CURSOR), URL or JSON body, or text holding a NUL or a lone surrogate (INVALID_TEXT).',
  },
  401: {
    name: 'Unauthenticated',
    description: 'No valid credentials (UNAUTHENTICATED): a bearer token or the web app’s session cookie is needed.',
    headers: ['WwwAuthenticate'],
  },
  403: {
    name: 'Forbidden',
    description:
      'The caller’s role may not do this (FORBIDDEN), or a unit named is outside their units (UNIT_OUT_OF_SCOPE).',
  },
  404: {
    name: 'NotFound',
    description: `Nothing to answer with; a household outside the caller’s units is not found either (HOUSEHOLD_NOT_FOUND). Also: NOT_FOUND, IMPORT_NOT_FOUND, RULE_VERSION_NOT_FOUND, NO_STATE_AT_THAT_POINT, ${domainCodes(404)}.`,
  },
  409: {
    name: 'Conflict',
    description: `The command does not fit the household’s state, or it changed at the same time (CONCURRENCY_CONFLICT, IDEMPOTENCY_CONFLICT). Domain codes: ${domainCodes(409)}.`,
  },
  412: {
    name: 'PreconditionFailed',
    description: 'If-Match named another version than the household’s (PRECONDITION_FAILED, with `currentVersion`).',
  },
  413: {
    name: 'PayloadTooLarge',
    description: 'The body or file is larger than allowed (PAYLOAD_TOO_LARGE, FILE_TOO_LARGE).',
  },
  415: {
    name: 'UnsupportedMediaType',
    description: 'The body is not of a media type this operation accepts (CTP_INVALID_MEDIA_TYPE).',
  },
  422: {
    name: 'Unprocessable',
    description: `Refused by a business rule; extension members carry the values it is about (unitCode, successors, allowed …). Domain codes: ${domainCodes(422)}; also IDEMPOTENCY_KEY_REUSED, and INVALID_CHARACTERS (a name or text holding control or bidirectional-override characters, with \`errors\`).`,
  },
  423: { name: 'Locked', description: 'The account is locked for a while (ACCOUNT_LOCKED).', headers: ['RetryAfter'] },
  429: {
    name: 'RateLimited',
    description: 'Too many requests from this caller (RATE_LIMITED); retry after Retry-After seconds.',
    headers: ['RetryAfter'],
  },
  500: {
    name: 'InternalError',
    description: 'An unexpected failure (INTERNAL), logged with the request id.',
  },
  503: {
    name: 'ServiceUnavailable',
    description:
      'Not answerable right now: the database cannot be reached (DATABASE_UNAVAILABLE; a write may or may not have been stored: repeat it with the same Idempotency-Key), the read did not catch up with X-Wait-For-Position in time (NOT_YET_PROJECTED), or the service is stopping (STORE_CLOSED). Retry after Retry-After seconds.',
    headers: ['RetryAfter'],
  },
};
