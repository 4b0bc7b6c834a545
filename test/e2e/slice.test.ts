/**
 * The foundation's end-to-end slice, in real Chromium and real Firefox: the
 * content script marks terms on a news URL, leaves other sites alone, says `no`
 * on a page not about the deal, the badge counts the marks, popup and options
 * render and share settings through storage.sync, and the extension makes no
 * network request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { BROWSERS, launch, type Harness, type HarnessPage } from './harness';
import { loadDefaultDataset } from '../../src/node/load-dataset';
import { DEFAULT_SETTINGS, SETTINGS_KEY, defaultSettings, readSettings } from '../../src/core/settings';

const dataset = loadDefaultDataset();

const DEAL_URL = 'https://www.reuters.com/technology/amazon-anthropic-slice-2026-04-21/';
const DEAL_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Amazon to invest $5 billion more in Anthropic in expanded cloud deal</title></head>
<body><article>
<h1>Amazon to invest $5 billion more in Anthropic in expanded cloud deal</h1>
<p>Amazon will invest $5 billion in Anthropic now and up to $20 billion more if milestones are met, the companies said on Monday.</p>
<p>In return Anthropic committed to spending more than $100 billion on AWS over ten years, much of it on Trainium chips that Amazon designs itself.</p>
<p>The deal gives Anthropic up to 5 gigawatts of new capacity, and Amazon says Trainium supply for the Claude maker will grow through 2026.</p>
<p>Amazon had already invested $8 billion in Anthropic, which trains its models on Amazon Web Services.</p>
</article></body></html>`;

const OFF_LIST_URL = 'https://example.org/technology/amazon-anthropic-slice/';

const OTHER_URL = 'https://www.reuters.com/world/europe/rail-strike-ends-2026-04-21/';
const OTHER_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rail strike ends after pay deal</title></head>
<body><article>
<h1>Rail strike ends after pay deal</h1>
<p>Train drivers returned to work on Tuesday after unions accepted a two-year pay offer.</p>
<p>Commuters faced a third week of cancellations before the agreement was reached late on Monday.</p>
</article></body></html>`;

/** Text of the served article, as a browser reads it before any change. */
function articleText(html: string): string {
  return parseHTML(html).document.querySelector('article')?.textContent ?? '';
}

/** Every way the dataset lets a term be written, per term id (exact forms keep their case). */
function termForms(): Map<string, { loose: string[]; exact: string[] }> {
  const m = new Map<string, { loose: string[]; exact: string[] }>();
  for (const t of dataset.terms) m.set(t.id, { loose: t.forms.map((f) => f.toLowerCase()), exact: [...(t.exactForms ?? [])] });
  return m;
}

const pageState = (page: HarnessPage) =>
  page.evaluate(() => {
    const html = document.documentElement;
    return {
      state: html.getAttribute('data-deal-lens-state'),
      about: html.getAttribute('data-deal-lens-about'),
      attrs: [...html.attributes].map((a) => a.name).filter((n) => n.startsWith('data-deal-lens')),
      marks: [...document.querySelectorAll('[data-deal-lens-kind]')].map((el) => ({
        id: el.getAttribute('data-deal-lens-id'),
        kind: el.getAttribute('data-deal-lens-kind'),
        text: el.textContent,
      })),
      text: document.querySelector('article')?.textContent,
    };
  });

const waitDone = (page: HarnessPage) => page.waitForFunction(() => document.documentElement.getAttribute('data-deal-lens-state') === 'done');

