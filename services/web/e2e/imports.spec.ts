import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { createAccount, signIn } from './support/accounts';

/**
 * A case worker imports the commune's existing list (a CSV as provinces keep them): good rows become
 * households, a bad row is reported by row and column in Vietnamese.
 */
test('a case worker imports a list and reads the problems of its bad rows', async ({ page }) => {
  const worker = await createAccount('case_worker', ['31843'], 'canbo.nhapds');
  await signIn(page, worker);
  await page.goto('/imports');
  await expect(page.getByRole('heading', { name: 'Nhập danh sách hộ' })).toBeVisible();
  const csv = [
    'Mã hộ,Họ và tên chủ hộ,Số nhân khẩu,Mã xã,Phân loại,Năm,Thu nhập bình quân',
    'HD-01,Thạch Sa Rết,5,31843,Hộ nghèo,2026,1.200.000',
    'HD-02,Lý Thị Lan,4,31843,Hộ cận nghèo,2026,2.000.000',
    'HD-03,Danh Út,0,31843,Hộ nghèo,2026,900.000',
  ].join('\n');
  await page.getByLabel('Tệp danh sách (.xlsx hoặc .csv)').setInputFiles({
    name: 'ds-ho-ngheo-2026.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('checkbox', { name: 'Vẫn nhập các dòng hợp lệ khi có dòng lỗi' }).check();
  await page.getByRole('button', { name: 'Tải lên' }).click();
  await expect(page.getByRole('table', { name: 'Các lỗi của tệp, theo dòng và cột' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('cell', { name: 'Số nhân khẩu' })).toBeVisible();
  await expectAccessible(page, 'imports');
});
