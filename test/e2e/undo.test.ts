/**
 * Off switch and geometry on real pages, in real Chromium and Firefox.
 *
 * - Switching the site off (settings in storage.sync, as the popup does) removes
 *   every trace live: the DOM is as it was before the first pass (`body.innerHTML`
 *   compared with the same page where the content script never ran), no
 *   attributes, no stylesheet, no tooltip host — also after incremental passes
 *   and inside an iframe. Switching it on again marks the same text again.
 * - A handful of ../shared/corpus/real pages, each with three deal paragraphs
 *   put in front of its first paragraph, get marks that change neither their
 *   text nor any element's box, and undo restores them exactly. Their external
 *   resources are blocked by a CSP (no request leaves the machine) and their
 *   scripts do not run, so both loads see the same DOM.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type Harness, type HarnessPage } from './harness';
import { BOX_TOLERANCE, LAYOUT_FIXTURES, bareThenMarked, maxBoxDelta, movedBoxes, pageMarks, serveFixture, setSettings, snapshot, waitDone, type Snapshot } from './content-fixtures';

const OFFLINE_CSP = { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:" };

const CORPUS = [
  'np4k__article_with_br.html',
  'postlight__arstechnica.com.html',
  'postlight__medium.com.html',
  'postlight__www.theguardian.com.html',
  'postlight__wired.jp.html',
  'readability__blogger.html',
];
const DEAL = `<h2>Amazon and Anthropic</h2><p>Amazon will invest $5 billion in <a href="#a">Anthropic</a> now and up to $20 billion more tied to milestones, the companies said.</p><p>Anthropic will spend more than $100 <b>billion</b> on AWS over ten years, much of it on Trainium chips designed by Annapurna Labs.</p><p>The deal secures up to 5 gigawatts of capacity; Project Rainier already runs on Trainium2.</p>`;

/** A corpus page with the deal paragraphs in front of its first paragraph and a deal headline, without anything that could fetch or navigate. */
function corpusPage(file: string): string {
  let html = readFileSync(join(process.cwd(), '..', 'shared', 'corpus', 'real', file), 'utf8')
    .replace(/<link\b[^>]*>/gi, '')
    .replace(/<meta\b[^>]*http-equiv[^>]*>/gi, '')
    .replace(/<base\b[^>]*>/gi, '')
    // Firefox loads a frame's document even where the page's CSP forbids it
    .replace(/<(iframe|frame|object|embed)\b[^>]*>(?:[\s\S]*?<\/\1>)?/gi, '');
  const at = html.search(/<p[\s>]/i);
  html = html.slice(0, at) + DEAL + html.slice(at);
  // a page whose headline is about something else needs more than three paragraphs to be about the deal
  html = html.replace(/<title\b[^>]*>[\s\S]*?<\/title>/i, '<title>Amazon and Anthropic expand their deal</title>');
  return html;
}

const off = (h: Harness) => setSettings(h, { disabledSites: ['reuters.com'] });
const on = (h: Harness) => setSettings(h, {});
const gone = (page: HarnessPage) => page.waitForFunction(() => !document.documentElement.hasAttribute('data-deal-lens-state'));

/** Undo check shared by every page: what was added goes, exactly. */
function expectRestored(after: Snapshot, before: Snapshot): void {
  expect(after.html).toBe(before.html);
  expect(after.attrs).toEqual([]);
  expect(after.adopted).toBe(before.adopted);
}

describe.each(BROWSERS)('off switch and geometry in %s', (name) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(name, { viewport: { width: 1200, height: 800 } });
  });
  afterAll(async () => {
    if (h) await on(h).catch(() => undefined);
    await h?.close();
  });

  for (const [file, headers] of LAYOUT_FIXTURES) {
    it(`switching ${file} off restores the DOM exactly, live; on marks it again`, async () => {
      const urls = serveFixture(h, file, headers ? { headers } : {});
      const { before, page } = await bareThenMarked(h, urls);
      const marks = await pageMarks(page);
      expect(marks.length).toBeGreaterThan(3);
      // open a tooltip so the lazy host exists too
      await page.focus('deal-lens-mark');
      await page.waitForFunction(() => document.querySelector('deal-lens-tooltip') !== null);
      await off(h);
      await gone(page);
      const after = await snapshot(page);
      expectRestored(after, before);
      expect(await page.evaluate(() => document.querySelectorAll('deal-lens-tooltip, deal-lens-mark').length)).toBe(0);
      await on(h);
      await waitDone(page);
      expect(await pageMarks(page)).toEqual(marks);
      await page.close();
    });
  }

  it('restores a page after incremental passes and inside its iframe', async () => {
    const more = (page: HarnessPage) =>
      page.evaluate(() => {
        const w = window as unknown as { stopAuto: boolean; loadMore(n: number): number };
        w.stopAuto = true;
        return w.loadMore(3);
      });
    const urls = serveFixture(h, 'infinite.html');
    const base = await h.open(urls.unlisted);
    await more(base);
    const before = await snapshot(base);
    await base.close();
    const page = await h.open(urls.listed);
    await waitDone(page);
    const n = await more(page);
    await page.waitForFunction((k) => document.querySelectorAll(`section[data-n="${k}"] deal-lens-mark`).length > 0, n);
    await off(h);
    await gone(page);
    expectRestored(await snapshot(page), before);
    await page.close();
    await on(h);

    const frameHtml = (p: HarnessPage) => p.evaluate(() => (document.getElementById('story') as HTMLIFrameElement).contentDocument!.body.innerHTML);
    const frameDone = (p: HarnessPage) =>
      p.waitForFunction(() => (document.getElementById('story') as HTMLIFrameElement).contentDocument?.documentElement.getAttribute('data-deal-lens-state') === 'done');
    const furls = serveFixture(h, 'frame-parent.html');
    const fbase = await h.open(furls.unlisted);
    await fbase.waitForFunction(() => (document.getElementById('story') as HTMLIFrameElement).contentDocument?.readyState === 'complete');
    const fbefore = await frameHtml(fbase);
    await fbase.close();
    const fpage = await h.open(furls.listed);
    await frameDone(fpage);
    expect(await frameHtml(fpage)).not.toBe(fbefore);
    await off(h);
    await fpage.waitForFunction(() => !(document.getElementById('story') as HTMLIFrameElement).contentDocument!.documentElement.hasAttribute('data-deal-lens-state'));
    expect(await frameHtml(fpage)).toBe(fbefore);
    await on(h);
    await fpage.close();
  });

  for (const file of CORPUS) {
    it(`marks a real page (${file}) without moving anything, and undoes exactly`, async () => {
      const urls = serveFixture(h, file, { html: corpusPage(file), headers: OFFLINE_CSP });
      const { before, page } = await bareThenMarked(h, urls);
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-deal-lens-about'))).toBe('yes');
      expect((await pageMarks(page)).length).toBeGreaterThan(2);
      const marked = await snapshot(page);
      expect(marked.text).toBe(before.text);
      expect(movedBoxes(marked, before)).toEqual([]);
      expect(maxBoxDelta(marked.boxes, before.boxes)).toBeLessThanOrEqual(BOX_TOLERANCE);
      await off(h);
      await gone(page);
      expectRestored(await snapshot(page), before);
      await on(h);
      await page.close();
    });
  }

  it('made no network request', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
