import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ProblemSchema } from '../routes/schemas.js';
import { CommandHeaders, type ResponseHeaderName } from './headers.js';

declare module 'fastify' {
  interface FastifySchema {
    /** Documentation only: response headers a status sends (components of RESPONSE_HEADERS). */
    responseHeaders?: Readonly<Partial<Record<number, readonly ResponseHeaderName[]>>>;
    /**
     * Documentation only: a multipart/form-data body the handler reads part by part (so Fastify must
     * not validate it), with the media types each file field accepts.
     */
    formBody?: { schema: z.ZodObject; files: Readonly<Record<string, readonly string[]>> };
  }
}

/** What the route transform hands to the document transform, on the operation (then removed). */
export const ROUTE_NOTES = 'x-benvung-route';

export interface RouteNotes {
  /** Statuses answered with a problem (shared responses, application/problem+json). */
  problems: number[];
  responseHeaders: Partial<Record<number, readonly ResponseHeaderName[]>>;
  /** Media types of each file field of a multipart body. */
  formFiles?: Readonly<Record<string, readonly string[]>>;
  /** Credentials are required: every /v1 operation but the public ones (sign-in). */
  authenticated: boolean;
}

/** The problems every /v1 operation may answer, whatever it declares. */
function implicitProblems(route: RouteOptions, schema: FastifySchema, authenticated: boolean): number[] {
  // 503: the database unavailable (DATABASE_UNAVAILABLE), which any operation may meet; also a read
  // that did not catch up in time (NOT_YET_PROJECTED).
  const statuses = [400, 429, 500, 503];
  if (authenticated) statuses.push(401);
  if (route.config?.roles) statuses.push(403);
  if (schema.body || schema.formBody) statuses.push(413, 415);
  // If-Match refused (412), a key reused with another body (422) or that produced other events (409).
  if (schema.headers === CommandHeaders) statuses.push(409, 412, 422);
  return statuses;
}

/**
 * The per-route part of the document: zod schemas to JSON Schema (fastify-type-provider-zod), with
 * problem statuses taken out (the document transform refers them to shared responses) and the
 * documentation-only fields (responseHeaders, formBody) turned into notes for the document transform.
 */
export const routeTransform: SwaggerTransform = (input) => {
  const { url, route } = input;
  if (!input.schema || input.schema.hide) return jsonSchemaTransform(input);
  const schema: FastifySchema = { ...input.schema };
  const { response, responseHeaders, formBody, ...rest } = schema;
  const bodies: Record<string, unknown> = {};
  const problems = new Set<number>();
  for (const [status, s] of Object.entries((response ?? {}) as Record<string, unknown>)) {
    if (s === ProblemSchema) problems.add(Number(status));
    else bodies[status] = s;
  }
  const authenticated = url.startsWith('/v1/') && !route.config?.public;
  if (url.startsWith('/v1/')) for (const status of implicitProblems(route, schema, authenticated)) problems.add(status);
  const transformed = jsonSchemaTransform({
    ...input,
    schema: {
      ...rest,
      response: bodies,
      // The multipart body as the document's request body (Fastify never sees it: no runtime validation).
      ...(formBody ? { body: formBody.schema } : {}),
    },
  });
  const notes: RouteNotes = {
    problems: [...problems].sort((a, b) => a - b),
    responseHeaders: responseHeaders ?? {},
    ...(formBody ? { formFiles: formBody.files } : {}),
    authenticated,
  };
  return { ...transformed, schema: { ...transformed.schema, [ROUTE_NOTES]: notes } };
};