describe.each(BROWSERS)('slice in %s', (name) => {
  let h: Harness;
  let dealPage: HarnessPage;
  let markCount = 0;

  beforeAll(async () => {
    h = await launch(name);
    h.serve(DEAL_URL, DEAL_HTML);
    h.serve(OFF_LIST_URL, DEAL_HTML);
    h.serve(OTHER_URL, OTHER_HTML);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('marks deal terms on a news site, wrapping exactly the matched text', async () => {
    dealPage = await h.open(DEAL_URL);
    await waitDone(dealPage);
    const s = await pageState(dealPage);
    expect(s.state).toBe('done');
    expect(s.about).toBe('yes');
    const terms = s.marks.filter((m) => m.kind === 'term');
    expect(terms.length).toBeGreaterThan(0);
    const forms = termForms();
    for (const m of terms) {
      const f = forms.get(m.id ?? '');
      expect(f, `unknown term id ${m.id}`).toBeDefined();
      const text = m.text ?? '';
      expect(f!.exact.includes(text) || f!.loose.includes(text.toLowerCase()), `"${text}" is not a form of ${m.id}`).toBe(true);
    }
    // The wrappers add elements, never text.
    expect(s.text).toBe(articleText(DEAL_HTML));
    markCount = s.marks.length;
  });

  it('shows the number of marks on the toolbar badge', async () => {
    expect(markCount).toBeGreaterThan(0);
    const tabId = await h.tabIdOf(dealPage);
    await expect
      .poll(() => h.extensionEval((api, id) => api.action.getBadgeText({ tabId: id }), tabId), { timeout: 10_000, interval: 100 })
      .toBe(String(markCount));
  });

  it('leaves a site that is not on the list untouched', async () => {
    const page = await h.open(OFF_LIST_URL);
    // The same article on a listed site, opened after, is annotated: the content script had its chance.
    const control = await h.open(DEAL_URL);
    await waitDone(control);
    expect((await pageState(control)).marks.length).toBeGreaterThan(0);
    const s = await pageState(page);
    expect(s.attrs).toEqual([]);
    expect(s.marks).toEqual([]);
    expect(s.text).toBe(articleText(DEAL_HTML));
    await control.close();
    await page.close();
  });

  it('says no and marks nothing on a news page not about the deal', async () => {
    const page = await h.open(OTHER_URL);
    await waitDone(page);
    const s = await pageState(page);
    expect(s.about).toBe('no');
    expect(s.marks).toEqual([]);
    expect(s.text).toBe(articleText(OTHER_HTML));
    const tabId = await h.tabIdOf(page);
    expect(await h.extensionEval((api, id) => api.action.getBadgeText({ tabId: id }), tabId)).toBe('');
    await page.close();
  });

  it('renders the popup and the options page with preact', async () => {
    for (const path of ['popup.html', 'options.html']) {
      const page = await h.openExtensionPage(path);
      await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
      const r = await page.evaluate(() => ({ text: document.getElementById('root')?.textContent ?? '', inputs: document.querySelectorAll('#root input, #root button, #root select').length }));
      expect(r.text.trim().length, path).toBeGreaterThan(0);
      expect(r.inputs, path).toBeGreaterThan(0);
      await page.close();
    }
  });

  it('round-trips a setting through storage.sync from the options page to the popup', async () => {
    const options = await h.openExtensionPage('options.html');
    const popup = await h.openExtensionPage('popup.html');
    // A change that leaves the extension on, in case anything runs after.
    const written = { ...defaultSettings(), intensity: DEFAULT_SETTINGS.intensity === 'strong' ? 'subtle' : 'strong' } as const;
    await options.evaluate(
      ([key, value]) => {
        const api = (globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }).chrome;
        return api.storage.sync.set({ [key]: value });
      },
      [SETTINGS_KEY, written] as const,
    );
    const read = await popup.evaluate((key) => {
      const api = (globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      return api.storage.sync.get(key).then((r) => r[key]);
    }, SETTINGS_KEY);
    expect(read).toEqual(written);
    expect(readSettings(read)).toEqual({ settings: written, problem: null });
    // Put the defaults back for anything that runs after.
    await h.extensionEval((api, [key, value]) => api.storage.sync.set({ [key]: value }), [SETTINGS_KEY, defaultSettings()] as const);
    await options.close();
    await popup.close();
  });

  it('made no network request', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
