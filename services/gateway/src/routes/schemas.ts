import { z } from 'zod';

/**
 * application/problem+json (RFC 9457) with our stable `code`. Extension members (unitCode,
 * successors, currentVersion …) carry the values a problem is about.
 */
export const ProblemSchema = z
  .object({
    type: z.string().describe('URI naming the kind of problem (derived from `code`)'),
    title: z.string().describe('Short summary, in the language of Content-Language'),
    status: z.number().int().min(400).max(599).describe('The HTTP status'),
    detail: z.string().describe('What went wrong in this case, in the language of Content-Language'),
    code: z
      .string()
      .describe(
        'Stable machine-readable code (e.g. UNIT_NOT_VALID_ON_DATE): clients translate and branch on it, never on title or detail. Every code has Vietnamese and English texts in @benvung/domain PROBLEM_MESSAGES.',
      ),
    instance: z.string().optional().describe('The request path'),
    requestId: z.string().optional().describe('The request id (X-Request-Id), as logged'),
    technicalDetail: z
      .string()
      .optional()
      .describe('In answers not in English: the server’s own detail, in English, for support'),
    errors: z
      .array(
        z.looseObject({
          path: z.string().optional().describe('JSON pointer of the invalid value (empty: the whole part)'),
          message: z.string().optional().describe('What is wrong with it (English)'),
          context: z.string().optional().describe('Which part: body, querystring, params or headers'),
        }),
      )
      .optional()
      .describe('VALIDATION_FAILED only: each invalid value'),
  })
  .loose()
  .describe('A problem (RFC 9457). Members not listed here are extension members of its code.');
