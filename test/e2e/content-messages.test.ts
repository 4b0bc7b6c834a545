/**
 * The content script's side of the popup, in real Chromium and Firefox: it
 * answers `get-summary` with one item per annotation in reading order (the
 * page's words and their sentence), `reveal` scrolls to the n-th one, focuses
 * it and opens its tooltip, `annotate` marks a page whose site is switched off,
 * and anything malformed is ignored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type Harness } from './harness';
import { expectedRecords, fixture, serveFixture, setSettings, tooltipState, waitDone } from './content-fixtures';
import { PageSummary } from '../../src/core/messages';

describe.each(BROWSERS)('popup messages in %s', (name) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(name, { viewport: { width: 1200, height: 800 } });
  });
  afterAll(async () => {
    if (h) await setSettings(h, {}).catch(() => undefined);
    await h?.close();
  });

  const send = (tabId: number, msg: unknown) =>
    h.extensionEval((api, [id, m]) => api.tabs.sendMessage(id, m).then((r) => ({ ok: true, r }), (e: Error) => ({ ok: false, r: String(e) })), [tabId, msg] as const);

  it('answers get-summary with one item per annotation, in reading order, with its sentence', async () => {
    const page = await h.open(serveFixture(h, 'article.html').listed);
    await waitDone(page);
    const tabId = await h.tabIdOf(page);
    const { ok, r } = await send(tabId, { type: 'get-summary' });
    expect(ok).toBe(true);
    const summary = PageSummary.parse(r);
    const expected = expectedRecords(fixture('article.html'), { isVisible: (el) => !el.classList.contains('offscreen-promo') });
    expect(summary.items.map((i) => ({ entryId: i.entryId, kind: i.kind, text: i.text }))).toEqual(expected);
    expect(summary.items.map((i) => i.mark)).toEqual(expected.map((_, i) => i));
    expect(summary.about).toBe(true);
    expect(summary.active).toBe(true);
    const counts = { term: 0, fact: 0, caveat: 0, conflict: 0 };
    for (const e of expected) counts[e.kind as keyof typeof counts]++;
    expect(summary.counts).toEqual(counts);
    for (const i of summary.items) expect(i.context.includes(i.text) || i.context.replace(/\s+/g, ' ').includes(i.text)).toBe(true);
    expect(summary.items.find((i) => i.text === 'annual revenue')?.context).toBe('Anthropic said its annual revenue of $30 billion had grown from roughly $9 billion at the end of 2025.');
    await page.close();
  });

  it('reveals the n-th mark: scrolled into view, focused, tooltip open', async () => {
    const page = await h.open(serveFixture(h, 'article.html').listed);
    await waitDone(page);
    const tabId = await h.tabIdOf(page);
    const summary = PageSummary.parse((await send(tabId, { type: 'get-summary' })).r);
    const last = summary.items.length - 1;
    const { ok, r } = await send(tabId, { type: 'reveal', mark: last });
    expect(ok).toBe(true);
    expect(r).toBe(true);
    await page.waitForFunction(() => {
      const open = document.querySelector('deal-lens-mark[data-deal-lens-open]');
      if (!open) return false;
      const b = open.getBoundingClientRect();
      return b.top >= 0 && b.bottom <= innerHeight;
    });
    const s = await tooltipState(page);
    expect(s.shown).toBe(true);
    expect(s.describedId).toEqual([summary.items[last]!.entryId]);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-deal-lens-open'))).toBe(true);
    // out of range: nothing happens
    expect((await send(tabId, { type: 'reveal', mark: summary.items.length + 5 })).r).toBe(false);
    await page.close();
  });

  it('ignores malformed messages', async () => {
    const page = await h.open(serveFixture(h, 'article.html').listed);
    await waitDone(page);
    const tabId = await h.tabIdOf(page);
    for (const bad of [{ type: 'reveal', mark: -1 }, { type: 'reveal', mark: '1' }, { type: 'reveal', mark: 0, extra: 1 }, { type: 'nope' }, 'reveal', null]) {
      const res = await send(tabId, bad);
      expect(res.ok ? res.r : undefined).toBeUndefined();
    }
    expect((await tooltipState(page)).hosts).toBe(0);
    await page.close();
  });

  it('annotates on request a page whose site is switched off', async () => {
    await setSettings(h, { disabledSites: ['reuters.com'] });
    const page = await h.open(serveFixture(h, 'article.html').listed);
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-deal-lens-state'))).toBe(false);
    const tabId = await h.tabIdOf(page);
    const { ok, r } = await send(tabId, { type: 'annotate' });
    expect(ok).toBe(true);
    const summary = PageSummary.parse(r);
    expect(summary.active).toBe(true);
    expect(summary.items.length).toBeGreaterThan(3);
    expect(await page.evaluate(() => document.querySelectorAll('deal-lens-mark').length)).toBeGreaterThanOrEqual(summary.items.length);
    await setSettings(h, {});
    await page.close();
  });

  // Chromium runs scripting.executeScript only with activeTab from a real click on the toolbar button,
  // which a test cannot give; Firefox lets the extension inject into pages its content scripts match.
  if (name === 'firefox')
    it('injected again (the popup\'s "Annotate this page") annotates a switched-off site once, never twice', async () => {
      await setSettings(h, { disabledSites: ['reuters.com'] });
      const page = await h.open(serveFixture(h, 'article.html').listed);
      await new Promise((r) => setTimeout(r, 500));
      expect(await page.evaluate(() => document.querySelectorAll('deal-lens-mark').length)).toBe(0);
      const tabId = await h.tabIdOf(page);
      const inject = () => h.extensionEval((api, id) => api.scripting.executeScript({ target: { tabId: id }, files: ['content.js'] }).then(() => 'ok'), tabId);
      expect(await inject()).toBe('ok');
      await waitDone(page);
      const once = await page.evaluate(() => document.querySelectorAll('deal-lens-mark').length);
      expect(once).toBeGreaterThan(3);
      expect(await inject()).toBe('ok');
      await new Promise((r) => setTimeout(r, 800));
      expect(await page.evaluate(() => [document.querySelectorAll('deal-lens-mark').length, document.querySelectorAll('deal-lens-mark deal-lens-mark').length])).toEqual([once, 0]);
      await setSettings(h, {});
      await page.close();
    });

  it('made no network request', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
