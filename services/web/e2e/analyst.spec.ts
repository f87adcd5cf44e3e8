import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { createAccount, signIn } from './support/accounts';
import { screenshotForDocs } from './support/screenshots';
import { seedPopulation } from './support/seed';

/**
 * An analyst studies relapse: Kaplan–Meier curves drawn in the page by group with the log-rank test
 * and the numbers at risk, the other tables, and the downloads — aggregates only.
 */
test('an analyst reads relapse curves, tables and downloads', async ({ page }) => {
  test.setTimeout(420_000);
  // Enough households that the publication rules (5 households per unit and group, 5 relapses per
  // curve row) leave curves to draw.
  await seedPopulation(3000);
  const analyst = await createAccount('analyst', [], 'phantich.quocgia');
  await signIn(page, analyst);
  await expect(page.getByRole('heading', { name: 'Phân tích tái nghèo' })).toBeVisible();

  const chart = page.getByRole('img', { name: /Tỷ lệ hộ chưa tái nghèo theo thời gian sau khi thoát nghèo/ });
  await expect(chart).toBeVisible({ timeout: 60_000 });
  await page.getByRole('combobox', { name: 'Chia nhóm theo' }).click();
  await page.getByRole('option', { name: 'Năm thoát nghèo' }).click();
  await expect(page.getByRole('heading', { name: 'Kiểm định log-rank' })).toBeVisible();
  await expect(page.getByText(/χ² = .*bậc tự do = \d+/)).toBeVisible();
  await expect(page.getByRole('table', { name: /Số hộ còn được theo dõi/ })).toBeVisible();
  await expectAccessible(page, 'survival');
  await screenshotForDocs(page, 'analyst-survival');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hình đường sống sót (SVG)' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.svg$/);

  await page.getByRole('tab', { name: 'Ma trận chuyển đổi' }).click();
  await expect(page.getByRole('table').first()).toBeVisible();
  await expectAccessible(page, 'transitions');
  await page.getByRole('tab', { name: 'Theo năm thoát nghèo' }).click();
  await expect(page.getByRole('table').first()).toBeVisible();
  await expectAccessible(page, 'cohorts');
});
