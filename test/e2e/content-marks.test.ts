/**
 * Marks per CONTRACT.md "In the page", in real Chromium and Firefox: the wrappers
 * are exactly those the same pipeline gives in Node, of the four kinds, nowhere
 * the page is not prose, focusable in reading order; they add no layout, also
 * under hostile CSS and a strict CSP; pages not about the deal get nothing but
 * the two attributes; and the extension makes no request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type Harness } from './harness';
import { BOX_TOLERANCE, LAYOUT_FIXTURES, STRICT_CSP, bareThenMarked, dataset, expectedMarks, fixture, maxBoxDelta, pageMarks, serveFixture, snapshot, waitDone } from './content-fixtures';

const ids = new Map<string, string>([
  ...dataset.terms.map((x) => [x.id, 'term'] as const),
  ...dataset.facts.map((x) => [x.id, 'fact'] as const),
  ...dataset.caveats.map((x) => [x.id, 'caveat'] as const),
  ...dataset.conflicts.map((x) => [x.id, 'conflict'] as const),
]);

describe.each(BROWSERS)('marks in %s', (name) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(name, { viewport: { width: 1200, height: 800 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('wraps exactly what the engine finds, with valid ids and all four kinds', async () => {
    const urls = serveFixture(h, 'article.html');
    const page = await h.open(urls.listed);
    await waitDone(page);
    const marks = await pageMarks(page);
    // the one element hidden by CSS is what the browser skips and Node cannot know about
    const expected = expectedMarks(fixture('article.html'), { isVisible: (el) => !el.classList.contains('offscreen-promo') });
    expect(marks).toEqual(expected);
    expect(new Set(marks.map((m) => m.kind))).toEqual(new Set(['term', 'fact', 'caveat', 'conflict']));
    for (const m of marks) expect(ids.has(m.id!), `unknown id ${m.id}`).toBe(true);
    // the figure split by <b> is one annotation in two wrappers
    const split = await page.evaluate(() => {
      const b = [...document.querySelectorAll('b')].find((x) => x.textContent === 'billion')!;
      const inner = b.querySelector('deal-lens-mark')!;
      const prev = b.previousSibling as Element;
      return { inner: inner?.getAttribute('data-deal-lens-id'), prev: prev?.tagName, prevId: prev?.getAttribute?.('data-deal-lens-id'), prevText: prev?.textContent };
    });
    expect(split.prev).toBe('DEAL-LENS-MARK');
    expect(split.prevId).toBe(split.inner);
    expect(split.prevText).toMatch(/\$100 $/);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-deal-lens-about'))).toBe('yes');
    await page.close();
  });

  it('leaves script, code, pre, buttons, aria-hidden, textareas and CSS-hidden text alone', async () => {
    const urls = serveFixture(h, 'article.html');
    const page = await h.open(urls.listed);
    await waitDone(page);
    const inside = await page.evaluate(() =>
      [...document.querySelectorAll('deal-lens-mark')].filter((m) => m.closest('script, code, pre, button, [aria-hidden="true"], textarea, .offscreen-promo, header.top')).length,
    );
    expect(inside).toBe(0);
    await page.close();
  });

  it('makes marks focusable in reading order', async () => {
    const urls = serveFixture(h, 'article.html');
    const page = await h.open(urls.listed);
    await waitDone(page);
    const r = await page.evaluate(() => {
      const marks = [...document.querySelectorAll('deal-lens-mark')] as HTMLElement[];
      return { tab: marks.map((m) => m.tabIndex), n: marks.length };
    });
    expect(r.tab.every((t) => t === 0)).toBe(true);
    // Tab from the first mark visits the following marks in document order (links in between are fine)
    await page.focus('deal-lens-mark');
    const seen: number[] = [];
    for (let i = 0; i < 12; i++) {
      seen.push(await page.evaluate(() => [...document.querySelectorAll('deal-lens-mark')].indexOf(document.activeElement as Element)));
      await page.press('Tab');
    }
    const marksSeen = seen.filter((i) => i >= 0);
    expect(marksSeen[0]).toBe(0);
    expect(marksSeen.length).toBeGreaterThan(5);
    expect([...marksSeen].sort((a, b) => a - b)).toEqual(marksSeen);
    await page.close();
  });

  for (const [file, headers] of LAYOUT_FIXTURES) {
    it(`adds no layout on ${file}: same text, same boxes`, async () => {
      const urls = serveFixture(h, file, headers ? { headers } : {});
      const { before, page } = await bareThenMarked(h, urls);
      const after = await snapshot(page);
      expect((await pageMarks(page)).length).toBeGreaterThan(3);
      expect(after.text).toBe(before.text);
      expect(after.boxes.length).toBe(before.boxes.length);
      expect(maxBoxDelta(after.boxes, before.boxes)).toBeLessThanOrEqual(BOX_TOLERANCE);
      await page.close();
    });
  }

  it('keeps marks inline and styled under hostile CSS and a strict CSP', async () => {
    const urls = serveFixture(h, 'hostile.html', { headers: STRICT_CSP });
    const page = await h.open(urls.listed);
    await waitDone(page);
    const styles = await page.evaluate(() =>
      [...document.querySelectorAll('deal-lens-mark')].map((m) => {
        const s = getComputedStyle(m);
        const p = getComputedStyle(m.parentElement!);
        return {
          display: s.display,
          underline: s.textDecorationLine,
          sameFont: s.fontSize === p.fontSize && s.fontWeight === p.fontWeight && s.letterSpacing === p.letterSpacing,
          box: [s.paddingTop, s.paddingLeft, s.marginTop, s.marginLeft, s.borderTopWidth, s.borderLeftWidth].every((v) => v === '0px'),
          after: getComputedStyle(m, '::after').content,
        };
      }),
    );
    expect(styles.length).toBeGreaterThan(3);
    for (const s of styles) {
      expect(s.display).toBe('inline');
      expect(s.underline).toBe('underline');
      expect(s.sameFont).toBe(true);
      expect(s.box).toBe(true);
      expect(s.after).toBe('none');
    }
    // styles came in as a constructable stylesheet: no <style> element was added
    expect(await page.evaluate(() => document.querySelectorAll('style:not([nonce])').length)).toBe(0);
    await page.close();
  });

  it('adds nothing but the two attributes to a page not about the deal', async () => {
    const html = fixture('frame-parent.html').replace(/<iframe[^>]*><\/iframe>/, '');
    const urls = serveFixture(h, 'frame-parent.html', { html });
    const { before, page } = await bareThenMarked(h, urls);
    const after = await snapshot(page);
    expect(after.html).toBe(before.html);
    expect(after.attrs.sort()).toEqual(['data-deal-lens-about', 'data-deal-lens-state']);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-deal-lens-about'))).toBe('no');
    expect(after.adopted).toBe(before.adopted);
    expect(await page.evaluate(() => document.querySelectorAll('deal-lens-tooltip').length)).toBe(0);
    await page.close();
  });

  it('records a deal-lens:scan measure for the first pass', async () => {
    const urls = serveFixture(h, 'article.html');
    const page = await h.open(urls.listed);
    await waitDone(page);
    const measures = await page.evaluate(() => performance.getEntriesByName('deal-lens:scan', 'measure').map((e) => e.duration));
    expect(measures.length).toBe(1);
    expect(measures[0]).toBeGreaterThan(0);
    await page.close();
  });

  it('made no network request', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
