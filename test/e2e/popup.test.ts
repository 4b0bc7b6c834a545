/**
 * The toolbar popup in real Chromium and Firefox, opened as a tab with
 * `?tab=<id>` (a headless browser has no toolbar to click): it lists the page's
 * claims as the page marks them, reveals a mark, switches the site off and on
 * live, shows the deal in brief on other pages, and annotates a page on request.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type Harness, type HarnessPage } from './harness';
import { DEAL_HTML, OTHER_HTML, colorScheme, grantActiveTab, inViewport, marksOf, reduceMotionInFirefox, until, waitDone, type MarkInfo } from './popup-helpers';

const DEAL_URL = 'https://www.reuters.com/technology/amazon-anthropic-popup-2026-04-21/';
const OTHER_URL = 'https://www.reuters.com/world/rail-strike-popup/';
const OFF_LIST_URL = 'https://news.example.net/amazon-anthropic-popup/';
const SHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname;

interface Row {
  kind: string;
  entryId: string;
  marks: number;
}

const rowsOf = (popup: HarnessPage) =>
  popup.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.ledger .row')].map((li) => ({
      kind: li.dataset.kind ?? '',
      entryId: li.dataset.entryId ?? '',
      marks: Number(/×(\d+)/.exec(li.querySelector('.row-count')?.textContent ?? '')?.[1] ?? 1),
    })),
  );

const countsOf = (popup: HarnessPage) =>
  popup.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLElement>('.counts .count')].map((li) => [li.dataset.kind, Number(li.querySelector('.count-num')?.textContent)])));

const statusOf = (popup: HarnessPage) => popup.evaluate(() => document.querySelector('[data-testid=status]')?.textContent ?? '');

/**
 * In real use the page stays visible behind the popup. Here the popup is a tab
 * of its own, and Firefox does not run a smooth scroll in a hidden tab: show the
 * page as the reader would see it. (Chromium scrolls hidden tabs alike.)
 */
async function showPage(h: Harness, p: HarnessPage): Promise<void> {
  if (h.name === 'firefox') await (p.raw as { bringToFront(): Promise<void> }).bringToFront();
}

async function openPopup(h: Harness, tabId: number): Promise<HarnessPage> {
  const popup = await h.openExtensionPage('popup.html', { tab: String(tabId) });
  await popup.waitForFunction(() => !/Loading/.test(document.querySelector('[data-testid=status]')?.textContent ?? 'Loading'));
  return popup;
}

