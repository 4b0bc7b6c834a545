/**
 * Settings reach open pages at once (storage.onChanged), in real Chromium and
 * Firefox: the kinds shown, the reference sources switched off (with the count
 * of what they hid), the highlight intensity and the tooltip delay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { BROWSERS, launch, type Harness, type HarnessPage } from './harness';
import { dataset, pageMarks, serveFixture, setSettings, tooltipState, waitDone } from './content-fixtures';
import { PageSummary } from '../../src/core/messages';

const kindsOf = async (page: HarnessPage) => new Set((await pageMarks(page)).map((m) => m.kind));

describe.each(BROWSERS)('live settings in %s', (name) => {
  let h: Harness;
  let page: HarnessPage;
  beforeAll(async () => {
    h = await launch(name, { viewport: { width: 1200, height: 800 } });
    page = await h.open(serveFixture(h, 'article.html').listed);
    await waitDone(page);
  });
  afterAll(async () => {
    if (h) await setSettings(h, {}).catch(() => undefined);
    await h?.close();
  });

  it('shows only the kinds switched on, and all again after', async () => {
    expect(await kindsOf(page)).toEqual(new Set(['term', 'fact', 'caveat', 'conflict']));
    await setSettings(h, { kinds: { term: true, fact: false, caveat: false, conflict: true } });
    await page.waitForFunction(() => !document.querySelector('deal-lens-mark[data-deal-lens-kind="fact"]'));
    expect(await kindsOf(page)).toEqual(new Set(['term', 'conflict']));
    await setSettings(h, {});
    await page.waitForFunction(() => document.querySelector('deal-lens-mark[data-deal-lens-kind="fact"]') !== null);
    expect(await kindsOf(page)).toEqual(new Set(['term', 'fact', 'caveat', 'conflict']));
  });

  it('hides what only switched-off sources back, and says how many', async () => {
    const tabId = await h.tabIdOf(page);
    const all = dataset.sources.map((s) => s.id);
    await setSettings(h, { disabledSources: all });
    await page.waitForFunction(() => !document.querySelector('deal-lens-mark:not([data-deal-lens-kind="term"])'));
    const r = await h.extensionEval((api, id) => api.tabs.sendMessage(id, { type: 'get-summary' }), tabId);
    const summary = PageSummary.parse(r);
    expect(summary.hidden).toBeGreaterThan(0);
    expect(summary.counts.fact + summary.counts.caveat + summary.counts.conflict).toBe(0);
    expect(summary.counts.term).toBeGreaterThan(0);
    await setSettings(h, {});
    await page.waitForFunction(() => document.querySelector('deal-lens-mark[data-deal-lens-kind="fact"]') !== null);
  });

  it('restyles marks with the highlight intensity', async () => {
    const thickness = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('deal-lens-mark')!).textDecorationThickness));
    const normal = await thickness();
    await setSettings(h, { intensity: 'strong' });
    await page.waitForFunction((n) => parseFloat(getComputedStyle(document.querySelector('deal-lens-mark')!).textDecorationThickness) > n, normal);
    await setSettings(h, { intensity: 'subtle' });
    await page.waitForFunction((n) => parseFloat(getComputedStyle(document.querySelector('deal-lens-mark')!).textDecorationThickness) < n, normal);
    await setSettings(h, {});
  });

  it('waits the tooltip delay before opening on hover', async () => {
    await setSettings(h, { tooltipDelay: 1500 });
    // the new delay has reached the page once storage.onChanged ran: give it a moment
    await new Promise((r) => setTimeout(r, 300));
    const at = await page.evaluate(() => {
      const el = document.querySelector('deal-lens-mark[data-deal-lens-kind="term"]') as HTMLElement;
      el.scrollIntoView({ block: 'center' });
      const r = el.getClientRects()[0]!;
      return { x: r.left + 4, y: r.top + r.height / 2 };
    });
    await (page.raw as PlaywrightPage | PuppeteerPage).mouse.move(at.x, at.y);
    await new Promise((r) => setTimeout(r, 700));
    expect((await tooltipState(page)).shown).toBe(false);
    await page.waitForFunction(() => document.querySelector('deal-lens-mark[data-deal-lens-open]') !== null, undefined, { timeout: 5000 });
    await (page.raw as PlaywrightPage | PuppeteerPage).mouse.move(2, 2);
    await setSettings(h, {});
  });

  it('made no network request', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
