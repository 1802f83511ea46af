import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical violation; saves a
 * screenshot under the test's output folder as an artifact either way: of `section` when given (the
 * office panel scrolls inside the window, so a full-page shot would cut it), else of the whole page.
 */
export async function checkScreen(
  page: Page,
  testInfo: TestInfo,
  name: string,
  section?: Locator,
): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  if (section) {
    // Tall enough for a whole office section to show inside the scrolling panel.
    await page.setViewportSize({ width: 1280, height: 2400 });
    await section.screenshot({ path });
  } else {
    await page.screenshot({ path, fullPage: true });
  }
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${name}`).toEqual([]);
}