describe.each(BROWSERS)('popup in %s', (name) => {
  let h: Harness;
  let page: HarnessPage;
  let tabId: number;
  let before: MarkInfo[];

  beforeAll(async () => {
    h = await launch(name);
    h.serve(DEAL_URL, DEAL_HTML);
    h.serve(OTHER_URL, OTHER_HTML);
    h.serve(OFF_LIST_URL, DEAL_HTML);
    page = await h.open(DEAL_URL);
    await waitDone(page);
    before = await marksOf(page);
    tabId = await h.tabIdOf(page);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists the page’s claims, counted as the page marks them', async () => {
    expect(before.length).toBeGreaterThan(5);
    const popup = await openPopup(h, tabId);
    expect(await statusOf(popup)).toBe('This page is about the Amazon–Anthropic deal.');
    const rows: Row[] = await rowsOf(popup);
    const kinds = ['conflict', 'caveat', 'fact', 'term'];

    // counts by kind, and every mark accounted for by exactly one row
    const onPage = Object.fromEntries(kinds.map((k) => [k, before.filter((m) => m.kind === k).length]));
    expect(await countsOf(popup)).toEqual(onPage);
    for (const k of kinds) expect(rows.filter((r) => r.kind === k).reduce((n, r) => n + r.marks, 0), k).toBe(onPage[k]);
    expect(new Set(rows.map((r) => `${r.kind}:${r.entryId}`))).toEqual(new Set(before.map((m) => `${m.kind}:${m.id}`)));
    // conflicts and caveats first, one row per mark, each with the page's words and the record
    expect(rows.map((r) => r.kind)).toEqual([...rows.map((r) => r.kind)].sort((a, b) => kinds.indexOf(a) - kinds.indexOf(b)));
    expect(rows.filter((r) => r.kind === 'conflict' || r.kind === 'caveat').every((r) => r.marks === 1)).toBe(true);
    const conflict = await popup.evaluate(() => {
      const li = document.querySelector('.row.kind-conflict');
      return { says: li?.querySelector('.says')?.textContent, dts: [...(li?.querySelectorAll('dt') ?? [])].map((d) => d.textContent), sources: li?.querySelectorAll('.sources li').length };
    });
    expect(conflict.says).toBe(`“${before.find((m) => m.kind === 'conflict')!.text}”`);
    expect(conflict.dts).toEqual(expect.arrayContaining(['This page says', 'The record says']));
    expect(conflict.sources).toBeGreaterThan(0);

    if (name === 'chromium') {
      mkdirSync(SHOTS, { recursive: true });
      await popup.setViewport({ width: 360, height: 640 });
      for (const scheme of ['light', 'dark'] as const) {
        await colorScheme(popup, scheme);
        await popup.screenshot(`${SHOTS}popup-${scheme}.png`);
      }
      await colorScheme(popup, 'light');
    }
    await popup.close();
  });

  it('reveals a claim: the page scrolls to its mark and opens its tooltip', async () => {
    const popup = await openPopup(h, tabId);
    const target = await popup.evaluate(() => {
      const li = document.querySelector<HTMLElement>('.row.kind-conflict');
      return { entryId: li?.dataset.entryId, text: li?.querySelector('.says')?.textContent?.slice(1, -1) };
    });
    const selector = `[data-deal-lens-id="${target.entryId}"]`;
    await reduceMotionInFirefox(h, page);
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(name === 'firefox');
    expect(await inViewport(page, selector)).toBe(false);

    await popup.click('.row.kind-conflict .row-go');
    await showPage(h, page);
    const open = await until(
      'the revealed mark',
      () =>
        page.evaluate((sel) => {
          const el = document.querySelector('[data-deal-lens-open]');
          const r = el?.getBoundingClientRect();
          return el ? { id: el.getAttribute('data-deal-lens-id'), text: el.textContent, described: el.getAttribute('aria-describedby'), top: r!.top, bottom: r!.bottom, h: innerHeight, match: el.matches(sel) } : null;
        }, selector),
      (v) => v !== null && v.top >= 0 && v.bottom <= v.h,
    );
    expect(open).toMatchObject({ id: target.entryId, text: target.text, match: true });
    expect(open?.described).toBeTruthy();

    // a row with several marks moves on to the next one on each press
    const multi = await popup.evaluate(() => [...document.querySelectorAll<HTMLElement>('.ledger .row')].findIndex((li) => li.querySelector('.row-count')));
    if (multi >= 0) {
      const rowSel = await popup.evaluate((i) => {
        const li = document.querySelectorAll('.ledger .row')[i]!;
        li.setAttribute('data-test-row', '');
        return '[data-test-row] .row-go';
      }, multi);
      const texts: string[] = [];
      for (let i = 0; i < 2; i++) {
        await showPage(h, popup);
        await popup.click(rowSel);
        await showPage(h, page);
        const prev = texts.at(-1);
        const t = await until(
          'the next mark of the row',
          () => page.evaluate(() => document.querySelector('[data-deal-lens-open]')?.textContent ?? null),
          (v) => v !== null && v !== open?.text && (i === 0 || v !== prev),
        );
        texts.push(t!);
      }
      expect(new Set(texts).size).toBe(2);
    }
    await popup.close();
  });

  it('switches the site off (every mark goes, live) and on again (the same marks come back)', async () => {
    const popup = await openPopup(h, tabId);
    const label = await popup.evaluate(() => document.querySelector('input[name=site]')?.closest('label')?.textContent);
    expect(label).toBe('On this site (reuters.com)');
    await popup.click('input[name=site]');
    await until('marks to go', () => marksOf(page), (m) => m.length === 0);
    expect(await page.evaluate(() => document.querySelectorAll('[data-deal-lens-id]').length)).toBe(0);
    await until('the popup to say so', () => statusOf(popup), (s) => s === 'Deal Lens is not running on this site.');
    expect(await popup.evaluate(() => document.querySelectorAll('.ledger .row').length)).toBe(0);

    await popup.click('input[name=site]');
    const after = await until('marks to return', () => marksOf(page), (m) => m.length === before.length);
    expect(after).toEqual(before);
    await until('the ledger to return', () => popup.evaluate(() => document.querySelectorAll('.ledger .row').length), (n) => n > 0);
    await popup.close();
  });

  it('shows the deal in brief on a page that is not about the deal', async () => {
    const other = await h.open(OTHER_URL);
    await waitDone(other);
    const popup = await openPopup(h, await h.tabIdOf(other));
    expect(await statusOf(popup)).toBe('This page is not about the Amazon–Anthropic deal.');
    const brief = await popup.evaluate(() => ({
      items: [...document.querySelectorAll('[data-testid=deal-brief] .brief-item')].map((d) => d.textContent),
      asOf: document.querySelector('[data-testid=deal-brief] .muted')?.textContent,
    }));
    expect(brief.items.length).toBeGreaterThan(1);
    expect(brief.items.some((t) => /\$\d/.test(t ?? ''))).toBe(true);
    expect(brief.asOf).toMatch(/^As of /);
    if (name === 'chromium') {
      await popup.setViewport({ width: 360, height: 560 });
      await popup.screenshot(`${SHOTS}popup-brief-light.png`);
    }
    await popup.close();
    await other.close();
  });

  it('annotates a page on a site that is not enabled, on request (activeTab)', async () => {
    const off = await h.open(OFF_LIST_URL);
    expect(await off.evaluate(() => document.documentElement.getAttribute('data-deal-lens-state'))).toBeNull();
    const offTab = await h.tabIdOf(off);
    await grantActiveTab(h, off);
    const popup = await openPopup(h, offTab);
    expect(await statusOf(popup)).toBe('Deal Lens is not running on this site.');
    await popup.click('[data-testid=annotate]');
    await until('the page to be annotated', () => off.evaluate(() => document.documentElement.getAttribute('data-deal-lens-state')), (s) => s === 'done');
    const marks = await marksOf(off);
    expect(marks).toEqual(before);
    await until('the popup ledger', () => rowsOf(popup), (r) => r.length > 0);
    expect(await statusOf(popup)).toBe('This page is about the Amazon–Anthropic deal.');
    // nothing was granted for good
    expect(await h.extensionEval((api) => api.permissions.contains({ origins: ['*://*.example.net/*'] }))).toBe(false);
    await popup.close();
  });

  it('makes no network request', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
