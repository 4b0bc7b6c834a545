/**
 * The options page in real Chromium and Firefox: bad sites are refused with a
 * clear error, a site is added with its permission and annotated at once (its
 * content script registered; unregistered when the permission is withdrawn),
 * switching a source off hides what relies on it alone, live, corrupt stored
 * settings leave the extension working with the defaults and a notice shown
 * once, and a bad settings file changes nothing.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { ElementHandle, Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type Harness, type HarnessPage } from './harness';
import { DEAL_HTML, acceptPermissionPrompts, colorScheme, marksOf, readStoredSettings, storeSettings, until, waitDone, type MarkInfo } from './popup-helpers';
import { loadDefaultDataset } from '../../src/node/load-dataset';
import { DEFAULT_SETTINGS, defaultSettings, readSettings } from '../../src/core/settings';
import { EXPORT_FORMAT, exportSettings } from '../../src/core/settings-edit';
import { createEngine } from '../../src/core/engine';
import { readHtml } from '../../src/node/scan-page';

const dataset = loadDefaultDataset();
const engine = createEngine(dataset);
const DEAL_URL = 'https://www.theverge.com/2026/4/21/amazon-anthropic-options';
const ADDED_URL = 'https://news.example.org/amazon-anthropic-options';
const SHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname;

async function openOptions(h: Harness): Promise<HarnessPage> {
  const page = await h.openExtensionPage('options.html');
  await page.waitForFunction(() => document.querySelector('#site-input') !== null);
  return page;
}

/** Types into a field as preact sees it (an input event), then presses the form's button. */
async function addSite(page: HarnessPage, text: string): Promise<void> {
  await page.evaluate((v) => {
    const el = document.querySelector<HTMLInputElement>('#site-input')!;
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.click('.add-site button[type=submit]');
}

const siteError = (page: HarnessPage) => page.evaluate(() => document.querySelector('[data-testid=site-error]')?.textContent ?? null);

async function upload(h: Harness, page: HarnessPage, name: string, text: string): Promise<void> {
  if (h.name === 'chromium') {
    await (page.raw as PlaywrightPage).setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
    return;
  }
  const file = join(mkdtempSync(join(tmpdir(), 'deal-lens-import-')), name);
  writeFileSync(file, text);
  const input = (await (page.raw as PuppeteerPage).$('#import-file')) as ElementHandle<HTMLInputElement> | null;
  await input!.uploadFile(file);
}

/**
 * The marks the engine gives the served article with `off` sources switched
 * off, read the way the content script reads it (the scan CLI's reader).
 */
function engineMarks(off: readonly string[]): { marks: MarkInfo[]; hidden: number } {
  const page = readHtml(DEAL_HTML);
  const r = engine.analyze({ blocks: page.blocks, title: page.title }, { disabledSources: off });
  return { marks: r.annotations.map((a) => ({ id: a.entryId, kind: a.kind, text: page.blocks[a.block]!.slice(a.start, a.end) })), hidden: r.hidden };
}

describe.each(BROWSERS)('options in %s', (name) => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch(name);
    h.serve(DEAL_URL, DEAL_HTML);
    h.serve(ADDED_URL, DEAL_HTML);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses what is not one site’s domain, saying why, and changes nothing', async () => {
    const page = await openOptions(h);
    if (name === 'chromium') {
      mkdirSync(SHOTS, { recursive: true });
      for (const scheme of ['light', 'dark'] as const) {
        await colorScheme(page, scheme);
        await page.screenshot(`${SHOTS}options-${scheme}.png`, { fullPage: true });
      }
    }
    const cases: [string, RegExp][] = [
      ['not a domain', /“not a domain” is not a domain/],
      ['javascript:alert(1)', /“javascript:alert\(1\)” is not a web address/],
      ['*', /“\*” would cover countless unrelated sites/],
      ['*.com', /“\*\.com” would cover countless unrelated sites/],
      ['reuters.com', /already one of the built-in sites/],
      ['', /Enter a domain such as example\.com/],
    ];
    for (const [input, message] of cases) {
      await addSite(page, input);
      await until(`the error for ${JSON.stringify(input)}`, () => siteError(page), (t) => t !== null && message.test(t));
      expect(await page.evaluate(() => document.querySelector('#site-input')?.getAttribute('aria-invalid'))).toBe('true');
    }
    expect(readSettings(await readStoredSettings(h)).settings.userSites).toEqual([]);
    await page.close();
  });

  if (name === 'firefox') {
    // Firefox can be told to grant optional permissions without a prompt, so the reader's whole path runs.
    it('adds a site with its permission, annotates it at once, and stops when the permission is withdrawn', async () => {
      const already = await h.open(ADDED_URL);
      expect(await already.evaluate(() => document.documentElement.getAttribute('data-deal-lens-state'))).toBeNull();
      const page = await openOptions(h);
      await acceptPermissionPrompts(h, page);
      await addSite(page, 'https://www.Example.org/some/path');
      await until('the site in the list', () => page.evaluate(() => [...document.querySelectorAll('.user-sites li')].map((li) => li.getAttribute('data-site'))), (l) => l.includes('example.org'));
      expect(readSettings(await readStoredSettings(h)).settings.userSites).toEqual(['example.org']);
      expect(await h.extensionEval((api) => api.permissions.contains({ origins: ['*://*.example.org/*'] }))).toBe(true);
      const ids = () => h.extensionEval(async (api) => (await api.scripting.getRegisteredContentScripts()).map((s) => s.id));
      await until('the content script to be registered', ids, (l) => l.includes('deal-lens-site:example.org'));
      // the tab already open on the site is annotated, and so is a new one
      await until('the open tab to be annotated', () => already.evaluate(() => document.documentElement.getAttribute('data-deal-lens-state')), (s) => s === 'done');
      const fresh = await h.open(ADDED_URL);
      await waitDone(fresh);
      expect((await marksOf(fresh)).length).toBeGreaterThan(5);

      // withdrawn (as from the add-ons manager): unregistered, and the options page says so
      await h.extensionEval((api) => api.permissions.remove({ origins: ['*://*.example.org/*'] }));
      await until('the content script to be unregistered', ids, (l) => !l.includes('deal-lens-site:example.org'));
      await until('the warning', () => page.evaluate(() => document.querySelector('.user-sites .warn')?.textContent ?? ''), (t) => t.startsWith('Permission withdrawn'));
      const after = await h.open(ADDED_URL);
      expect(await after.evaluate(() => document.documentElement.getAttribute('data-deal-lens-state'))).toBeNull();

      // removing the site clears it from the settings
      await page.click('.user-sites li[data-site="example.org"] .remove');
      await until('the site to go', async () => readSettings(await readStoredSettings(h)).settings.userSites, (l) => l.length === 0);
      for (const p of [already, fresh, after, page]) await p.close();
    });
  } else {
    // Chromium cannot answer its permission prompt headless: check that adding asks, and that
    // a listed site without its permission gets no content script and is flagged.
    it('asks for the permission when adding, and runs nothing on a site without it', async () => {
      const page = await openOptions(h);
      await addSite(page, 'example.org');
      await new Promise((r) => setTimeout(r, 500));
      expect(await siteError(page)).toBeNull(); // valid input: the browser's prompt is up, nothing stored yet
      expect(readSettings(await readStoredSettings(h)).settings.userSites).toEqual([]);

      const s = defaultSettings();
      s.userSites = ['example.org'];
      await storeSettings(h, s);
      await until('the warning', () => page.evaluate(() => document.querySelector('.user-sites .warn')?.textContent ?? ''), (t) => t.startsWith('Permission withdrawn'));
      const ids = await h.extensionEval(async (api) => (await api.scripting.getRegisteredContentScripts()).map((x) => x.id));
      expect(ids).toEqual([]);
      const off = await h.open(ADDED_URL);
      expect(await off.evaluate(() => document.documentElement.getAttribute('data-deal-lens-state'))).toBeNull();
      await storeSettings(h, defaultSettings());
      await off.close();
      await page.close();
    });
  }

  it('switching a source off hides what relies on it alone, live, and the popup says how many', async () => {
    await storeSettings(h, defaultSettings());
    const deal = await h.open(DEAL_URL);
    await waitDone(deal);
    const before: MarkInfo[] = await marksOf(deal);
    const tabId = await h.tabIdOf(deal);
    expect(before).toEqual(engineMarks([]).marks);

    // the source whose loss hides the fewest marks, but at least one
    const candidates = dataset.sources
      .map((src) => ({ id: src.id, ...engineMarks([src.id]) }))
      .filter((c) => c.hidden > 0)
      .sort((x, y) => x.hidden - y.hidden);
    expect(candidates.length).toBeGreaterThan(0);
    const source = candidates[0]!;
    const expected = source.marks;
    expect(expected.length).toBeLessThan(before.length);

    const options = await openOptions(h);
    await options.click(`input[name="source-${source.id}"]`);
    const after = await until('the marks to follow', () => marksOf(deal), (m) => m.length === expected.length);
    expect(after).toEqual(expected);
    expect(readSettings(await readStoredSettings(h)).settings.disabledSources).toEqual([source.id]);

    const popup = await h.openExtensionPage('popup.html', { tab: String(tabId) });
    const note = await until('the hidden note', () => popup.evaluate(() => document.querySelector('[data-testid=hidden-note]')?.textContent ?? ''), (t) => t !== '');
    expect(note).toContain(`Not shown: ${source.hidden},`);
    await popup.close();

    await options.click(`input[name="source-${source.id}"]`);
    expect(await until('the marks to return', () => marksOf(deal), (m) => m.length === before.length)).toEqual(before);
    await options.close();
    await deal.close();
  });

  it('corrupt stored settings leave it working with the defaults, and say so once', async () => {
    const corrupt: [string, unknown][] = [
      ['wrong types', { version: 2, enabled: 'yes', disabledSites: 'reuters.com', userSites: [42, 'javascript:alert(1)'], disabledSources: {}, kinds: [], intensity: 7, tooltipDelay: 'slow' }],
      ['unknown version', { ...DEFAULT_SETTINGS, version: 99, enabled: false }],
      ['huge strings', { ...DEFAULT_SETTINGS, intensity: 'x'.repeat(6000), disabledSites: ['y'.repeat(1500)] }],
      ['not an object', 'settings'],
    ];
    for (const [what, value] of corrupt) {
      await storeSettings(h, value);
      // the background repairs the stored value...
      await until(`repair of ${what}`, () => readStoredSettings(h), (v) => readSettings(v).problem === null);
      expect(readSettings(await readStoredSettings(h)).settings, what).toEqual(DEFAULT_SETTINGS);
      // ...the options page says so, once...
      const page = await openOptions(h);
      const notice = await until(`the notice for ${what}`, () => page.evaluate(() => document.querySelector('[data-testid=settings-notice]')?.textContent ?? ''), (t) => t !== '');
      expect(notice, what).toMatch(what === 'unknown version' ? /unknown version of Deal Lens/ : /invalid and have been reset/);
      await page.close();
      const again = await openOptions(h);
      await new Promise((r) => setTimeout(r, 300));
      expect(await again.evaluate(() => document.querySelector('[data-testid=settings-notice]') === null), what).toBe(true);
      await again.close();
    }
    // ...and pages are annotated with the defaults
    const deal = await h.open(DEAL_URL);
    await waitDone(deal);
    expect((await marksOf(deal)).map((m) => m.kind).sort()).toEqual(expect.arrayContaining(['caveat', 'conflict', 'fact', 'term']));
    await deal.close();
  });

  it('imports a settings file, and a bad one changes nothing and says why', async () => {
    await storeSettings(h, defaultSettings());
    const page = await openOptions(h);
    const result = () => page.evaluate(() => document.querySelector('[data-testid=import-result]')?.textContent ?? '');
    const bad: [string, string, RegExp][] = [
      ['notes.json', '{ not json', /notes\.json is not a JSON file\. Nothing was changed\./],
      ['other.json', JSON.stringify({ hello: 'world' }), /other\.json is not a Deal Lens settings file/],
      ['broken.json', JSON.stringify({ format: EXPORT_FORMAT, settings: { ...DEFAULT_SETTINGS, enabled: false, tooltipDelay: -1 } }), /broken\.json has invalid values \(tooltipDelay\)\. Nothing was changed\./],
    ];
    for (const [file, text, message] of bad) {
      await upload(h, page, file, text);
      await until(`the error for ${file}`, result, (t) => message.test(t));
      expect(await readStoredSettings(h)).toEqual(DEFAULT_SETTINGS);
    }
    const wanted = { ...defaultSettings(), intensity: 'strong' as const, kinds: { term: false, fact: true, caveat: true, conflict: true } };
    await upload(h, page, 'mine.json', exportSettings(wanted));
    await until('the import', result, (t) => t.startsWith('Imported settings from mine.json'));
    expect(await readStoredSettings(h)).toEqual(wanted);
    // the page shows what was imported
    expect(await page.evaluate(() => (document.querySelector('input[name=kind-term]') as HTMLInputElement).checked)).toBe(false);
    await storeSettings(h, defaultSettings());
    await page.close();
  });

  it('makes no network request', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
