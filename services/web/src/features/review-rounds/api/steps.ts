import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { ROUNDS_KEY } from './rounds';

type Body<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

export type MeetingBody = Body<'/v1/review-rounds/{id}/meetings'>;
export type PostingBody = Body<'/v1/review-rounds/{id}/postings'>;
export type ComplaintBody = Body<'/v1/review-rounds/{id}/complaints'>;
export type ResolutionBody = Body<'/v1/review-rounds/{id}/complaint-resolutions'>;
export type DecisionBody = Body<'/v1/review-rounds/{id}/decision'>;
export type SurveyBody = Body<'/v1/review-rounds/{id}/surveys'>;
export type ResultBody = NonNullable<ResolutionBody['result']>;

/** How a step is sent: its key (a resend records it once) and the round version it was decided on. */
interface Sent<B> {
  body: B;
  key: string;
  version?: number | undefined;
}

const headers = (key: string, version: number | undefined) => ({
  'idempotency-key': key,
  ...(version !== undefined ? { 'if-match': `"${version}"` } : {}),
});

/**
 * The steps of a round recorded online (meetings, posting, complaints, the decision), each with its key.
 * Those that rule on what the screen shows (a village's proposals, the lists, a complaint, the decision)
 * send the round's version as the user saw it (If-Match: a round moved on meanwhile answers 412, and is
 * read again); a complaint received only adds to the round and sends none.
 */
export function useRoundSteps(id: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: [ROUNDS_KEY] });
  const path = { path: { id } };
  const options = { onSettled: refresh };
  return {
    meeting: useMutation({
      mutationFn: async ({ body, key, version }: Sent<MeetingBody>) =>
        unwrap(
          await api.POST('/v1/review-rounds/{id}/meetings', { params: path, body, headers: headers(key, version) }),
        ),
      ...options,
    }),
    posting: useMutation({
      mutationFn: async ({ body, key, version }: Sent<PostingBody>) =>
        unwrap(
          await api.POST('/v1/review-rounds/{id}/postings', { params: path, body, headers: headers(key, version) }),
        ),
      ...options,
    }),
    complaint: useMutation({
      mutationFn: async ({ body, key, version }: Sent<ComplaintBody>) =>
        unwrap(
          await api.POST('/v1/review-rounds/{id}/complaints', { params: path, body, headers: headers(key, version) }),
        ),
      ...options,
    }),
    resolution: useMutation({
      mutationFn: async ({ body, key, version }: Sent<ResolutionBody>) =>
        unwrap(
          await api.POST('/v1/review-rounds/{id}/complaint-resolutions', {
            params: path,
            body,
            headers: headers(key, version),
          }),
        ),
      ...options,
    }),
    decision: useMutation({
      mutationFn: async ({ body, key, version }: Sent<DecisionBody>) =>
        unwrap(
          await api.POST('/v1/review-rounds/{id}/decision', { params: path, body, headers: headers(key, version) }),
        ),
      // The decision changes every household of the round.
      onSettled: async () => {
        await refresh();
        await queryClient.invalidateQueries({ queryKey: ['household'] });
        await queryClient.invalidateQueries({ queryKey: ['households'] });
      },
    }),
  };
}
