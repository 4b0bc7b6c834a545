/**
 * One small API over real Chromium (playwright-core) and real Firefox ESR
 * (puppeteer-core over WebDriver BiDi), so an end-to-end test is written once
 * and run in both:
 *
 * ```ts
 * import { BROWSERS, launch, type Harness } from './harness';
 *
 * describe.each(BROWSERS)('%s', (name) => {
 *   let h: Harness;
 *   beforeAll(async () => { h = await launch(name); });
 *   afterAll(async () => { await h?.close(); });
 *
 *   it('marks a term', async () => {
 *     h.serve('https://www.reuters.com/technology/x/', '<p>Amazon, Anthropic and AWS…</p>');
 *     const page = await h.open('https://www.reuters.com/technology/x/');
 *     await page.waitForFunction(() => document.documentElement.dataset.dealLensState === 'done');
 *     const tabId = await h.tabIdOf(page);
 *     const badge = await h.extensionEval((api, id) => api.action.getBadgeText({ tabId: id }), tabId);
 *     expect(h.strayRequests).toEqual([]);
 *   });
 * });
 * ```
 *
 * API
 * - `launch(name, opts?)` starts the browser with the built extension loaded
 *   (`$DEAL_LENS_DIST` or `dist`, then `/chrome` or `/firefox`). Browser binary from
 *   `CHROME_PATH` / `FIREFOX_PATH`, else the standard Debian locations; a missing
 *   browser or an unbuilt extension throws an Error saying how to fix it (never a skip).
 * - `serve(url, html | {body, contentType?, status?, headers?})` answers that exact
 *   URL (fragment ignored) from memory, e.g. `https://www.reuters.com/technology/…`.
 *   Content scripts match such pages exactly as on the real site.
 * - `strayRequests`: every request that was not served, answered locally (404) and
 *   listed here, including any the extension itself makes (page, content script,
 *   background). Tests assert it is empty. `browserRequests` lists the browser's own
 *   traffic (Firefox's Mozilla services, tab favicons), also answered locally and not
 *   counted: none of it comes from the extension or the page's content.
 * - `open(url)` opens a fresh tab at `url` and waits for `load`; returns a
 *   `HarnessPage`: `evaluate(fn, arg)`, `waitForFunction(fn, arg, {timeout})`,
 *   `hover/focus/click(selector)`, `press(key)`, `screenshot(path)`,
 *   `setViewport({width, height})`, `goto(url)`, `close()`, `url()`, and `raw` (the
 *   playwright or puppeteer Page, for anything else).
 * - `openExtensionPage('popup.html' | 'options.html', query?)` opens an extension
 *   page in a tab (`chrome-extension://<id>/…` or `moz-extension://<uuid>/…`) and
 *   waits until it has loaded.
 * - `extensionEval((api, arg) => …, arg)` runs a function with extension
 *   privileges; `api` is the `browser` namespace (promise-based in both browsers).
 *   It runs in a neutral extension document (the extension's manifest.json), so no
 *   popup or options code runs as a side effect. The function is sent as source
 *   text: it must not use variables from the test's scope, only `api` and `arg`.
 * - `tabIdOf(page | url)` gives the tab id of a page the harness opened. It brings
 *   that tab to the front (the extension may not read tab URLs without the `tabs`
 *   permission, but may see which tab is active).
 * - `close()` closes the browser, stops the local proxy and deletes the temporary
 *   profile.
 */
import { chromium, type BrowserContext, type Page as PlaywrightPage, type Route, type Worker } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type HTTPRequest, type Page as PuppeteerPage } from 'puppeteer-core';
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The moz-extension:// host we ask Firefox to use, so extension page URLs are known in advance. */
export const FIREFOX_EXTENSION_UUID = '5d1c7e0a-3b8f-4c2e-9a6d-0e4f2b7c1a93';

/** Flags from BROWSER-TESTING.md; `--disable-extensions-except` and `--load-extension` are added per run. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const BROWSER_PATHS: Record<BrowserName, { env: string; candidates: string[]; install: string; label: string }> = {
  chromium: {
    env: 'CHROME_PATH',
    candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
    install: 'apt-get install -y chromium',
    label: 'Chromium',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    candidates: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    install: 'apt-get install -y firefox-esr',
    label: 'Firefox',
  },
};

/** Hosts of Firefox's own services: traffic to them is the browser's, never the extension's. */
const MOZILLA_SERVICE_HOST = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net|dummy\.test)$/i;

