import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Fails on any serious or critical accessibility violation of the screen as it is now (WCAG 2.1 A and
 * AA rules), naming each rule and the elements it found.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await settleTransitions(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${n.failureSummary?.split('\n')[1] ?? ''}`).join(', ')}`,
  );
  expect(report, `accessibility of ${screen}`).toEqual([]);
}

/**
 * Waits until no finite CSS transition or animation is running: axe measures colours as painted, and a
 * notification fading out is briefly pale — a frame no user reads, not a contrast defect. Endless
 * animations (loaders) are left alone.
 */
async function settleTransitions(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Number.POSITIVE_INFINITY),
    undefined,
    { timeout: 10_000 },
  );
}
