/**
 * The harness checks itself: a request nobody served is answered locally and
 * shows up in `strayRequests`, whether the page, an extension page or the
 * extension's background makes it — so an empty list in the other tests means
 * something. Also: served content types, tab ids, and the missing-browser error.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, extensionDir, findBrowser, launch, type Harness } from './harness';

describe('browser and build lookup', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('fails with install instructions when the browser is missing', () => {
    process.env.CHROME_PATH = '/nonexistent/chromium';
    expect(() => findBrowser('chromium')).toThrow(/apt-get install -y chromium/);
    process.env.FIREFOX_PATH = '/nonexistent/firefox';
    expect(() => findBrowser('firefox')).toThrow(/apt-get install -y firefox-esr/);
  });

  it('fails with build instructions when the extension is not built', () => {
    expect(() => extensionDir('firefox', 'no-such-dist')).toThrow(/node build\.mjs --outdir no-such-dist/);
  });
});

describe.each(BROWSERS)('harness in %s', (name) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves pages at real URLs and records every request it did not serve', async () => {
    const url = 'https://www.apnews.com/article/harness-self-test';
    h.serve(url, `<!doctype html><html><head><title>t</title></head><body><p>plain</p><img src="https://tracker.invalid/pixel.gif"></body></html>`);
    h.serve('https://www.apnews.com/data.json', { body: '{"ok":true}', contentType: 'application/json' });
    const page = await h.open(url);
    expect(await page.evaluate(() => document.title)).toBe('t');
    expect(await page.evaluate(() => fetch('/data.json').then((r) => r.json()))).toEqual({ ok: true });
    await expect.poll(() => h.strayRequests.slice(), { timeout: 5000 }).toContain('https://tracker.invalid/pixel.gif');
    await page.close();
  });

  it('catches a request made from an extension page', async () => {
    await h.extensionEval(() => fetch('https://extension-page.invalid/x').then(
      () => 'answered',
      () => 'refused',
    ));
    await expect.poll(() => h.strayRequests.some((u) => u.startsWith('https://extension-page.invalid')), { timeout: 5000 }).toBe(true);
  });

  it('gives distinct tab ids to distinct tabs', async () => {
    h.serve('https://www.cnbc.com/a', '<p>a</p>');
    h.serve('https://www.cnbc.com/b', '<p>b</p>');
    const a = await h.open('https://www.cnbc.com/a');
    const b = await h.open('https://www.cnbc.com/b');
    const ia = await h.tabIdOf(a);
    const ib = await h.tabIdOf('https://www.cnbc.com/b');
    expect(ia).not.toBe(ib);
    expect(await h.tabIdOf(a)).toBe(ia);
    await a.close();
    await b.close();
  });
});

describe('harness in firefox: the background script', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch('firefox');
  });
  afterAll(async () => {
    await h?.close();
  });

  // Chromium routes the service worker like any page; Firefox's background page is
  // out of reach of page interception, so the harness proxies it: check that path.
  it('catches a request made from the background page', async () => {
    const how = await h.extensionEval(async (api) => {
      const bg = (await api.runtime.getBackgroundPage()) as unknown as { fetch: typeof fetch } | null;
      if (!bg) return 'no background page';
      return bg.fetch('https://background.invalid/y').then(
        () => 'answered',
        () => 'refused',
      );
    });
    expect(how).not.toBe('no background page');
    await expect.poll(() => h.strayRequests.some((u) => u.includes('background.invalid')), { timeout: 5000 }).toBe(true);
  });
});
