/**
 * Living pages in real Chromium and Firefox: text a page script adds later
 * (infinite scroll) is marked by incremental passes that leave earlier marks
 * alone, each pass with its own deal-lens:scan measure; a burst of thousands
 * of nodes still ends marked (one rescan); rewritten marked text loses its
 * mark; an SPA navigation re-evaluates the page; a same-origin iframe is judged
 * and marked on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type Harness, type HarnessPage } from './harness';
import { LISTED, fixture, serveFixture, waitDone } from './content-fixtures';

const measures = (page: HarnessPage) => page.evaluate(() => performance.getEntriesByName('deal-lens:scan', 'measure').length);
const marksIn = (page: HarnessPage, selector: string) => page.evaluate((sel) => document.querySelectorAll(`${sel} deal-lens-mark`).length, selector);

describe.each(BROWSERS)('living pages in %s', (name) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('marks paragraphs a page script appends, leaving earlier marks as they were', async () => {
    const page = await h.open(serveFixture(h, 'infinite.html').listed);
    await waitDone(page);
    // stop the page's own loader so only our calls append
    await page.evaluate(() => {
      const first = document.querySelector('deal-lens-mark') as HTMLElement & { __kept?: boolean };
      first.__kept = true;
      (window as unknown as { stopAuto: boolean }).stopAuto = true;
    });
    const before = await marksIn(page, 'section[data-n="0"]');
    const passes = await measures(page);
    const n = await page.evaluate(() => (window as unknown as { loadMore(n: number): number }).loadMore(3));
    await page.waitForFunction((k) => document.querySelectorAll(`section[data-n="${k}"] deal-lens-mark`).length > 0, n);
    for (let k = n - 2; k <= n; k++) expect(await marksIn(page, `section[data-n="${k}"]`), `story ${k}`).toBeGreaterThan(0);
    const after = await page.evaluate(() => ({
      kept: (document.querySelector('deal-lens-mark') as HTMLElement & { __kept?: boolean }).__kept === true,
      total: document.querySelectorAll('deal-lens-mark').length,
      first: document.querySelectorAll('section[data-n="0"] deal-lens-mark').length,
    }));
    expect(after.kept).toBe(true);
    expect(after.first).toBe(before);
    expect(after.total).toBeGreaterThan(before);
    expect(await measures(page)).toBeGreaterThan(passes);
    await page.close();
  });

  it('marks stories the page loads as the reader scrolls', async () => {
    const page = await h.open(serveFixture(h, 'infinite.html').listed);
    await waitDone(page);
    for (let k = 1; k <= 2; k++) {
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForFunction((n) => document.querySelectorAll(`section[data-n="${n}"] deal-lens-mark`).length > 0, k);
    }
    await page.close();
  });

  it('copes with a burst of thousands of nodes (one rescan) and still marks them', async () => {
    const page = await h.open(serveFixture(h, 'infinite.html').listed);
    await waitDone(page);
    const passes = await measures(page);
    await page.evaluate(() => {
      const feed = document.getElementById('feed')!;
      for (let i = 0; i < 1500; i++) {
        const p = document.createElement('p');
        p.className = 'burst';
        p.textContent = i % 100 === 0 ? `Update ${i}: Project Rainier adds Trainium2 capacity for Anthropic.` : `Filler line ${i}.`;
        feed.appendChild(p);
      }
    });
    await page.waitForFunction(() => document.querySelectorAll('p.burst deal-lens-mark').length >= 15, undefined, { timeout: 15_000 });
    // far fewer passes than the 1,500 records
    expect((await measures(page)) - passes).toBeLessThan(5);
    await page.close();
  });

  it('drops a mark whose text the page rewrites', async () => {
    const page = await h.open(serveFixture(h, 'infinite.html').listed);
    await waitDone(page);
    const id = await page.evaluate(() => {
      const m = document.querySelector('section[data-n="0"] p deal-lens-mark')!;
      (m.firstChild as Text).data = 'something else';
      return m.getAttribute('data-deal-lens-id');
    });
    await page.waitForFunction(() => [...document.querySelectorAll('deal-lens-mark')].every((m) => m.textContent !== 'something else'));
    expect(id).toBeTruthy();
    expect(await page.evaluate(() => document.body.textContent!.includes('something else'))).toBe(true);
    await page.close();
  });

  it('marks text once the reader opens the <details> that hid it', async () => {
    const page = await h.open(serveFixture(h, 'infinite.html').listed);
    await waitDone(page);
    await page.evaluate(() => {
      const d = document.createElement('details');
      d.id = 'more';
      d.innerHTML = '<summary>Read more</summary><p>Amazon’s Annapurna Labs designs the Trainium chips Anthropic will train Claude on.</p>';
      document.querySelector('section[data-n="0"]')!.appendChild(d);
    });
    // the closed details' content is not rendered: a pass runs but marks nothing in it
    await new Promise((r) => setTimeout(r, 800));
    expect(await marksIn(page, '#more p')).toBe(0);
    await page.evaluate(() => (document.getElementById('more') as HTMLDetailsElement).open = true);
    await page.waitForFunction(() => document.querySelectorAll('#more p deal-lens-mark').length > 0);
    await page.close();
  });

  it('re-evaluates the page on an SPA navigation, both ways', async () => {
    // the app's own routes: the deal story is its start page
    h.serve(`${LISTED}/technology/spa-deal/`, fixture('spa.html'));
    const page = await h.open(`${LISTED}/technology/spa-deal/`);
    await waitDone(page);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-deal-lens-about'))).toBe('yes');
    expect(await marksIn(page, '#app')).toBeGreaterThan(0);
    await page.evaluate(() => (window as unknown as { go(p: string): void }).go('/sport/spa-match/'));
    await page.waitForFunction(() => document.documentElement.getAttribute('data-deal-lens-about') === 'no');
    expect(await page.evaluate(() => document.querySelectorAll('deal-lens-mark').length)).toBe(0);
    await page.evaluate(() => history.back());
    await page.waitForFunction(() => document.documentElement.getAttribute('data-deal-lens-about') === 'yes' && document.querySelectorAll('#app deal-lens-mark').length > 0);
    await page.close();
  });

  it('judges and marks a same-origin iframe on its own', async () => {
    const page = await h.open(serveFixture(h, 'frame-parent.html').listed);
    await waitDone(page);
    await page.waitForFunction(() => {
      const d = (document.getElementById('story') as HTMLIFrameElement).contentDocument;
      return d?.documentElement.getAttribute('data-deal-lens-state') === 'done';
    });
    const r = await page.evaluate(() => {
      const d = (document.getElementById('story') as HTMLIFrameElement).contentDocument!;
      return {
        parentAbout: document.documentElement.getAttribute('data-deal-lens-about'),
        parentMarks: document.querySelectorAll('deal-lens-mark').length,
        frameAbout: d.documentElement.getAttribute('data-deal-lens-about'),
        frameMarks: d.querySelectorAll('deal-lens-mark').length,
      };
    });
    expect(r).toMatchObject({ parentAbout: 'no', parentMarks: 0, frameAbout: 'yes' });
    expect(r.frameMarks).toBeGreaterThan(0);
    await page.close();
  });

  it('made no network request', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