export interface LaunchOptions {
  /** Default true. A headed run needs a display. */
  headless?: boolean;
  /** Initial viewport of every tab. Default 1280×800. */
  viewport?: { width: number; height: number };
  /** Folder holding `chrome/` and `firefox/`. Default `$DEAL_LENS_DIST` or `dist`. */
  dist?: string;
}

export type Served = string | { body: string | Buffer; contentType?: string; status?: number; headers?: Record<string, string> };

export interface WaitOptions {
  /** Milliseconds; default 10 000. */
  timeout?: number;
}

export interface HarnessPage {
  /** The playwright (Chromium) or puppeteer (Firefox) page, for anything the harness does not wrap. */
  readonly raw: PlaywrightPage | PuppeteerPage;
  url(): string;
  /** Runs `fn(arg)` in the page's main world and returns its (serializable) result. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Resolves once `fn(arg)` returns a truthy value in the page (polled every 100 ms). */
  waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, opts?: WaitOptions): Promise<void>;
  hover(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  /** A key name as in KeyboardEvent.key: 'Escape', 'Tab', 'Enter', 'ArrowDown'… */
  press(key: string): Promise<void>;
  click(selector: string): Promise<void>;
  screenshot(path: string, opts?: { fullPage?: boolean }): Promise<void>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  /** Navigates this tab and waits for `load`. */
  goto(url: string): Promise<void>;
  close(): Promise<void>;
}

export interface Harness {
  readonly name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`, no trailing slash. */
  readonly extensionOrigin: string;
  /** Requests nothing served, answered 404 locally. Must stay empty. */
  readonly strayRequests: string[];
  /** The browser's own traffic (not the page's, not the extension's), answered locally. */
  readonly browserRequests: string[];
  serve(url: string, content: Served): void;
  open(url: string): Promise<HarnessPage>;
  openExtensionPage(path: string, query?: string | Record<string, string>): Promise<HarnessPage>;
  extensionEval<R, A = undefined>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  tabIdOf(target: HarnessPage | string): Promise<number>;
  close(): Promise<void>;
}

/** The browser binary: `$CHROME_PATH`/`$FIREFOX_PATH`, else the standard locations, else a clear error. */
export function findBrowser(name: BrowserName): string {
  const b = BROWSER_PATHS[name];
  const fromEnv = process.env[b.env];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${b.env}=${fromEnv} does not exist. Point it at a ${b.label} binary, or unset it and install ${b.label}: ${b.install}`);
    return fromEnv;
  }
  const found = b.candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `${b.label} not found (looked at $${b.env}, ${b.candidates.join(', ')}). ` +
        `Install it with: apt-get update && ${b.install} — or set ${b.env} to the browser binary.`,
    );
  }
  return found;
}

/** The built, unpacked extension for this browser, or a clear error saying how to build it. */
export function extensionDir(name: BrowserName, dist = process.env.DEAL_LENS_DIST ?? 'dist'): string {
  const dir = resolve(ROOT, dist, name === 'chromium' ? 'chrome' : 'firefox');
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(
      `The extension is not built: ${dir}/manifest.json is missing. ` +
        `Run \`node build.mjs\` (or \`node build.mjs --outdir ${dist}\` and set DEAL_LENS_DIST=${dist}) first.`,
    );
  }
  return dir;
}

export async function launch(name: BrowserName, opts: LaunchOptions = {}): Promise<Harness> {
  return name === 'chromium' ? launchChromium(opts) : launchFirefox(opts);
}

// ---------------------------------------------------------------------------
// Shared pieces

/** Served pages plus the stray and browser request logs, one per harness. */
class Routes {
  readonly pages = new Map<string, Served>();
  readonly stray: string[] = [];
  readonly browser: string[] = [];

  serve(url: string, content: Served): void {
    this.pages.set(withoutHash(url), content);
  }

  /** What to answer for `url`: a served page, or a 404 recorded as stray (or as the browser's own favicon fetch). */
  answer(url: string): { status: number; body: string | Buffer; contentType: string; headers: Record<string, string> } {
    const hit = this.pages.get(withoutHash(url));
    if (hit !== undefined) {
      const s = typeof hit === 'string' ? { body: hit } : hit;
      return { status: s.status ?? 200, body: s.body, contentType: s.contentType ?? 'text/html; charset=utf-8', headers: s.headers ?? {} };
    }
    // Browsers fetch /favicon.ico for the tab strip on their own.
    if (new URL(url).pathname === '/favicon.ico') this.browser.push(url);
    else this.stray.push(url);
    return { status: 404, body: '', contentType: 'text/plain', headers: {} };
  }
}

