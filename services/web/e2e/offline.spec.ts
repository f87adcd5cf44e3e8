import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';
import { eventTypes, registerHousehold } from './support/households';

/**
 * The connection drops in the middle of a review on a phone: the review is kept on the device,
 * survives the tab being closed, is sent once when the connection returns — and a review whose answer
 * was lost on the way is sent again without being recorded twice.
 */
test('a review typed offline is kept, survives a closed tab and is recorded exactly once', async ({ context }) => {
  const worker = await createAccount('case_worker', ['31843'], 'canbo.ngoaituyen');
  const householdId = await registerHousehold(worker, { head: 'Lâm Văn Phúc', unitCode: '31843' });

  let page = await context.newPage();
  await signIn(page, worker);
  await page.goto(`/households/${householdId}`);
  await expect(page.getByRole('heading', { name: 'Lâm Văn Phúc' })).toBeVisible();
  await page.getByRole('button', { name: 'Rà soát' }).click();
  await page.getByLabel('Thu nhập bình quân (đồng/người/tháng)').fill('1500000');
  await expect(page.getByText(/Kết quả dự kiến/)).toBeVisible();

  // The connection drops mid-entry: the rest is typed offline, the preview still works.
  await context.setOffline(true);
  await page.getByRole('checkbox', { name: 'Việc làm' }).check();
  await expect(page.getByText('Kết quả dự kiến: Hộ cận nghèo')).toBeVisible();
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Chưa có kết nối: đã lưu trên máy, sẽ gửi khi có mạng')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Mất kết nối' })).toBeVisible();
  await expect(page.getByText('Chờ gửi')).toBeVisible();
  expect(await eventTypes(worker, householdId)).not.toContain('HouseholdAssessed');

  // The tab is closed while still offline; nothing typed is lost.
  await page.close();
  await context.setOffline(false);
  page = await context.newPage();
  await page.goto(`/households/${householdId}`);
  await expect(page.getByText(/Rà soát định kỳ năm \d{4}: Hộ cận nghèo/)).toBeVisible();
  await expect(page.getByText('Chờ gửi')).toHaveCount(0);
  expect((await eventTypes(worker, householdId)).filter((t) => t === 'HouseholdAssessed')).toHaveLength(1);

  // The page shows the version the first review made (the second is decided on it).
  await expect(page.getByText('Phiên bản', { exact: true }).locator('xpath=following-sibling::*[1]')).toHaveText('2');

  // A second review reaches the server but its answer is lost: the device keeps it and resends it
  // with the same Idempotency-Key, and the server records it once.
  let dropped = false;
  await page.route('**/assessments', async (route) => {
    if (dropped) return route.continue();
    dropped = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.getByRole('button', { name: 'Rà soát' }).click();
  await page.getByLabel('Thu nhập bình quân (đồng/người/tháng)').fill('900000');
  await page.getByRole('checkbox', { name: 'Việc làm' }).check();
  await page.getByRole('checkbox', { name: 'Dinh dưỡng' }).check();
  await page.getByRole('checkbox', { name: 'Người phụ thuộc trong hộ gia đình' }).check();
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Chưa có kết nối: đã lưu trên máy, sẽ gửi khi có mạng')).toBeVisible();
  expect(dropped).toBe(true);
  await page.reload();
  await expect(page.getByText(/Rà soát định kỳ năm \d{4}: Hộ nghèo/)).toBeVisible();
  await expect(page.getByText('Chờ gửi')).toHaveCount(0);
  expect((await eventTypes(worker, householdId)).filter((t) => t === 'HouseholdAssessed')).toHaveLength(2);
});

test('what is typed into a form and not yet saved survives a closed tab', async ({ context }) => {
  const worker = await createAccount('case_worker', ['31843'], 'canbo.nhap');
  const householdId = await registerHousehold(worker, { head: 'Danh Thị Mỹ', unitCode: '31843' });
  let page = await context.newPage();
  await signIn(page, worker);
  await page.goto(`/households/${householdId}/review`);
  await expect(page.getByText(/Kết quả dự kiến/)).toBeVisible();
  await context.setOffline(true);
  await page.getByLabel('Thu nhập bình quân (đồng/người/tháng)').fill('1750000');
  await page.getByLabel('Số quyết định').fill('125/QĐ-UBND');
  await page.close();
  await context.setOffline(false);
  page = await context.newPage();
  await page.goto(`/households/${householdId}/review`);
  await expect(page.getByLabel('Thu nhập bình quân (đồng/người/tháng)')).toHaveValue('1.750.000 ₫');
  await expect(page.getByLabel('Số quyết định')).toHaveValue('125/QĐ-UBND');
});
