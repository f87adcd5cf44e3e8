import { DomainError, localizeProblem } from '@benvung/domain';
import {
  ConcurrencyError,
  ErasureNotSupportedError,
  EventStoreError,
  IdempotencyConflictError,
  isDatabaseUnavailable,
  StoreClosedError,
  StreamNotFoundError,
} from '@benvung/event-store';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { INVALID_CHARACTERS, isForbiddenCharactersIssue } from './invalid-characters.js';
import { problemLocale } from './problem-language.js';

/** RFC 9457 problem details, with our stable `code`; `type` and `instance` are filled in on send. */
export type ProblemInput = {
  title: string;
  status: number;
  detail: string;
  code: string;
} & Record<string, unknown>;

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

const TYPE_BASE = 'https://benvung.example/problems/';
/** What a client is told to wait while the database is away (a restart usually takes a few seconds). */
const DATABASE_RETRY_AFTER_SECONDS = 2;
/** Members every problem has: an extension member of the same name must never replace them. */
const RESERVED = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'requestId', 'technicalDetail']);

/** Adds Accept-Language to Vary without dropping what CORS or others put there. */
function varyOnLanguage(reply: FastifyReply): void {
  const current = String(reply.getHeader('vary') ?? '');
  if (current === '*' || /(^|,)\s*accept-language\s*(,|$)/i.test(current)) return;
  reply.header('vary', current ? `${current}, Accept-Language` : 'Accept-Language');
}

/**
 * Sends a problem in the language Accept-Language asks for (vi or en; English without the header).
 * English is the server's own title and detail, unchanged for existing clients. Vietnamese is the
 * catalogue's (@benvung/domain PROBLEM_MESSAGES) filled from the extension members; where the code has
 * no template or a value is missing, a Vietnamese sentence about the status. Either way a Vietnamese
 * answer keeps the English detail in `technicalDetail`, so nothing said for support is lost. `code`
 * never changes: clients translate by it.
 */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, p: ProblemInput) {
  const { title, status, detail, code, ...members } = p;
  const extensions = Object.fromEntries(Object.entries(members).filter(([key]) => !RESERVED.has(key)));
  const locale = problemLocale(request.headers['accept-language']);
  const text =
    locale === 'en'
      ? { title, detail }
      : { ...localizeProblem({ ...extensions, code, status, requestId: request.id }, locale), technicalDetail: detail };
  varyOnLanguage(reply);
  return reply
    .status(status)
    .type('application/problem+json')
    .header('content-language', locale)
    .send({
      ...extensions,
      type: `${TYPE_BASE}${code.toLowerCase().replaceAll('_', '-')}`,
      title: text.title,
      status,
      detail: text.detail,
      code,
      instance: request.url,
      requestId: request.id,
      ...('technicalDetail' in text ? { technicalDetail: text.technicalDetail } : {}),
    });
}

/** The status of each kind of domain error. */
export const DOMAIN_STATUS: Record<DomainError['kind'], number> = {
  validation: 422,
  illegal_state: 409,
  not_found: 404,
  conflict: 409,
};

/** Fastify's and @fastify/multipart's client errors, under the codes clients already see. */
function frameworkProblem(fe: Partial<FastifyError> & { statusCode: number }): ProblemInput {
  if (fe.statusCode === 429) {
    return { status: 429, code: 'RATE_LIMITED', title: 'Too many requests', detail: fe.message ?? 'rate limited' };
  }
  const code =
    fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
      ? 'PAYLOAD_TOO_LARGE'
      : (fe.code ?? 'BAD_REQUEST').replace(/^FST_ERR_/, '');
  return {
    status: fe.statusCode,
    code,
    title: 'The request could not be processed',
    detail: fe.message ?? 'bad request',
  };
}

function toProblem(error: unknown): ProblemInput | undefined {
  // Extension members first: the standard members that follow always win.
  if (error instanceof HttpProblem) {
    return { ...error.extensions, status: error.status, code: error.code, title: error.title, detail: error.message };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    // fastify-type-provider-zod keeps zod's own `params` under `params.params`.
    const onlyCharacters = error.validation.every((v) =>
      isForbiddenCharactersIssue((v.params as { params?: unknown }).params),
    );
    return {
      ...(onlyCharacters ? INVALID_CHARACTERS : { status: 400, code: 'VALIDATION_FAILED' }),
      title: onlyCharacters ? INVALID_CHARACTERS.title : 'The request is not valid',
      detail: error.validation
        .map((v) => `${v.instancePath || error.validationContext || 'request'}: ${v.message}`)
        .join('; '),
      errors: error.validation.map((v) => ({
        path: v.instancePath,
        message: v.message,
        context: error.validationContext,
      })),
    };
  }
  if (error instanceof DomainError) {
    return {
      ...(error.details ?? {}),
      status: DOMAIN_STATUS[error.kind],
      code: error.code,
      title: 'The command was refused',
      detail: error.message,
    };
  }
  if (error instanceof ConcurrencyError) {
    return {
      status: 409,
      code: error.code,
      title: 'The household changed meanwhile',
      detail: error.message,
      currentVersion: error.actual,
    };
  }
  if (error instanceof StreamNotFoundError) {
    return { status: 404, code: 'NOT_FOUND', title: 'Not found', detail: 'no such household' };
  }
  if (error instanceof IdempotencyConflictError) {
    return { status: 422, code: error.code, title: 'Conflicting retry', detail: error.message };
  }
  // Only while the process stops: another instance (or this one, restarted) will answer.
  if (error instanceof StoreClosedError) {
    return { status: 503, code: error.code, title: 'Service unavailable', detail: error.message };
  }
  // A deployment on a store whose events cannot change (EventStoreDB): the request itself is fine.
  if (error instanceof ErasureNotSupportedError) {
    return { status: 501, code: error.code, title: 'Erasure not supported', detail: error.message };
  }
  if (error instanceof EventStoreError) {
    return { status: 400, code: error.code, title: 'Invalid request', detail: error.message };
  }
  // The database is away (stopped, restarting, connections cut): the same request succeeds once it is
  // back, and the pools reconnect by themselves. A write that failed this way may or may not have been
  // stored: repeating it with the same Idempotency-Key is safe.
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      title: 'Database unavailable',
      detail: 'the database cannot be reached; retry shortly',
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    };
  }
  const fe = error as Partial<FastifyError>;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return frameworkProblem({ ...fe, statusCode: fe.statusCode });
  }
  return undefined;
}

/** Every error leaves as application/problem+json; only unexpected failures are 500, and they are logged. */
export const problemPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error, request, reply) => {
      const problem = toProblem(error);
      if (problem) {
        if (problem.status === 503 || problem.status === 429) {
          // The rate limiter has set Retry-After to its window's end: that value is the one to say.
          const seconds = Number(reply.getHeader('retry-after') ?? problem.retryAfterSeconds ?? 1);
          reply.header('retry-after', String(seconds));
          problem.retryAfterSeconds = seconds;
        }
        if (problem.status >= 500 && problem.status !== 503) request.log.error({ err: error }, 'request failed');
        return sendProblem(reply, request, problem);
      }
      request.log.error({ err: error }, 'unexpected error');
      return sendProblem(reply, request, {
        status: 500,
        code: 'INTERNAL',
        title: 'Internal error',
        detail: 'an unexpected error occurred; it has been logged with this request id',
      });
    });
    app.setNotFoundHandler((request, reply) =>
      sendProblem(reply, request, {
        status: 404,
        code: 'ROUTE_NOT_FOUND',
        title: 'Not found',
        detail: `no route ${request.method} ${request.url}`,
      }),
    );
  },
  { name: 'problem' },
);