function withoutHash(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/** Extension-internal and in-memory URLs never touch the network. */
function isLocalScheme(url: string): boolean {
  return /^(chrome-extension|moz-extension|data|blob|about):/.test(url);
}

function extensionPageUrl(origin: string, path: string, query?: string | Record<string, string>): string {
  const q = query === undefined ? '' : typeof query === 'string' ? query.replace(/^\?/, '') : new URLSearchParams(query).toString();
  return `${origin}/${path.replace(/^\//, '')}${q ? `?${q}` : ''}`;
}

/** Source text that calls `fn(api, arg)` in an extension document. */
function extensionCall(fn: (api: ExtensionApi, arg: never) => unknown, arg: unknown): string {
  return `(${fn.toString()})(globalThis.browser ?? globalThis.chrome, ${arg === undefined ? 'undefined' : JSON.stringify(arg)})`;
}

const DEFAULT_VIEWPORT = { width: 1280, height: 800 };
const DEFAULT_TIMEOUT = 10_000;

// ---------------------------------------------------------------------------
// Chromium: playwright-core, one persistent context, every request routed.

async function launchChromium(opts: LaunchOptions): Promise<Harness> {
  const executablePath = findBrowser('chromium');
  const extDir = extensionDir('chromium', opts.dist);
  const profile = mkdtempSync(join(tmpdir(), 'deal-lens-chromium-'));
  const routes = new Routes();
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: opts.headless ?? true,
      viewport: opts.viewport ?? DEFAULT_VIEWPORT,
      args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...CHROMIUM_ARGS],
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    throw e;
  }
  // Routes every request of every page, extension page and the service worker.
  await context.route('**/*', (route: Route) => {
    const url = route.request().url();
    if (isLocalScheme(url)) return route.continue();
    const a = routes.answer(url);
    return route.fulfill({ status: a.status, body: a.body, contentType: a.contentType, headers: a.headers });
  });
  const isOurWorker = (w: Worker) => w.url().startsWith('chrome-extension://');
  let worker = context.serviceWorkers().find(isOurWorker);
  if (!worker) {
    worker = await context.waitForEvent('serviceworker', { predicate: isOurWorker, timeout: 15_000 }).catch(async (e: unknown) => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
      throw new Error(`Chromium did not start the extension's service worker within 15 s: it probably refused to load ${extDir}. ${chromeLoadHints(extDir)}(${String(e)})`);
    });
  }
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`; // URL.origin is "null" for this scheme in Node

  const opened: HarnessPage[] = [];
  let evalPage: PlaywrightPage | undefined;
  const wrap = (page: PlaywrightPage): HarnessPage => {
    const h: HarnessPage = {
      raw: page,
      url: () => page.url(),
      evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
      waitForFunction: async (fn, arg, o = {}) => {
        await page.waitForFunction(fn as never, arg, { timeout: o.timeout ?? DEFAULT_TIMEOUT, polling: 100 });
      },
      hover: (s) => page.hover(s),
      focus: (s) => page.focus(s),
      press: (k) => page.keyboard.press(k),
      click: (s) => page.click(s),
      screenshot: async (path, o = {}) => {
        await page.screenshot({ path, fullPage: o.fullPage ?? false });
      },
      setViewport: (size) => page.setViewportSize(size),
      goto: async (url) => {
        await page.goto(url, { waitUntil: 'load' });
      },
      close: () => page.close(),
    };
    opened.push(h);
    return h;
  };

  let closed = false;
  const harness: Harness = {
    name: 'chromium',
    extensionOrigin,
    strayRequests: routes.stray,
    browserRequests: routes.browser,
    serve: (url, content) => routes.serve(url, content),
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return wrap(page);
    },
    async openExtensionPage(path, query) {
      const page = await context.newPage();
      await page.goto(extensionPageUrl(extensionOrigin, path, query), { waitUntil: 'load' });
      return wrap(page);
    },
    async extensionEval(fn, arg) {
      if (!evalPage || evalPage.isClosed()) {
        evalPage = await context.newPage();
        await evalPage.goto(`${extensionOrigin}/manifest.json`);
      }
      return (await evalPage.evaluate(extensionCall(fn as never, arg))) as never;
    },
    async tabIdOf(target) {
      const page = resolveTarget(opened, target);
      await harness.extensionEval(() => null); // open the eval tab first: opening it later would make it the active one
      await (page.raw as PlaywrightPage).bringToFront();
      return activeTabId(harness);
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  return harness;
}

/**
 * Chromium refuses a broken unpacked extension silently (the error shows only in
 * chrome://extensions): look for the usual causes so the failure says what to fix.
 */
function chromeLoadHints(extDir: string): string {
  const hints: string[] = [];
  const locales = join(extDir, '_locales');
  for (const lang of existsSync(locales) ? readdirSync(locales) : []) {
    const file = join(locales, lang, 'messages.json');
    if (!existsSync(file)) continue;
    try {
      const bad = Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object).filter((k) => !/^[A-Za-z0-9_@]+$/.test(k));
      if (bad.length) hints.push(`_locales/${lang}/messages.json has message names Chrome rejects (only A-Z, a-z, 0-9, _ and @ are allowed): ${bad.join(', ')}.`);
    } catch (e) {
      hints.push(`_locales/${lang}/messages.json is not valid JSON: ${(e as Error).message}.`);
    }
  }
  try {
    JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8'));
  } catch (e) {
    hints.push(`manifest.json is not valid JSON: ${(e as Error).message}.`);
  }
  return hints.length ? `${hints.join(' ')} ` : 'Load it by hand in chrome://extensions (Developer mode, Load unpacked) to see the error. ';
}

// ---------------------------------------------------------------------------
// Firefox: puppeteer-core over WebDriver BiDi. Pages are intercepted per tab;
// everything else (the background script, the browser's own services) goes
// through a local proxy that answers and records it, so nothing leaves the machine.

async function launchFirefox(opts: LaunchOptions): Promise<Harness> {
  const executablePath = findBrowser('firefox');
  const extDir = extensionDir('firefox', opts.dist);
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${extDir}/manifest.json has no browser_specific_settings.gecko.id: the harness needs a fixed id to know the extension's URL`);

  const routes = new Routes();
  const proxy = await startRecordingProxy((target) => {
    const host = target.replace(/^[a-z]+:\/\//i, '').replace(/[:/].*$/, '');
    (MOZILLA_SERVICE_HOST.test(host) ? routes.browser : routes.stray).push(target);
  });
  const profile = mkdtempSync(join(tmpdir(), 'deal-lens-firefox-'));
  let browser: PuppeteerBrowser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: opts.headless ?? true,
      userDataDir: profile,
      defaultViewport: opts.viewport ?? DEFAULT_VIEWPORT,
      // Needed to open moz-extension:// pages over BiDi.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.proxy.share_proxy_settings': true,
      },
    });
    await browser.installExtension(extDir);
  } catch (e) {
    proxy.server.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    throw e;
  }
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

  const intercepted = new WeakSet<PuppeteerPage>();
  const intercept = async (page: PuppeteerPage) => {
    if (intercepted.has(page)) return;
    intercepted.add(page);
    page.on('request', (req: HTTPRequest) => {
      if (req.isInterceptResolutionHandled()) return;
      const url = req.url();
      if (isLocalScheme(url)) return void req.continue().catch(() => undefined);
      const a = routes.answer(url);
      void req.respond({ status: a.status, body: a.body, contentType: a.contentType, headers: a.headers }).catch(() => undefined);
    });
    await page.setRequestInterception(true);
  };
  // Tabs the extension opens by itself get the same treatment (their first request may go to the proxy).
  browser.on('targetcreated', (t) => {
    void t
      .page()
      .then((p) => p && intercept(p))
      .catch(() => undefined);
  });
  const newTab = async () => {
    const page = await browser.newPage();
    await intercept(page);
    return page;
  };

  const opened: HarnessPage[] = [];
  let evalPage: PuppeteerPage | undefined;
  const wrap = (page: PuppeteerPage): HarnessPage => {
    const h: HarnessPage = {
      raw: page,
      url: () => page.url(),
      evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
      waitForFunction: async (fn, arg, o = {}) => {
        const deadline = Date.now() + (o.timeout ?? DEFAULT_TIMEOUT);
        for (;;) {
          try {
            // The default requestAnimationFrame polling hangs in Firefox over BiDi.
            await page.waitForFunction(fn as never, { polling: 100, timeout: Math.max(1, deadline - Date.now()) }, arg);
            return;
          } catch (e) {
            // A poll that lands mid-navigation fails with a protocol error: keep waiting.
            const why = `${String(e)} ${String((e as { cause?: unknown }).cause ?? '')}`;
            if (!/protocol error|context was destroyed|navigat/i.test(why) || Date.now() >= deadline) throw e;
          }
        }
      },
      hover: (s) => page.hover(s),
      focus: (s) => page.focus(s),
      press: (k) => page.keyboard.press(k as never),
      click: (s) => page.click(s),
      screenshot: async (path, o = {}) => {
        await page.screenshot({ path: path as `${string}.png`, fullPage: o.fullPage ?? false });
      },
      setViewport: (size) => page.setViewport(size),
      goto: async (url) => {
        await page.goto(url, { waitUntil: 'load' });
      },
      close: () => page.close(),
    };
    opened.push(h);
    return h;
  };

  /**
   * Puppeteer may never see a moz-extension:// navigation finish: start it and
   * poll the document instead. Polled by hand, not with waitForFunction: an
   * evaluation that lands mid-navigation fails with a protocol error, which
   * would end a waitForFunction; here it is just another miss.
   */
  const loadExtensionPage = async (page: PuppeteerPage, url: string) => {
    void page.goto(url).catch(() => undefined);
    const deadline = Date.now() + 15_000;
    let last = '';
    while (Date.now() < deadline) {
      const state = await page.evaluate(() => [location.href, document.readyState]).catch((e: unknown) => [String(e), '']);
      if (state[0] === url && state[1] === 'complete') return;
      last = state.join(' ');
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`extension page did not load: ${url} (last seen: ${last})`);
  };

  let closed = false;
  const harness: Harness = {
    name: 'firefox',
    extensionOrigin,
    strayRequests: routes.stray,
    browserRequests: routes.browser,
    serve: (url, content) => routes.serve(url, content),
    async open(url) {
      const page = await newTab();
      await page.goto(url, { waitUntil: 'load' });
      return wrap(page);
    },
    async openExtensionPage(path, query) {
      const page = await newTab();
      await loadExtensionPage(page, extensionPageUrl(extensionOrigin, path, query));
      return wrap(page);
    },
    async extensionEval(fn, arg) {
      if (!evalPage || evalPage.isClosed()) {
        evalPage = await newTab();
        await loadExtensionPage(evalPage, `${extensionOrigin}/manifest.json`);
      }
      return (await evalPage.evaluate(extensionCall(fn as never, arg))) as never;
    },
    async tabIdOf(target) {
      const page = resolveTarget(opened, target);
      await harness.extensionEval(() => null); // open the eval tab first: opening it later would make it the active one
      await (page.raw as PuppeteerPage).bringToFront();
      return activeTabId(harness);
    },
    async close() {
      if (closed) return;
      closed = true;
      await browser.close().catch(() => undefined);
      await new Promise<void>((r) => proxy.server.close(() => r()));
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  return harness;
}

/**
 * A local HTTP proxy that never connects anywhere: it answers plain requests with
 * 404, refuses CONNECT tunnels, and reports each target (`https://host:443` or the URL).
 */
async function startRecordingProxy(record: (target: string) => void): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    record(req.url ?? '');
    res.writeHead(404, { 'content-type': 'text/plain' }).end();
  });
  server.on('connect', (req, socket) => {
    record(`https://${req.url ?? ''}`);
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('proxy did not get a port');
  return { server, port: addr.port };
}

// ---------------------------------------------------------------------------

function resolveTarget(opened: HarnessPage[], target: HarnessPage | string): HarnessPage {
  if (typeof target !== 'string') return target;
  const want = withoutHash(target);
  const page = [...opened].reverse().find((p) => !isClosed(p) && withoutHash(p.url()) === want);
  if (!page) throw new Error(`tabIdOf: no open page at ${target} (open: ${opened.map((p) => p.url()).join(', ') || 'none'})`);
  return page;
}

function isClosed(p: HarnessPage): boolean {
  return (p.raw as { isClosed(): boolean }).isClosed();
}

/** The id of the active tab of the focused window, after the caller brought its page to the front. */
async function activeTabId(h: Harness): Promise<number> {
  const ids = await h.extensionEval(async (api) => {
    const tabs = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tabs.map((t) => t.id);
  });
  const id = ids[0];
  if (ids.length !== 1 || typeof id !== 'number') throw new Error(`tabIdOf: expected one active tab, got ${JSON.stringify(ids)}`);
  return id;
}
