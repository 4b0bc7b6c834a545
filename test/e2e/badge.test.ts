/**
 * The toolbar badge in real Chromium and Firefox: it counts the marks on the
 * page, turns red when the page contradicts the record, stays empty on pages
 * not about the deal, follows settings live, is cleared on navigation, and the
 * background forgets a closed tab. In Chromium the state also survives the
 * service worker being stopped (it lives in storage.session).
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type Harness, type HarnessPage } from './harness';
import { DEAL_HTML, OTHER_HTML, badgeOf, marksOf, storeSettings, until, waitDone } from './popup-helpers';
import { defaultSettings } from '../../src/core/settings';

const DEAL_URL = 'https://www.cnbc.com/2026/04/21/amazon-anthropic-badge.html';
const CALM_URL = 'https://www.apnews.com/article/amazon-anthropic-badge-calm';
const OTHER_URL = 'https://www.cnbc.com/2026/04/21/rail-strike-badge.html';
const ELSEWHERE_URL = 'https://example.com/elsewhere';

/** The deal article without the paragraph that contradicts the record. */
const CALM_HTML = DEAL_HTML.replace(/<p>Amazon is paying \$25 billion in cash[^<]*<\/p>/, '');

const RED = [185, 28, 28];
const NAVY = [30, 58, 138];
const rgb = (c: number[]) => c.slice(0, 3);

const tabState = (h: Harness, tabId: number) => h.extensionEval((api, id) => api.runtime.sendMessage({ type: 'get-tab-state', tabId: id }), tabId) as Promise<{ frames: unknown[] } | null>;

describe.each(BROWSERS)('badge in %s', (name) => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch(name);
    h.serve(DEAL_URL, DEAL_HTML);
    h.serve(CALM_URL, CALM_HTML);
    h.serve(OTHER_URL, OTHER_HTML);
    h.serve(ELSEWHERE_URL, '<!doctype html><title>Elsewhere</title><p>Nothing to see.</p>');
  });
  afterAll(async () => {
    await h?.close();
  });

  let deal: HarnessPage;
  let dealTab: number;

  it('counts the marks on the page, in red when the page contradicts the record', async () => {
    deal = await h.open(DEAL_URL);
    await waitDone(deal);
    const marks = await marksOf(deal);
    expect(marks.some((m) => m.kind === 'conflict')).toBe(true);
    dealTab = await h.tabIdOf(deal);
    const badge = await until('the badge', () => badgeOf(h, dealTab), (b) => b.text !== '');
    expect(badge.text).toBe(String(marks.length));
    expect(rgb(badge.color)).toEqual(RED);

    const calm = await h.open(CALM_URL);
    await waitDone(calm);
    const calmMarks = await marksOf(calm);
    expect(calmMarks.length).toBeGreaterThan(0);
    expect(calmMarks.some((m) => m.kind === 'conflict')).toBe(false);
    const calmTab = await h.tabIdOf(calm);
    const calmBadge = await until('the badge', () => badgeOf(h, calmTab), (b) => b.text !== '');
    expect(calmBadge.text).toBe(String(calmMarks.length));
    expect(rgb(calmBadge.color)).toEqual(NAVY);
    await calm.close();
  });

  it('follows the settings live: fewer kinds, fewer marks, smaller count', async () => {
    const s = defaultSettings();
    s.kinds.term = false;
    await storeSettings(h, s);
    const marks = await until('terms to go', () => marksOf(deal), (m) => m.length > 0 && m.every((x) => x.kind !== 'term'));
    await until('the badge to follow', () => badgeOf(h, dealTab), (b) => b.text === String(marks.length));
    await storeSettings(h, defaultSettings());
    const back = await until('terms to return', () => marksOf(deal), (m) => m.some((x) => x.kind === 'term'));
    await until('the badge to follow', () => badgeOf(h, dealTab), (b) => b.text === String(back.length));
  });

  it('stays empty on a page not about the deal', async () => {
    const other = await h.open(OTHER_URL);
    await waitDone(other);
    expect(await other.evaluate(() => document.documentElement.getAttribute('data-deal-lens-about'))).toBe('no');
    const tab = await h.tabIdOf(other);
    await until('the summary to arrive', () => tabState(h, tab), (s) => s !== null);
    expect((await badgeOf(h, tab)).text).toBe('');
    await other.close();
  });

  // Only defined for Chromium: Firefox's event page cannot be stopped from outside (the unit tests cover the store there).
  if (name === 'chromium')
    it('survives the background being stopped (Chromium service worker)', async () => {
    const raw = deal.raw as PlaywrightPage;
    const ctx = raw.context();
    const worker = ctx.serviceWorkers().find((w) => w.url().startsWith(h.extensionOrigin))!;
    await worker.evaluate(() => void ((globalThis as { marker?: number }).marker = 1));
    // stop it as Chrome does after 30 s idle: close its target
    const cdp = await ctx.browser()!.newBrowserCDPSession();
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string; targetId: string }[] };
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(h.extensionOrigin));
    await cdp.send('Target.closeTarget', { targetId: target!.targetId });
    await cdp.detach();
    // a message wakes a fresh worker (new globals) that finds the tab in storage.session
    const state = await until('the restarted background to answer', () => tabState(h, dealTab), (s) => s !== null);
    expect(state?.frames.length).toBeGreaterThan(0);
    const now = ctx.serviceWorkers().find((w) => w.url().startsWith(h.extensionOrigin))!;
    expect(await now.evaluate(() => (globalThis as { marker?: number }).marker)).toBeUndefined();
  });

  it('is cleared when the tab navigates away, and the tab is forgotten when closed', async () => {
    const before = await badgeOf(h, dealTab);
    expect(before.text).not.toBe('');
    await deal.goto(ELSEWHERE_URL);
    await until('the badge to clear', () => badgeOf(h, dealTab), (b) => b.text === '');
    expect(await tabState(h, dealTab)).toBeNull();

    await deal.goto(DEAL_URL);
    await waitDone(deal);
    await until('the badge to return', () => badgeOf(h, dealTab), (b) => b.text !== '');
    await deal.close();
    await until('the tab to be forgotten', () => tabState(h, dealTab), (s) => s === null);
  });

  it('makes no network request', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
