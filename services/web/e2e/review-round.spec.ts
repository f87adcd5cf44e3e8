import { readFile } from 'node:fs/promises';
import { devices, expect, type Page, test } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { expectAccessible } from './support/accessibility';
import { createAccount, signIn } from './support/accounts';
import { registerHousehold } from './support/households';
import { screenshotForDocs } from './support/screenshots';

/** Today in Vietnam (YYYY-MM-DD), as the app dates its forms. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const year = Number(today.slice(0, 4));
const month = Number(today.slice(5, 7));
// A periodic round opened from September decides the next year's lists; without an override it opens
// only from 1 September to 14 December of the year before them.
const listYear = month >= 9 ? year + 1 : year;
const insideWindow = month >= 9 && today <= `${year}-12-14`;
const village = 'Ấp Đầu Sấu';

/** The round's own page, read again (the steps answer at once; the page reads them back). */
async function openRound(page: Page, roundPath: string) {
  await page.goto(roundPath);
  await expect(page.getByRole('heading', { name: `Rà soát định kỳ năm danh sách ${listYear}` })).toBeVisible();
}

/**
 * A commune's periodic review round through the screens, in Vietnamese: a supervisor opens it; a case
 * worker surveys two households of a village on a 360-px phone — the second with the connection lost,
 * kept on the phone and sent when it returns — and records the village meeting, which changes one
 * result; the supervisor posts the lists, receives and upholds a complaint, and records the decision
 * after confirming it. Each household's page then shows the decided classification with the decision.
 */
