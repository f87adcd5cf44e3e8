import { DomainError } from '@benvung/domain';
import { ConcurrencyError, EventStoreError, IdempotencyConflictError, StreamNotFoundError } from '@benvung/event-store';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

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

export function sendProblem(reply: FastifyReply, request: FastifyRequest, p: ProblemInput) {
  return reply
    .status(p.status)
    .type('application/problem+json')
    .send({
      type: `${TYPE_BASE}${p.code.toLowerCase().replaceAll('_', '-')}`,
      instance: request.url,
      requestId: request.id,
      ...p,
    });
}

const DOMAIN_STATUS: Record<DomainError['kind'], number> = {
  validation: 422,
  illegal_state: 409,
  not_found: 404,
  conflict: 409,
};

function toProblem(error: unknown): ProblemInput | undefined {
  if (error instanceof HttpProblem) {
    return { status: error.status, code: error.code, title: error.title, detail: error.message, ...error.extensions };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      title: 'The request is not valid',
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
      status: DOMAIN_STATUS[error.kind],
      code: error.code,
      title: 'The command was refused',
      detail: error.message,
      ...(error.details ?? {}),
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
  if (error instanceof EventStoreError) {
    return { status: 400, code: error.code, title: 'Invalid request', detail: error.message };
  }
  const fe = error as Partial<FastifyError>;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
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
  return undefined;
}

/** Every error leaves as application/problem+json; only unexpected failures are 500, and they are logged. */
export const problemPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error, request, reply) => {
      const problem = toProblem(error);
      if (problem) {
        if (problem.status === 503 || problem.status === 429)
          reply.header('retry-after', String(problem.retryAfterSeconds ?? 1));
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
