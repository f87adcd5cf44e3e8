import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { ADMIN, signIn } from './support/accounts';
import { screenshotForDocs } from './support/screenshots';

/**
 * On a 360-px phone, in Vietnamese: the first admin creates a case worker for a real commune (31843,
 * Xã Hồng Dân of Cà Mau); the case worker signs in with the one-time password, chooses their own,
 * registers a household, reviews it with the standard's checklist, sees the classification previewed
 * before saving and the result on the household's page.
 */
test('the first admin creates a case worker, who registers and reviews a household on a phone', async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(page.getByRole('heading', { name: 'Người dùng' })).toBeVisible();
  await expectAccessible(page, 'users');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await page.getByLabel('Tên đăng nhập').fill('canbo.hongdan');
  await page.getByLabel('Họ và tên').fill('Trần Thị Mai');
  await page.getByRole('combobox', { name: 'Vai trò' }).click();
  await page.getByRole('option', { name: 'Cán bộ giảm nghèo' }).click();
  await page.getByRole('combobox', { name: 'Đơn vị phụ trách' }).fill('31843');
  await page.getByRole('option', { name: /31843/ }).click();
  await expectAccessible(page, 'create user');
  await page.getByRole('button', { name: 'Lưu' }).click();
  const oneTime = page.getByLabel('Mật khẩu dùng một lần');
  await expect(oneTime).not.toHaveValue('');
  const oneTimePassword = await oneTime.inputValue();
  await page.getByRole('button', { name: 'Tôi đã ghi lại mật khẩu' }).click();
  await page.getByRole('button', { name: 'admin', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();

  // The case worker's first sign-in asks for a password of their own.
  await signIn(page, { username: 'canbo.hongdan', password: oneTimePassword });
  await expect(page.getByRole('heading', { name: 'Đổi mật khẩu' })).toBeVisible();
  await page.getByLabel('Mật khẩu hiện tại').fill(oneTimePassword);
  await page.getByLabel(/^Mật khẩu mới/).fill('Hong-Dan-2026-moi');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('Hong-Dan-2026-moi');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByRole('heading', { name: 'Hộ gia đình' })).toBeVisible();
  await expectAccessible(page, 'households list');

  await page.getByRole('button', { name: 'Đăng ký hộ' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng ký hộ' })).toBeVisible();
  await page.getByLabel('Họ và tên chủ hộ').fill('Thạch Thị Sa Rinh');
  await page.getByLabel('Số nhân khẩu').fill('5');
  await expect(page.getByLabel('Xã/phường')).toHaveValue(/31843/);
  await page.getByLabel('Thôn/ấp').fill('Ấp Cây Cui');
  await expectAccessible(page, 'register form');
  await screenshotForDocs(page, 'register-phone');
  await page.getByRole('button', { name: 'Lưu' }).click();

  // The household's page answers at once, even before the lists have caught up.
  await expect(page.getByRole('heading', { name: 'Thạch Thị Sa Rinh' })).toBeVisible();
  await expect(page.getByText('Chưa rà soát').first()).toBeVisible();
  await expectAccessible(page, 'household page');

  await page.getByRole('button', { name: 'Rà soát' }).click();
  await page.getByLabel('Thu nhập bình quân (đồng/người/tháng)').fill('1200000');
  await expect(page.getByLabel('Thu nhập bình quân (đồng/người/tháng)')).toHaveValue('1.200.000 ₫');
  await page.getByRole('checkbox', { name: 'Việc làm' }).check();
  await page.getByRole('checkbox', { name: 'Dinh dưỡng' }).check();
  await page.getByRole('checkbox', { name: 'Người phụ thuộc trong hộ gia đình' }).check();
  // The domain's classifier runs in the page: the result shows before anything is saved.
  await expect(page.getByText('Kết quả dự kiến: Hộ nghèo')).toBeVisible();
  await expectAccessible(page, 'review form');
  await screenshotForDocs(page, 'review-phone');
  await page.getByRole('button', { name: 'Lưu' }).click();

  await expect(page.getByRole('heading', { name: 'Thạch Thị Sa Rinh' })).toBeVisible();
  await expect(page.getByText('Hộ nghèo').first()).toBeVisible();
  await expect(page.getByText(/Rà soát định kỳ năm \d{4}: Hộ nghèo/)).toBeVisible();

  // The list finds it without accents, with its classification.
  await page.getByRole('button', { name: 'Mở trình đơn' }).click();
  await page.getByRole('link', { name: 'Hộ gia đình' }).click();
  await page.getByLabel('Tìm theo tên chủ hộ, mã hộ hoặc số CCCD').fill('thach thi sa');
  await expect(page.getByRole('link', { name: 'Thạch Thị Sa Rinh' })).toBeVisible();
});
