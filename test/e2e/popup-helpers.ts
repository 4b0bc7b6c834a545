/**
 * Fixtures and browser steps shared by the popup, options and badge tests.
 * Pages are served at news URLs by the harness; nothing leaves the machine.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { Harness, HarnessPage } from './harness';

export const GECKO_ID = 'deal-lens@deal-lens.app';

/** Filler that keeps the deal's claims below the fold, so revealing one has to scroll. */
const FILLER = Array.from(
  { length: 30 },
  (_, i) => `<p>Paragraph ${i + 1} of background: the cloud market kept growing this quarter, with data centres, power contracts and chip supply in the news.</p>`,
).join('\n');

/** An article about the deal with every kind of annotation: terms, facts, caveats and a conflict. */
export const DEAL_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Amazon to invest up to $25 billion in Anthropic in expanded cloud deal</title></head>
<body><header style="height:40px">News</header><article>
<h1>Amazon to invest up to $25 billion in Anthropic in expanded cloud deal</h1>
<p>Amazon will invest $5 billion in Anthropic now and up to $20 billion more if milestones are met, the companies said on Monday.</p>
<p>In return Anthropic committed to spending more than $100 billion on AWS over ten years, much of it on Trainium chips that Amazon designs itself.</p>
${FILLER}
<p>The deal gives Anthropic up to 5 gigawatts of new capacity.</p>
<p>Amazon is paying $25 billion in cash upfront to Anthropic.</p>
<p>Anthropic says its annualized revenue run-rate is above $30 billion.</p>
<p>Anthropic was valued at $61.5 billion in its Series E round in March 2025, and at $183 billion in its Series F round in September 2025.</p>
</article></body></html>`;

/** An article on a news site that is not about the deal. */
export const OTHER_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rail strike ends after pay deal</title></head>
<body><article><h1>Rail strike ends after pay deal</h1>
<p>Train drivers returned to work on Tuesday after unions accepted a two-year pay offer.</p>
<p>Commuters faced a third week of cancellations before the agreement was reached late on Monday.</p>
</article></body></html>`;

export interface MarkInfo {
  id: string;
  kind: string;
  text: string;
}

/** Waits until the content script's pass is done (the contract's `data-deal-lens-state`). */
export function waitDone(page: HarnessPage, timeout = 15_000): Promise<void> {
  return page.waitForFunction(() => document.documentElement.getAttribute('data-deal-lens-state') === 'done', undefined, { timeout });
}

/** The annotations on the page, in document order (our fixtures never split one across inline elements). */
export function marksOf(page: HarnessPage): Promise<MarkInfo[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-deal-lens-kind]')].map((el) => ({
      id: el.getAttribute('data-deal-lens-id') ?? '',
      kind: el.getAttribute('data-deal-lens-kind') ?? '',
      text: el.textContent ?? '',
    })),
  );
}

export function badgeOf(h: Harness, tabId: number): Promise<{ text: string; color: number[] }> {
  return h.extensionEval(
    async (api, id) => ({
      text: await api.action.getBadgeText({ tabId: id }),
      color: (await api.action.getBadgeBackgroundColor({ tabId: id })) as number[],
    }),
    tabId,
  );
}

export function readStoredSettings(h: Harness): Promise<unknown> {
  return h.extensionEval(async (api) => (await api.storage.sync.get('settings')).settings);
}

export function storeSettings(h: Harness, value: unknown): Promise<void> {
  return h.extensionEval(async (api, v) => void (await api.storage.sync.set({ settings: v })), value);
}

/**
 * Waits for `fn` in the page's window, polling from Node: unlike waitForFunction
 * it survives the page being in a background tab, where timers may be throttled.
 */
export async function until<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await fn();
    if (ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Grants activeTab on the page's tab as a click on the toolbar button would.
 * Chromium: the DevTools protocol's Extensions.triggerAction on the tab target.
 * Firefox: the extension's tab manager, reached through the browser's own
 * (privileged) window over WebDriver BiDi; the page's tab must be selected.
 */
export async function grantActiveTab(h: Harness, page: HarnessPage): Promise<void> {
  if (h.name === 'chromium') {
    const raw = page.raw as PlaywrightPage;
    const browser = raw.context().browser();
    if (!browser) throw new Error('no browser for CDP');
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{}] } as never)) as { targetInfos: { type: string; url: string; targetId: string }[] };
    const url = raw.url();
    const tab = targetInfos.find((t) => t.type === 'tab' && t.url === url);
    if (!tab) throw new Error(`no tab target for ${url}`);
    const id = new URL(h.extensionOrigin).host;
    await cdp.send('Extensions.triggerAction' as never, { id, targetId: tab.targetId } as never);
    await cdp.detach();
    // The action's popup opens as a side effect: close it, the tests open popup.html as a tab.
    for (const p of raw.context().pages()) if (p.url().startsWith(`${h.extensionOrigin}/popup.html`) && !p.url().includes('?')) await p.close();
    return;
  }
  await (page.raw as PuppeteerPage).bringToFront();
  await firefoxChrome(
    page,
    `(() => {
      const win = Services.wm.getMostRecentWindow('navigator:browser');
      const ext = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
      ext.tabManager.addActiveTabPermission(win.gBrowser.selectedTab);
      return true;
    })()`,
  );
}

/**
 * Lets Firefox grant optional permissions without a prompt (a headless browser
 * cannot click "Allow"): permissions.request then resolves true, as if the
 * reader accepted. Chromium has no such switch.
 */
export async function acceptPermissionPrompts(h: Harness, page: HarnessPage): Promise<void> {
  if (h.name !== 'firefox') throw new Error('only Firefox can accept permission prompts headless');
  await firefoxChrome(page, `(Services.prefs.setBoolPref('extensions.webextOptionalPermissionPrompts', false), true)`);
}

/**
 * Firefox does not run a smooth scroll in a background tab, and the popup-as-a-tab
 * keeps the page in the background: ask for reduced motion (the content script then
 * jumps), so a reveal does not depend on how fast the tab comes to the front.
 */
export async function reduceMotionInFirefox(h: Harness, page: HarnessPage): Promise<void> {
  if (h.name === 'firefox') await firefoxChrome(page, `(Services.prefs.setIntPref('ui.prefersReducedMotion', 1), true)`);
}

/** Evaluates `expression` in Firefox's privileged browser window (needs --remote-allow-system-access, which the harness passes). */
async function firefoxChrome(page: HarnessPage, expression: string): Promise<unknown> {
  const conn = (page.raw as PuppeteerPage).browser() as unknown as { connection: { send(m: string, p: unknown): Promise<{ result: unknown }> } };
  const tree = (await conn.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
  const context = tree.contexts[0]?.context;
  if (!context) throw new Error('no Firefox chrome window');
  const r = (await conn.connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true })).result as { type: string; exceptionDetails?: unknown; result?: unknown };
  if (r.type !== 'success') throw new Error(`Firefox chrome eval failed: ${JSON.stringify(r.exceptionDetails)}`);
  return r.result;
}

/** Prefers-color-scheme for screenshots (Chromium only: the docs use its rendering). */
export async function colorScheme(page: HarnessPage, scheme: 'light' | 'dark'): Promise<void> {
  await (page.raw as PlaywrightPage).emulateMedia({ colorScheme: scheme });
}

/** Whether the element matching `selector` in the page is inside the viewport. */
export function inViewport(page: HarnessPage, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  }, selector);
}
