import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { apiSession, createAccount, signIn } from './support/accounts';
import { recordAs, registerHousehold } from './support/households';
import { screenshotForDocs } from './support/screenshots.js';

/**
 * An auditor sees that a household is covered by a signed checkpoint of the log, then checks every
 * event's inclusion proof in the browser: with the key the server names, with the published key pasted,
 * and — to see the check bite — with another key, which fails at the signature.
 */
test('an auditor checks a household’s log proofs in the browser', async ({ page }) => {
  // Three checks with three keys and two accessibility scans: more than the default journey's time.
  test.setTimeout(180_000);
  const worker = await createAccount('case_worker', ['31843'], 'canbo.bangchung');
  const auditor = await createAccount('auditor', ['96'], 'kiemtra.bangchung');
  const id = await registerHousehold(worker, { head: 'Lâm Thị Hoa', unitCode: '31843', memberCount: 2 });
  await recordAs(worker, `/v1/households/${id}/notes`, { text: 'Đã đến thăm hộ' });

  // The playwright server signs a checkpoint a second after new events: wait until it covers the last one.
  const { api } = await apiSession(auditor);
  const history = await api.get(`/v1/households/${id}/history`);
  const { events } = (await history.json()) as { events: Array<{ eventId: string }> };
  expect(events).toHaveLength(2);
  const last = events.at(-1)?.eventId ?? '';
  await expect
    .poll(
      async () => ((await (await api.get(`/v1/log/proof?eventId=${last}`)).json()) as { covered: boolean }).covered,
      {
        timeout: 30_000,
      },
    )
    .toBe(true);
  const { publicKey, keyId } = (await (await api.get('/v1/log/checkpoints?limit=1')).json()) as {
    publicKey: string;
    keyId: string;
  };
  await api.dispose();

  await signIn(page, auditor);
  await page.goto(`/households/${id}`);
  await page.getByRole('button', { name: 'Lịch sử và kiểm tra' }).click();

  await page.getByRole('button', { name: 'Kiểm tra chuỗi băm' }).click();
  await expect(page.getByText('Chuỗi băm hợp lệ')).toBeVisible();
  await expect(page.getByText('Đầu chuỗi đã ghi: phiên bản 2')).toBeVisible();
  await expect(
    page.getByText(
      new RegExp(
        `^Được bảo đảm bởi điểm kiểm tra đã ký lúc \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} \\([\\d.]+ sự kiện của toàn hệ thống\\), khóa ${keyId}$`,
      ),
    ),
  ).toBeVisible();
  // Covered, proven, recorded after the checkpoint.
  await expect(page.getByRole('definition')).toHaveText(['2', '2', '0']);

  const check = page.getByRole('button', { name: 'Kiểm tra bằng chứng ngay trong trình duyệt' });
  const results = page.getByRole('table', { name: 'Kết quả kiểm tra bằng chứng của từng sự kiện' });
  const rows = results.getByRole('row').filter({ has: page.getByRole('cell') });

  // With the key the server names: shown in full, to compare with the published one.
  await check.click();
  await expect(page.getByText('Cả 2 sự kiện đều có bằng chứng hợp lệ')).toBeVisible();
  await expect(page.getByText(publicKey, { exact: true })).toBeVisible();
  await expect(page.getByText(`Đã kiểm tra bằng khóa do máy chủ gửi (mã ${keyId})`)).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: /✓ Hợp lệ/ })).toHaveCount(2);
  await expectAccessible(page, 'log proofs checked in the browser');
  await screenshotForDocs(page, 'auditor-log-proofs');

  // With the published key pasted: not a key, then the key (as hex, as an operator may publish it).
  const field = page.getByLabel('Khóa công khai đã công bố (không bắt buộc)');
  await field.fill('khong-phai-khoa');
  await check.click();
  await expect(page.getByText('Không phải khóa công khai Ed25519')).toBeVisible();
  await field.fill(Buffer.from(publicKey, 'base64url').toString('hex'));
  await check.click();
  await expect(page.getByText(`Đã kiểm tra bằng khóa bạn dán (mã ${keyId})`)).toBeVisible();
  await expect(page.getByText('Cả 2 sự kiện đều có bằng chứng hợp lệ')).toBeVisible();

  // Another key: every proof fails at the signature, and the screen says the keys differ.
  await field.fill(Buffer.alloc(32, 7).toString('base64url'));
  await check.click();
  await expect(page.getByText('2 trong 2 sự kiện không có bằng chứng hợp lệ')).toBeVisible();
  await expect(page.getByText(/^Khóa bạn dán khác khóa máy chủ cho biết/)).toBeVisible();
  await expect(rows.filter({ hasText: 'Sai ở bước: chữ ký Ed25519 của điểm kiểm tra' })).toHaveCount(2);

  // On a phone the screen still fits: nothing wider than the viewport but the tables' own scrolling.
  await page.setViewportSize({ width: 360, height: 780 });
  await field.fill('');
  await check.click();
  await expect(page.getByText('Cả 2 sự kiện đều có bằng chứng hợp lệ')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page, 'log proofs on a phone');
});
