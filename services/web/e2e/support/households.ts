import { expect } from '@playwright/test';
import { type Account, apiSession } from './accounts';

/** Registers a household through the API as `account` (what a journey starts from); answers its id. */
export async function registerHousehold(
  account: Account,
  household: { head: string; unitCode: string; memberCount?: number; village?: string; occurredAt?: string },
): Promise<string> {
  const { api, csrf } = await apiSession(account);
  const answer = await api.post('/v1/households', {
    headers: { 'x-csrf-token': csrf },
    data: {
      head: { fullName: household.head },
      memberCount: household.memberCount ?? 4,
      unitCode: household.unitCode,
      ...(household.village ? { village: household.village } : {}),
      ...(household.occurredAt ? { occurredAt: household.occurredAt } : {}),
    },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  const { householdId } = (await answer.json()) as { householdId: string };
  await api.dispose();
  return householdId;
}

/** The types of a household's events, oldest first, as the server holds them. */
export async function eventTypes(account: Account, householdId: string): Promise<string[]> {
  const { api } = await apiSession(account);
  const answer = await api.get(`/v1/households/${householdId}/history`);
  expect(answer.status()).toBe(200);
  const { events } = (await answer.json()) as { events: Array<{ type: string }> };
  await api.dispose();
  return events.map((e) => e.type);
}

/** Records something on a household through the API as `account` (a note, a review…). */
export async function recordAs(account: Account, path: string, data: unknown): Promise<void> {
  const { api, csrf } = await apiSession(account);
  const answer = await api.post(path, { headers: { 'x-csrf-token': csrf }, data });
  expect(answer.status(), await answer.text()).toBeLessThan(300);
  await api.dispose();
}
