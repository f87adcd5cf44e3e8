import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { createAccount, signIn } from './support/accounts';
import { recordAs, registerHousehold } from './support/households';
import { screenshotForDocs } from './support/screenshots';

/**
 * An auditor replays a household: its events with who recorded them, when, and their hashes; the
 * hash chain verified; the state on an earlier date; and the access log that records these reads.
 */
test('an auditor reads a household’s history, verifies it, replays a date and sees the access log', async ({
  page,
}) => {
  const worker = await createAccount('case_worker', ['31843'], 'canbo.kiemtra');
  const auditor = await createAccount('auditor', ['96'], 'kiemtra.camau');
  const id = await registerHousehold(worker, {
    head: 'Huỳnh Văn Tâm',
    unitCode: '31843',
    memberCount: 3,
    occurredAt: '2026-09-01',
  });
  await recordAs(worker, `/v1/households/${id}/assessments`, {
    reviewType: 'periodic',
    effectiveDate: '2026-10-20',
    incomePerCapitaVnd: 1_100_000,
    deprivations: ['employment'],
  });

  await signIn(page, auditor);
  await page.goto(`/households/${id}`);
  await expect(page.getByRole('heading', { name: 'Huỳnh Văn Tâm' })).toBeVisible();
  await page.getByRole('button', { name: 'Lịch sử và kiểm tra' }).click();
  await expect(page.getByRole('table', { name: 'Các sự kiện của hộ theo phiên bản' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xem đầy đủ mã băm phiên bản 2' })).toBeVisible();

  await page.getByRole('button', { name: 'Kiểm tra chuỗi băm' }).click();
  await expect(page.getByText('Chuỗi băm hợp lệ')).toBeVisible();
  await expect(page.getByText('Cả 2 sự kiện khớp với mã băm đã ghi; không có sự kiện nào bị thay đổi.')).toBeVisible();

  // Before the review the household was not yet classified.
  await page.getByLabel('Trạng thái tại ngày').fill('01/10/2026');
  await page.getByLabel('Trạng thái tại ngày').press('Enter');
  await expect(page.getByText('Trạng thái sau phiên bản 1')).toBeVisible();
  await expectAccessible(page, 'household history');
  await screenshotForDocs(page, 'auditor-history');

  await page.goto(`/access-log?householdId=${id}`);
  await expect(page.getByRole('link', { name: new RegExp(id.slice(0, 8)) }).first()).toBeVisible();
  await expectAccessible(page, 'access log');
});
