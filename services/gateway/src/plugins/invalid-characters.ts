import { FORBIDDEN_CHARACTERS_ISSUE } from '@benvung/domain';

/**
 * Text the request was well-formed about but that holds characters the domain refuses in names and
 * free text (controls, bidirectional overrides, lone surrogates): a 422 of its own, not a malformed
 * request, so that a form can say which field and which character.
 */
export const INVALID_CHARACTERS = {
  status: 422,
  code: 'INVALID_CHARACTERS',
  title: 'Characters not allowed',
} as const;

/** Whether a zod issue's `params` mark it as being about forbidden characters (see @benvung/domain). */
export const isForbiddenCharactersIssue = (params: unknown): boolean =>
  typeof params === 'object' && params !== null && FORBIDDEN_CHARACTERS_ISSUE in params;
