import { z } from 'zod';

/*
 * Request headers the routes read, as zod schemas a route declares in `schema.headers`. They validate
 * nothing the handlers do not check themselves (every header is an optional string, unknown headers
 * pass), so a malformed value still gets the handler's own problem code (INVALID_IF_MATCH …); the
 * patterns are documented through metadata only. The document turns each into a shared parameter.
 */

const IfMatch = z
  .string()
  .meta({
    description:
      'Makes the command conditional: the household version (ETag) it was decided on, e.g. "3". A household at another version answers 412 PRECONDITION_FAILED with currentVersion.',
    pattern: '^(W/)?"\\d{1,9}"$',
    example: '"3"',
  })
  .optional();

const IdempotencyKey = z
  .string()
  .meta({
    description:
      'Makes a retry safe: the first response to this key is stored and replayed (Idempotent-Replayed: true) and nothing is appended twice; the same key with another body answers 422 IDEMPOTENCY_KEY_REUSED. 1–200 letters, digits, . _ : -',
    pattern: '^[\\w.:-]{1,200}$',
    example: '6b1f9c1e-register-2026-01-10',
  })
  .optional();

const WaitForPosition = z
  .string()
  .meta({
    description:
      'Read-your-writes: the `position` a command answered. The read waits until its projection has passed it (503 NOT_YET_PROJECTED with Retry-After when it does not in time).',
    example: '1042:7',
  })
  .optional();

const WaitTimeoutMs = z
  .string()
  .meta({
    description: 'How long to wait for X-Wait-For-Position, in milliseconds (0–10000, default 3000).',
    pattern: '^\\d{1,5}$',
    example: '3000',
  })
  .optional();

/** Commands on households: conditional (If-Match) and safe to retry (Idempotency-Key). */
export const CommandHeaders = z.looseObject({ 'if-match': IfMatch, 'idempotency-key': IdempotencyKey });

/** Reads behind a projection that a client may ask to catch up with its own last write first. */
export const ReadYourWritesHeaders = z.looseObject({
  'x-wait-for-position': WaitForPosition,
  'x-wait-timeout-ms': WaitTimeoutMs,
});

/** Header names as the document spells them (Fastify sees them in lower case). */
export const HEADER_NAMES: Readonly<Record<string, string>> = {
  'if-match': 'If-Match',
  'idempotency-key': 'Idempotency-Key',
  'x-wait-for-position': 'X-Wait-For-Position',
  'x-wait-timeout-ms': 'X-Wait-Timeout-Ms',
};

/** Response headers a route may declare per status (`schema.responseHeaders`), by their component name. */
export const RESPONSE_HEADERS = {
  ETag: {
    description: 'The household’s version after this response, quoted ("3"): send it back in If-Match.',
    schema: { type: 'string', example: '"3"' },
  },
  Location: { description: 'Where the created resource is read.', schema: { type: 'string', format: 'uri-reference' } },
  IdempotentReplayed: {
    description: '"true" when this is the stored response to an Idempotency-Key seen before (nothing was appended).',
    schema: { type: 'string', enum: ['true'] },
  },
  RetryAfter: { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } },
  ContentLanguage: {
    description: 'The language of title and detail: vi or en (see Accept-Language).',
    schema: { type: 'string', enum: ['vi', 'en'] },
  },
  WwwAuthenticate: {
    description: 'The authentication scheme expected (Bearer).',
    schema: { type: 'string', example: 'Bearer realm="benvung"' },
  },
} as const;

export type ResponseHeaderName = keyof typeof RESPONSE_HEADERS;

/** The HTTP name of each response header component. */
export const RESPONSE_HEADER_NAMES: Readonly<Record<ResponseHeaderName, string>> = {
  ETag: 'ETag',
  Location: 'Location',
  IdempotentReplayed: 'Idempotent-Replayed',
  RetryAfter: 'Retry-After',
  ContentLanguage: 'Content-Language',
  WwwAuthenticate: 'WWW-Authenticate',
};

/** What every household command answers besides its body: the new version, and whether it was replayed. */
export const commandResponseHeaders = { 201: ['ETag', 'IdempotentReplayed'] } as const;
