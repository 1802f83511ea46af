import { expect, type Locator, type Page } from '@playwright/test';

/** Smallest touch target the counter allows (issue 14): a fingertip on a cheap touch monitor. */
export const MIN_TOUCH_PX = 44;

/**
 * Asserts that `target` is usable without scrolling: its whole box lies inside the viewport and
 * the point at its centre hits it (so no scrolling panel clips it and nothing covers it), and it is
 * at least 44 px tall.
 */
export async function expectUsableWithoutScrolling(page: Page, target: Locator, what: string): Promise<void> {
  await expect(target, what).toBeVisible();
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('no viewport');
  const box = await target.boundingBox();
  if (!box) throw new Error(`${what}: no box`);
  expect(box.y, `${what}: top inside the viewport`).toBeGreaterThanOrEqual(0);
  expect(box.x, `${what}: left inside the viewport`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what}: bottom inside the ${viewport.height}px viewport`).toBeLessThanOrEqual(
    viewport.height,
  );
  expect(box.x + box.width, `${what}: right inside the viewport`).toBeLessThanOrEqual(viewport.width);
  expect(box.height, `${what}: touch target height`).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
  const hit = await target.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const top = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return top !== null && (top === element || element.contains(top));
  });
  expect(hit, `${what}: nothing clips or covers its centre`).toBe(true);
}
