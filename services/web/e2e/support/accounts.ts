import { type APIRequestContext, expect, type Page, request } from '@playwright/test';
import { ADMIN_PASSWORD, baseURL } from '../../playwright.config';

export interface Account {
  username: string;
  password: string;
}

export const ADMIN: Account = { username: 'admin', password: ADMIN_PASSWORD };

/** An API session (cookie + CSRF token) of an account, for setting up what a journey starts from. */
export async function apiSession(account: Account): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = await request.newContext({ baseURL });
  const answer = await api.post('/v1/auth/sign-in', { data: account });
  expect(answer.status(), await answer.text()).toBe(200);
  const { csrfToken } = (await answer.json()) as { csrfToken: string };
  return { api, csrf: csrfToken };
}

/**
 * An account of a role made by the admin through the API, its one-time password already changed: the
 * journeys of other roles start from a usable account (the admin journey makes one through the screens).
 */
export async function createAccount(role: string, units: string[], username: string): Promise<Account> {
  const { api, csrf } = await apiSession(ADMIN);
  const created = await api.post('/v1/admin/users', {
    headers: { 'x-csrf-token': csrf },
    data: { username, displayName: username, role, units },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { oneTimePassword } = (await created.json()) as { oneTimePassword: string };
  await api.dispose();
  const password = `${username}-Mat-khau-2026`;
  const own = await apiSession({ username, password: oneTimePassword });
  const changed = await own.api.post('/v1/auth/password', {
    headers: { 'x-csrf-token': own.csrf },
    data: { currentPassword: oneTimePassword, newPassword: password },
  });
  expect(changed.status(), await changed.text()).toBeLessThan(300);
  await own.api.dispose();
  return { username, password };
}

/** Signs in through the sign-in screen, as a person does. */
export async function signIn(page: Page, account: Account): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Tên đăng nhập').fill(account.username);
  await page.getByLabel('Mật khẩu').fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: account.username })).toBeVisible();
}
