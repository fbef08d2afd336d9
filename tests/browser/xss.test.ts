import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDashboard, type Dashboard } from '../../scripts/dev/harness';
import { makeXssAtlas, PAYLOADS } from './fixtures/xss';

let d: Dashboard;
beforeAll(async () => {
  d = await startDashboard({ fixtures: { xss: makeXssAtlas() } });
});
afterAll(() => d?.close());

it('renders HTML and script payloads in titles, abstracts, labels and keywords as inert text', async () => {
  const { page, errors } = await d.open('?data=fixtures/xss');
  await page.waitForSelector('[data-chart=map] canvas');
  // Open a paper whose abstract carries payloads inside markdown emphasis.
  await page.locator('[data-chart=papers] [data-paper="p00000"] button').click();
  await page.waitForSelector('aside.detail section.abstract strong');
  const detail = await page.locator('aside.detail').innerText();
  expect(detail).toContain(PAYLOADS[0]);
  expect(detail).toContain('<img src=x onerror="window.__xss = 2">');
  expect(await page.locator('[data-chart=papers]').innerText()).toContain('<script>window.__xss = 1</script>');
  expect(await page.locator('[data-chart=themes]').innerText()).toContain('Cluster <svg onload=');
  // Hover every kind of view once, then check that no payload ran and no element came from the data.
  await page.locator('[data-chart=cooccurrence] button', { hasText: 'Matrix' }).click();
  await page.getByPlaceholder('Search titles').fill('Paper');
  // Wait until the matrix is drawn and the papers table lists the search's results.
  await page.waitForSelector('[data-chart=cooccurrence] svg[aria-label="Keyword co-occurrence matrix"]');
  await expect.poll(() => page.locator('[data-chart=papers] .subtitle').innerText(), { timeout: 10_000 }).toContain('papers in the selection');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('#app img, #app script, #app iframe, #app a[href^="javascript"]').count()).toBe(0);
  expect(await page.locator('#app b, #app i').count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});
