import type { Page } from '@playwright/test';

const DIR = new URL('../../../../docs/screenshots/', import.meta.url).pathname;

/** With E2E_SCREENSHOTS=1 a journey saves the screen for the README (docs/screenshots/<name>.png). */
export async function screenshotForDocs(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: `${DIR}${name}.png`, fullPage: false });
}
