/**
 * Tooltips per CONTRACT.md, in real Chromium and Firefox: created lazily, one
 * shadow-root host; open on hover after the intent delay and on keyboard focus,
 * with the right entry's content; stay open while hovered; close on pointer
 * leave, blur and Escape; `role="tooltip"` + `aria-describedby`; one at a time;
 * tap opens and tap outside closes; inside the viewport near all four edges and
 * in a scrolled container under a sticky header. Saves screenshots of each kind,
 * light and dark, for the README.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { BROWSERS, launch, type Harness, type HarnessPage } from './harness';
import { dataset, serveFixture, tooltipState, waitDone } from './content-fixtures';
import { colorScheme } from './popup-helpers';

const titles = new Map<string, string>(
  [...dataset.terms, ...dataset.facts, ...dataset.caveats, ...dataset.conflicts].map((x) => [x.id, x.title] as const),
);
const KIND_LABEL = { term: 'Term', fact: 'Verified figure', caveat: 'Needs context', conflict: 'Contradicts the record' } as const;
const SHOTS = new URL('../../docs/screenshots/', import.meta.url);

/** Move the real mouse to a point (both drivers). */
async function mouseTo(page: HarnessPage, x: number, y: number): Promise<void> {
  await (page.raw as PlaywrightPage | PuppeteerPage).mouse.move(x, y);
}

/** Shift+Tab with either driver. */
async function shiftTab(page: HarnessPage): Promise<void> {
  const kb = (page.raw as PlaywrightPage | PuppeteerPage).keyboard;
  await kb.down('Shift');
  await kb.press('Tab');
  await kb.up('Shift');
}

/** Move the mouse over the n-th mark of a selector, at the middle of its first line. */
async function hoverMark(page: HarnessPage, selector: string, n = 0): Promise<string> {
  const at = await page.evaluate(
    ([sel, i]) => {
      const el = document.querySelectorAll(sel)[i] as HTMLElement;
      const r = el.getClientRects()[0]!;
      return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2, id: el.getAttribute('data-deal-lens-id')! };
    },
    [selector, n] as const,
  );
  await mouseTo(page, at.x, at.y);
  return at.id;
}

const isOpen = (page: HarnessPage) =>
  page.waitForFunction(() => {
    const host = document.querySelector('deal-lens-tooltip') as HTMLElement | null;
    return !!host && getComputedStyle(host).display !== 'none' && !!host.shadowRoot?.querySelector('.dl-title');
  });
const isClosed = (page: HarnessPage) =>
  page.waitForFunction(() => {
    const host = document.querySelector('deal-lens-tooltip') as HTMLElement | null;
    return !host || getComputedStyle(host).display === 'none';
  });

function inside(s: Awaited<ReturnType<typeof tooltipState>>): boolean {
  const b = s.box!;
  return b.top >= 0 && b.left >= 0 && b.bottom <= s.viewport.height + 0.5 && b.right <= s.viewport.width + 0.5;
}

