import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type RoundListQuery = NonNullable<paths['/v1/review-rounds']['get']['parameters']['query']>;
export type RoundSummary =
  paths['/v1/review-rounds']['get']['responses'][200]['content']['application/json']['rounds'][number];
export type Round = paths['/v1/review-rounds/{id}']['get']['responses'][200]['content']['application/json'];
export type RoundHousehold = Round['households'][number];
export type RoundVillage = Round['villages'][number];
export type RoundStage = Round['stage'];
export type OpenRoundBody = NonNullable<
  paths['/v1/review-rounds']['post']['requestBody']
>['content']['application/json'];

/** Every query of the rounds starts with this key: a step refreshes them all. */
export const ROUNDS_KEY = 'review-rounds';

export const roundsQuery = (query: RoundListQuery) =>
  queryOptions({
    queryKey: [ROUNDS_KEY, 'list', query],
    queryFn: async () => unwrap(await api.GET('/v1/review-rounds', { params: { query } })),
    placeholderData: keepPreviousData,
  });

/** The rounds of the user's units, newest list year first. */
export function useRounds(query: RoundListQuery) {
  return useQuery(roundsQuery(query));
}

export const roundQuery = (id: string) =>
  queryOptions({
    queryKey: [ROUNDS_KEY, 'detail', id],
    queryFn: async () => unwrap(await api.GET('/v1/review-rounds/{id}', { params: { path: { id } } })),
  });

/** A round with its progress per village and household, its steps and its decision. */
export function useRound(id: string) {
  return useQuery(roundQuery(id));
}

/** Opens a round; the key makes a resend (a lost answer) open it once. */
export function useOpenRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, key }: { body: OpenRoundBody; key: string }) =>
      unwrap(await api.POST('/v1/review-rounds', { body, headers: { 'idempotency-key': key } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [ROUNDS_KEY] }),
  });
}
