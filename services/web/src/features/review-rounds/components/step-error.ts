import { ApiProblem, problemMessage } from '../../../lib/problem';

/**
 * A refused step in the user's language (the server answers problems in it). A round that moved on
 * since the screen read it (412) is read again: say so rather than the bare precondition.
 */
export function stepError(error: unknown, stale: string, fallback: string): string {
  if (error instanceof ApiProblem && error.status === 412) return stale;
  return problemMessage(error, fallback);
}