describe.each(BROWSERS)('tooltips in %s', (name) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(name, { viewport: { width: 1200, height: 800 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is created lazily and opens on hover after the delay with the entry\'s content', async () => {
    const page = await h.open(serveFixture(h, 'article.html').listed);
    await waitDone(page);
    expect((await tooltipState(page)).hosts).toBe(0);
    const id = await hoverMark(page, 'deal-lens-mark[data-deal-lens-kind="term"]');
    // the intent delay (300 ms by default): not open at once
    expect((await tooltipState(page)).shown).toBe(false);
    await isOpen(page);
    const s = await tooltipState(page);
    expect(s.hosts).toBe(1);
    expect(s.title).toBe(titles.get(id));
    expect(s.kindLabel).toBe(KIND_LABEL.term);
    expect(s.role).toBe('tooltip');
    expect(s.describedBy).toEqual([s.hostId]);
    expect(s.describedId).toEqual([id]);
    for (const l of s.links) {
      expect(l.target).toBe('_blank');
      expect(l.rel).toBe('noopener noreferrer');
      expect(l.href).toMatch(/^https:\/\//);
    }
    // stays open while the pointer is over the tooltip itself
    const b = s.box!;
    await mouseTo(page, b.left + 10, b.top + 10);
    await new Promise((r) => setTimeout(r, 400));
    expect((await tooltipState(page)).shown).toBe(true);
    // pointer leave closes it, and the description goes with it
    await mouseTo(page, 5, 790);
    await isClosed(page);
    expect((await tooltipState(page)).describedBy).toEqual([]);
    await page.close();
  });

  it('opens on keyboard focus and closes on Escape and on blur', async () => {
    const page = await h.open(serveFixture(h, 'article.html').listed);
    await waitDone(page);
    // Tab from the element just before the first conflict mark
    const id = await page.evaluate(() => {
      const m = document.querySelector('deal-lens-mark[data-deal-lens-kind="conflict"]') as HTMLElement;
      const before = document.createElement('span');
      before.tabIndex = 0;
      before.id = 'tab-start';
      m.parentNode!.insertBefore(before, m);
      return m.getAttribute('data-deal-lens-id');
    });
    await page.focus('#tab-start');
    await page.press('Tab');
    await isOpen(page);
    let s = await tooltipState(page);
    expect(s.title).toBe(titles.get(id!));
    expect(s.kindLabel).toBe(KIND_LABEL.conflict);
    expect(s.text).toMatch(/This article says “.+” — the record says /);
    await page.press('Escape');
    await isClosed(page);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('DEAL-LENS-MARK');
    // focus again (Shift+Tab, Tab) opens; Tab away (blur) closes
    await shiftTab(page);
    await page.press('Tab');
    await isOpen(page);
    await page.press('Tab');
    s = await tooltipState(page);
    const focusedIsMark = await page.evaluate(() => document.activeElement?.tagName === 'DEAL-LENS-MARK');
    // the next stop may be another mark (then its tooltip is the open one) or not a mark (then none is open)
    if (focusedIsMark) expect(s.describedId).toEqual([await page.evaluate(() => document.activeElement!.getAttribute('data-deal-lens-id'))]);
    else expect(s.shown).toBe(false);
    await page.close();
  });

  it('keeps only one tooltip open, and a tap opens while a tap outside closes', async () => {
    const page = await h.open(serveFixture(h, 'article.html').listed);
    await waitDone(page);
    await hoverMark(page, 'deal-lens-mark[data-deal-lens-kind="fact"]');
    await isOpen(page);
    // the next mark in view that the open tooltip does not cover
    const n = await page.evaluate(() => {
      const panel = document.querySelector('deal-lens-tooltip')!.shadowRoot!.querySelector('.dl-panel')!.getBoundingClientRect();
      const marks = [...document.querySelectorAll('deal-lens-mark')];
      return marks.findIndex((m) => {
        const r = m.getBoundingClientRect();
        const covered = r.right > panel.left && r.left < panel.right && r.bottom > panel.top && r.top < panel.bottom;
        return !covered && !m.hasAttribute('data-deal-lens-open') && r.top > 0 && r.bottom < innerHeight;
      });
    });
    expect(n).toBeGreaterThanOrEqual(0);
    const second = await hoverMark(page, 'deal-lens-mark', n);
    await page.waitForFunction((id) => document.querySelector('deal-lens-mark[data-deal-lens-open]')?.getAttribute('data-deal-lens-id') === id, second);
    const s = await tooltipState(page);
    expect(s.hosts).toBe(1);
    expect(s.describedId).toEqual([second]);
    expect(await page.evaluate(() => document.querySelectorAll('deal-lens-mark[data-deal-lens-open]').length)).toBe(1);
    await mouseTo(page, 5, 790);
    await isClosed(page);
    // touch: synthetic taps (pointerType "touch") on a mark, then on the page
    const tapped = await page.evaluate(() => {
      const m = document.querySelectorAll('deal-lens-mark[data-deal-lens-kind="term"]')[1] as HTMLElement;
      m.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', bubbles: true, composed: true }));
      return m.getAttribute('data-deal-lens-id');
    });
    await isOpen(page);
    expect((await tooltipState(page)).describedId).toEqual([tapped]);
    await page.evaluate(() => document.querySelector('h1')!.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', bubbles: true, composed: true })));
    await isClosed(page);
    await page.close();
  });

  it('stays inside the viewport next to all four edges', async () => {
    const page = await h.open(serveFixture(h, 'sticky.html').listed);
    await waitDone(page);
    for (const corner of ['tl', 'tr', 'bl', 'br']) {
      await hoverMark(page, `#corner-${corner} deal-lens-mark[data-deal-lens-kind="term"]`);
      await isOpen(page);
      await page.waitForFunction((c) => document.querySelector(`#corner-${c} deal-lens-mark`)!.hasAttribute('data-deal-lens-open'), corner);
      await new Promise((r) => setTimeout(r, 150)); // let floating-ui settle
      const s = await tooltipState(page);
      expect(inside(s), `${corner}: ${JSON.stringify(s.box)} in ${JSON.stringify(s.viewport)}`).toBe(true);
      await mouseTo(page, 600, 400);
      await isClosed(page);
    }
    await page.close();
  });

  it('follows a mark in a scrolled container, under a sticky header', async () => {
    const page = await h.open(serveFixture(h, 'sticky.html').listed);
    await waitDone(page);
    await page.evaluate(() => {
      const scroller = document.getElementById('scroller')!;
      const deep = document.getElementById('deep')!;
      scroller.scrollTop = deep.offsetTop - scroller.offsetTop - scroller.clientHeight / 2;
    });
    await new Promise((r) => setTimeout(r, 100));
    // opened from the keyboard: scrolling under a resting mouse pointer would count as pointer leave
    await page.focus('#deep deal-lens-mark');
    await isOpen(page);
    await new Promise((r) => setTimeout(r, 150));
    const near = async () => {
      const s = await tooltipState(page);
      const mark = await page.evaluate(() => {
        const r = document.querySelector('#deep deal-lens-mark[data-deal-lens-open]')!.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      });
      return { s, mark };
    };
    let { s, mark } = await near();
    expect(inside(s)).toBe(true);
    // drawn above the page, sticky header included
    const onTop = await page.evaluate(() => {
      const host = document.querySelector('deal-lens-tooltip')!;
      const r = host.shadowRoot!.querySelector('.dl-panel')!.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + 10) === host;
    });
    expect(onTop).toBe(true);
    expect(Math.min(Math.abs(s.box!.top - mark.bottom), Math.abs(s.box!.bottom - mark.top))).toBeLessThan(12);
    // scrolling the container moves the mark; the tooltip follows
    await page.evaluate(() => {
      document.getElementById('scroller')!.scrollTop -= 30;
    });
    await new Promise((r) => setTimeout(r, 200));
    ({ s, mark } = await near());
    expect(Math.min(Math.abs(s.box!.top - mark.bottom), Math.abs(s.box!.bottom - mark.top))).toBeLessThan(12);
    await page.close();
  });

  it('saves screenshots of a term, fact, caveat and conflict tooltip', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const schemes = name === 'chromium' ? (['light', 'dark'] as const) : (['light'] as const);
    for (const scheme of schemes) {
      const page = await h.open(serveFixture(h, 'article.html').listed);
      if (scheme === 'dark') await colorScheme(page, 'dark');
      await waitDone(page);
      for (const kind of ['term', 'fact', 'caveat', 'conflict'] as const) {
        await page.evaluate((k) => {
          document.querySelector(`deal-lens-mark[data-deal-lens-kind="${k}"]`)!.scrollIntoView({ block: 'center' });
        }, kind);
        const id = await hoverMark(page, `deal-lens-mark[data-deal-lens-kind="${kind}"]`);
        await page.waitForFunction((i) => document.querySelector('deal-lens-mark[data-deal-lens-open]')?.getAttribute('data-deal-lens-id') === i, id);
        await new Promise((r) => setTimeout(r, 250));
        const s = await tooltipState(page);
        expect(s.kindLabel).toBe(KIND_LABEL[kind]);
        expect(s.title).toBe(titles.get(id));
        await page.screenshot(new URL(`tooltip-${kind}-${scheme}${name === 'chromium' ? '' : '-firefox'}.png`, SHOTS).pathname);
        await mouseTo(page, 2, 2);
        await isClosed(page);
      }
      await page.close();
    }
  });

  it('made no network request', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
