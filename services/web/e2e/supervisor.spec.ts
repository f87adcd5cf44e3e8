import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { createAccount, signIn } from './support/accounts';
import { recordAs, registerHousehold } from './support/households';
import { screenshotForDocs } from './support/screenshots';

/**
 * A supervisor corrects a household's history — voiding a note recorded by mistake, with a reason,
 * seeing what changes before saving — and flags a poor household as unable to escape poverty.
 */
test('a supervisor voids an event with a reason and flags a household', async ({ page }) => {
  const supervisor = await createAccount('supervisor', ['31843'], 'giamsat.hongdan');
  const id = await registerHousehold(supervisor, { head: 'Sơn Thị Hà', unitCode: '31843', memberCount: 6 });
  await recordAs(supervisor, `/v1/households/${id}/notes`, { text: 'Ghi nhầm hộ khác', category: 'visit' });
  await recordAs(supervisor, `/v1/households/${id}/assessments`, {
    reviewType: 'periodic',
    effectiveDate: '2026-10-15',
    incomePerCapitaVnd: 900_000,
    deprivations: ['employment', 'nutrition', 'dependants'],
  });

  await signIn(page, supervisor);
  await page.goto(`/households/${id}`);
  await expect(page.getByRole('heading', { name: 'Sơn Thị Hà' })).toBeVisible();
  await expect(page.getByText('Ghi chú: Ghi nhầm hộ khác')).toBeVisible();

  await page.getByRole('button', { name: 'Sửa hoặc hủy sự kiện' }).click();
  await page.getByRole('combobox', { name: 'Sự kiện' }).click();
  await page.getByRole('option', { name: /Ghi nhầm hộ khác/ }).click();
  await page.getByRole('radio', { name: 'Hủy sự kiện' }).check();
  await page.getByLabel('Lý do').fill('Ghi chú nhập nhầm hộ');
  // What the void changes shows before it is saved.
  await expect(page.getByText('Sự kiện này sẽ không còn được tính:')).toBeVisible();
  await expectAccessible(page, 'correction form');
  await screenshotForDocs(page, 'correction');
  await page.getByRole('button', { name: 'Lưu' }).click();

  await expect(page.getByRole('heading', { name: 'Sơn Thị Hà' })).toBeVisible();
  await expect(page.getByText('Hủy một sự kiện: Ghi chú nhập nhầm hộ')).toBeVisible();
  await expect(page.getByText('đã hủy')).toBeVisible();

  await page.getByRole('button', { name: 'Gắn cờ' }).click();
  await page.getByRole('radio', { name: 'Gắn cờ' }).check();
  await page.getByRole('combobox', { name: 'Căn cứ' }).click();
  await page.getByRole('option', { name: 'Ít người lao động, nhiều người phụ thuộc' }).click();
  await page.getByLabel('Lý do').fill('Chủ hộ cao tuổi, bốn người phụ thuộc');
  await expectAccessible(page, 'flag form');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Gắn cờ hộ không có khả năng thoát nghèo')).toBeVisible();
});