test('a periodic review round runs from the survey to the decision', async ({ page, browser }) => {
  // Two people, two browsers and every step of a round: longer than one screen's journey.
  test.setTimeout(180_000);
  const supervisor = await createAccount('supervisor', ['31843'], 'giamsat.dotrasoat');
  const worker = await createAccount('case_worker', ['31843'], 'canbo.dotrasoat');
  const binh = await registerHousehold(worker, { head: 'Trần Văn Bình', unitCode: '31843', village });
  const cuc = await registerHousehold(worker, { head: 'Lý Thị Cúc', unitCode: '31843', village });

  // The supervisor opens the round for the commune.
  await signIn(page, supervisor);
  await page.getByRole('link', { name: 'Đợt rà soát' }).click();
  await expect(page.getByRole('heading', { name: 'Đợt rà soát' })).toBeVisible();
  await expect(page.getByText('Chưa có đợt rà soát nào')).toBeVisible();
  await expectAccessible(page, 'review rounds');
  await page.getByRole('button', { name: 'Mở đợt rà soát' }).click();
  await expect(page.getByRole('heading', { name: 'Mở đợt rà soát' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Rà soát định kỳ' })).toBeChecked();
  await page.getByLabel('Xã/phường').selectOption('31843');
  await expect(page.getByLabel('Năm danh sách')).toHaveValue(String(listYear));
  await expect(page.getByLabel('Ngày mở')).toHaveValue(vn(today));
  await expect(
    page.getByText(`Rà soát định kỳ cho danh sách năm ${listYear} diễn ra từ 01/09/${listYear - 1}`),
  ).toBeVisible();
  if (insideWindow) {
    await expect(page.getByLabel('Lý do mở ngoài thời gian rà soát định kỳ')).toHaveCount(0);
    // The day after the campaign ends, the same round would need a reason.
    await page.getByLabel('Ngày mở').fill(`15/12/${listYear - 1}`);
    await page.getByLabel('Ngày mở').press('Tab');
    await expect(page.getByText('Ngày mở nằm ngoài thời gian rà soát định kỳ: cần ghi lý do.')).toBeVisible();
    await expect(page.getByLabel('Lý do mở ngoài thời gian rà soát định kỳ')).toBeVisible();
    await page.getByLabel('Ngày mở').fill(vn(today));
    await page.getByLabel('Ngày mở').press('Tab');
    await expect(page.getByLabel('Lý do mở ngoài thời gian rà soát định kỳ')).toHaveCount(0);
  } else {
    // Outside the campaign the round opens only with a reason: saving without one is refused on the field.
    await page.getByRole('button', { name: 'Mở đợt', exact: true }).click();
    await expect(page.getByText('Bắt buộc')).toBeVisible();
    await page.getByLabel('Lý do mở ngoài thời gian rà soát định kỳ').fill('Rà soát bổ sung theo chỉ đạo của huyện');
  }
  await page.getByLabel('Kế hoạch, văn bản triển khai').fill('Kế hoạch số 45/KH-UBND');
  await expectAccessible(page, 'open a round');
  await page.getByRole('button', { name: 'Mở đợt', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Rà soát định kỳ năm danh sách ${listYear}` })).toBeVisible();
  await expect(page.getByText('Khảo sát, bình xét').first()).toBeVisible();
  const roundPath = new URL(page.url()).pathname;
  expect(roundPath).toBe(`/review-rounds/periodic-31843-${listYear}`);
  await expectAccessible(page, 'round page');

  // The case worker surveys on a phone.
  const phone = await browser.newContext({
    ...devices['Pixel 7'],
    viewport: { width: 360, height: 780 },
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const mobile = await phone.newPage();
  await signIn(mobile, worker);
  await mobile.getByRole('button', { name: 'Mở trình đơn' }).click();
  await mobile.getByRole('link', { name: 'Đợt rà soát' }).click();
  await mobile.getByRole('link', { name: 'Xã Hồng Dân' }).click();
  await expect(mobile.getByRole('heading', { name: `Rà soát định kỳ năm danh sách ${listYear}` })).toBeVisible();
  await mobile.getByRole('button', { name: 'Khảo sát hộ' }).click();
  await expect(mobile.getByRole('heading', { name: 'Khảo sát hộ' })).toBeVisible();
  await mobile.getByLabel('Thôn/ấp').fill(village);
  await expect(mobile.getByRole('heading', { name: `Hộ ở ${village}` })).toBeVisible();
  await expect(mobile.getByText('Chưa khảo sát')).toHaveCount(2);
  await expectAccessible(mobile, 'survey list (phone)');

  await mobile.getByRole('button', { name: 'Khảo sát hộ Trần Văn Bình' }).click();
  await expect(mobile.getByRole('heading', { name: 'Phiếu khảo sát: Trần Văn Bình' })).toBeVisible();
  await expect(mobile.getByLabel('Thôn/ấp họp bình xét')).toHaveValue(village);
  await mobile.getByLabel('Thu nhập bình quân (đồng/người/tháng)').fill('1500000');
  await expect(mobile.getByLabel('Thu nhập bình quân (đồng/người/tháng)')).toHaveValue('1.500.000 ₫');
  await mobile.getByRole('checkbox', { name: 'Việc làm' }).check();
  await mobile.getByRole('checkbox', { name: 'Dinh dưỡng' }).check();
  await mobile.getByRole('checkbox', { name: 'Người phụ thuộc trong hộ gia đình' }).check();
  await mobile.getByRole('checkbox', { name: 'Hộ có đơn đề nghị rà soát' }).check();
  await expect(mobile.getByText('Kết quả dự kiến: Hộ nghèo')).toBeVisible();
  await expectAccessible(mobile, 'survey form (phone)');
  await screenshotForDocs(mobile, 'round-survey-phone');
  await mobile.getByRole('button', { name: 'Lưu kết quả khảo sát' }).click();
  await expect(mobile.getByText(`Đã khảo sát ${vn(today)}: Hộ nghèo`)).toBeVisible();

  // The connection drops: the second survey waits on the phone and is sent when it returns.
  await phone.setOffline(true);
  await mobile.getByRole('button', { name: 'Khảo sát hộ Lý Thị Cúc' }).click();
  await expect(mobile.getByRole('heading', { name: 'Phiếu khảo sát: Lý Thị Cúc' })).toBeVisible();
  await mobile.getByLabel('Thu nhập bình quân (đồng/người/tháng)').fill('2000000');
  await mobile.getByRole('checkbox', { name: 'Việc làm' }).check();
  await expect(mobile.getByText('Kết quả dự kiến: Hộ cận nghèo')).toBeVisible();
  await mobile.getByRole('button', { name: 'Lưu kết quả khảo sát' }).click();
  await expect(mobile.getByText('Chưa có kết nối: đã lưu trên máy, sẽ gửi khi có mạng')).toBeVisible();
  await expect(mobile.getByText('Chờ gửi')).toBeVisible();
  await phone.setOffline(false);
  await expect(mobile.getByText(`Đã khảo sát ${vn(today)}: Hộ cận nghèo`)).toBeVisible();
  await expect(mobile.getByText('Chờ gửi')).toHaveCount(0);

  // The village meets: one result agreed, one changed.
  await mobile.getByRole('link', { name: /Rà soát định kỳ năm danh sách/ }).click();
  await expect(mobile.getByText('2 hộ chờ họp bình xét.')).toBeVisible();
  await mobile.getByRole('button', { name: 'Họp bình xét thôn/ấp' }).click();
  await expect(mobile.getByRole('heading', { name: 'Họp bình xét thôn/ấp' })).toBeVisible();
  await expect(mobile.getByLabel('Thôn/ấp', { exact: true })).toHaveValue(village);
  await mobile.getByLabel('Biên bản họp').fill('Biên bản số 12/BB, họp ấp Đầu Sấu');
  const cucAtMeeting = mobile.getByRole('group', { name: 'Hộ Lý Thị Cúc' });
  await cucAtMeeting.getByRole('radio', { name: 'Thay đổi kết quả' }).check();
  await cucAtMeeting.getByLabel('Thu nhập bình quân (đồng/người/tháng)').fill('3500000');
  await expect(cucAtMeeting.getByText('Kết quả dự kiến: Không nghèo')).toBeVisible();
  await expect(
    mobile.getByRole('group', { name: 'Hộ Trần Văn Bình' }).getByRole('radio', { name: 'Thống nhất' }),
  ).toBeChecked();
  await expectAccessible(mobile, 'village meeting (phone)');
  await mobile.getByRole('button', { name: 'Lưu kết quả họp' }).click();
  await expect(mobile.getByText('Đã ghi kết quả họp bình xét')).toBeVisible();
  await mobile.getByRole('tab', { name: 'Theo hộ' }).click();
  await expect(mobile.getByRole('row', { name: /Lý Thị Cúc/ })).toContainText('Thay đổi');
  await phone.close();

  // The supervisor posts the lists from today to today.
  await openRound(page, roundPath);
  await page.getByRole('button', { name: 'Niêm yết danh sách' }).click();
  await expect(page.getByRole('heading', { name: 'Niêm yết danh sách' })).toBeVisible();
  await expect(page.getByLabel('Từ ngày')).toHaveValue(vn(today));
  await page.getByLabel('Đến ngày').fill(vn(today));
  await page.getByLabel('Đến ngày').press('Tab');
  await page.getByLabel('Thông báo niêm yết').fill('Thông báo số 20/TB-UBND');
  await expectAccessible(page, 'posting');
  await page.getByRole('button', { name: 'Ghi niêm yết' }).click();
  await expect(page.getByText('Đã ghi niêm yết danh sách')).toBeVisible();
  await expect(page.getByText('Đang niêm yết').first()).toBeVisible();

  // A complaint about Lý Thị Cúc's changed result is received and upheld.
  await page.getByRole('button', { name: 'Khiếu nại' }).click();
  await expect(page.getByRole('heading', { name: 'Khiếu nại', exact: true })).toBeVisible();
  await page.getByLabel('Hộ bị khiếu nại').selectOption({ label: `Lý Thị Cúc (${village})` });
  await page.getByLabel('Nội dung khiếu nại').fill('Hộ cho rằng thu nhập ghi tại cuộc họp chưa đúng');
  await page.getByRole('button', { name: 'Ghi khiếu nại' }).click();
  await expect(page.getByText('Đã ghi khiếu nại')).toBeVisible();
  const resolution = page.getByRole('region', { name: 'Giải quyết khiếu nại: Lý Thị Cúc' });
  await resolution.getByRole('radio', { name: 'Chấp nhận (thay đổi kết quả của hộ)' }).check();
  await resolution.getByLabel('Thu nhập bình quân (đồng/người/tháng)').fill('2000000');
  await resolution.getByRole('checkbox', { name: 'Việc làm' }).check();
  await expect(resolution.getByText('Kết quả dự kiến: Hộ cận nghèo')).toBeVisible();
  await expectAccessible(page, 'complaints');
  await resolution.getByRole('button', { name: 'Ghi kết quả giải quyết' }).click();
  await expect(page.getByText('Đã ghi kết quả giải quyết khiếu nại')).toBeVisible();
  await expect(page.getByText('Không có khiếu nại nào đang chờ giải quyết.')).toBeVisible();

  // The decision, the day after the posting ends, confirmed before it is sent.
  await openRound(page, roundPath);
  await page.getByRole('button', { name: 'Quyết định công nhận' }).click();
  await expect(page.getByRole('heading', { name: 'Quyết định công nhận' })).toBeVisible();
  const tomorrow = new Date(`${today}T00:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  await expect(page.getByLabel('Ngày ký')).toHaveValue(vn(tomorrow.toISOString().slice(0, 10)));
  await page.getByLabel('Số quyết định').fill('125/QĐ-UBND');
  await page.getByLabel('Người ký').fill('Lê Văn Chủ');
  // Dated on the posting's last day, the server refuses it: its problem is said in Vietnamese.
  await page.getByLabel('Ngày ký').fill(vn(today));
  await page.getByLabel('Ngày ký').press('Tab');
  await page.getByRole('button', { name: 'Ghi quyết định' }).click();
  const confirm = page.getByRole('dialog', { name: 'Xác nhận quyết định' });
  await confirm.getByRole('button', { name: 'Xác nhận, ghi quyết định' }).click();
  await expect(page.getByRole('alert')).toContainText(
    `Danh sách niêm yết đến hết ngày ${vn(today)}; quyết định chỉ được ban hành từ ngày ${vn(tomorrow.toISOString().slice(0, 10))}`,
  );
  await page.getByLabel('Ngày ký').fill(vn(tomorrow.toISOString().slice(0, 10)));
  await page.getByLabel('Ngày ký').press('Tab');
  await expectAccessible(page, 'decision');
  await page.getByRole('button', { name: 'Ghi quyết định' }).click();
  await expect(confirm).toContainText('1 hộ nghèo, 1 hộ cận nghèo, 0 hộ không nghèo');
  await expectAccessible(page, 'decision confirmation');
  await confirm.getByRole('button', { name: 'Xác nhận, ghi quyết định' }).click();
  await expect(page.getByText('Đã ghi quyết định: kết quả được cập nhật vào hồ sơ 2/2 hộ')).toBeVisible();
  await expect(page.getByText('Đã cập nhật vào hồ sơ hộ').first()).toBeVisible();
  await expect(page.getByText('Đã cập nhật 2/2 hộ')).toBeVisible();
  await expectAccessible(page, 'decided round');
  await page.getByRole('tab', { name: 'Theo hộ' }).click();
  await expect(page.getByRole('row', { name: /Lý Thị Cúc/ })).toContainText('Chấp nhận');
  await expectAccessible(page, 'round households');
  await screenshotForDocs(page, 'round-decided');
  // The same page in English, by the language switch.
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: `Periodic review, ${listYear} lists` })).toBeVisible();
  await expect(page.getByText('Recorded in the households').first()).toBeVisible();
  await page.getByText('VI', { exact: true }).click();
  await expect(page.getByRole('heading', { name: `Rà soát định kỳ năm danh sách ${listYear}` })).toBeVisible();

  // Each household's page shows the decided classification, naming the decision.
  await page.goto(`/households/${binh}`);
  await expect(page.getByRole('heading', { name: 'Trần Văn Bình' })).toBeVisible();
  await expect(page.getByText(`Rà soát định kỳ năm ${listYear}: Hộ nghèo`)).toContainText('Quyết định số 125/QĐ-UBND');
  // The status beside the head's name, from the lists.
  await expect(page.getByRole('heading', { name: 'Trần Văn Bình' }).locator('..')).toContainText('Hộ nghèo');
  await page.goto(`/households/${cuc}`);
  await expect(page.getByRole('heading', { name: 'Lý Thị Cúc' })).toBeVisible();
  await expect(page.getByText(`Rà soát định kỳ năm ${listYear}: Hộ cận nghèo`)).toContainText(
    'Quyết định số 125/QĐ-UBND',
  );
  await expect(page.getByRole('heading', { name: 'Lý Thị Cúc' }).locator('..')).toContainText('Hộ cận nghèo');
});

/**
 * The year's report tables of a commune, on screen and downloaded as the forms a province sends up:
 * the balance as XLSX (a workbook), the rates as CSV, with the server's file names.
 */
test('a supervisor reads the year’s report tables and downloads them', async ({ page }) => {
  const supervisor = await createAccount('supervisor', ['31843'], 'giamsat.baocao');
  await signIn(page, supervisor);

  await page.getByRole('link', { name: 'Báo cáo' }).click();
  await expect(page.getByRole('heading', { name: 'Báo cáo', exact: true })).toBeVisible();
  await page.getByLabel('Đơn vị').selectOption('31843');
  await expect(page.getByLabel('Năm báo cáo')).toHaveValue(String(year));
  await expect(page.getByRole('table', { name: 'Diễn biến hộ nghèo, hộ cận nghèo: Hộ nghèo' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Tổng/ }).first()).toBeVisible();
  await expectAccessible(page, 'reports');
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải Excel (XLSX): Diễn biến hộ nghèo, hộ cận nghèo' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toBe(`balance-31843-${year}.xlsx`);
  // An XLSX workbook is a zip archive.
  expect((await readFile(await xlsx.path())).subarray(0, 2).toString('latin1')).toBe('PK');
  await page.getByRole('tab', { name: 'Tỷ lệ' }).click();
  await expect(page.getByRole('table', { name: 'Tỷ lệ hộ nghèo, hộ cận nghèo' })).toBeVisible();
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải CSV: Tỷ lệ hộ nghèo, hộ cận nghèo' }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`rates-31843-${year}.csv`);
  expect(await readFile(await csv.path(), 'utf8')).toContain('Xã Hồng Dân');
  await expectAccessible(page, 'rates report');
});
