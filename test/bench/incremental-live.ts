/**
 * The content script's own incremental passes, measured in the built extension
 * (not a copy of its code): a short deal page and a 20-article deal page (the
 * bench's pages) are opened in Chromium and Firefox; a page script appends the
 * same batch of 5 deal paragraphs again and again, and each time the duration
 * of the `deal-lens:scan` measure the content script records for that pass is
 * read. The goal (issue 5): a batch costs the same on both pages — the work
 * follows what changed, not the page.
 *
 *   node build.mjs --outdir dist-content && DEAL_LENS_DIST=dist-content npx tsx test/bench/incremental-live.ts
 *   ROUNDS=20 … for more rounds (default 12); BROWSERS=chromium for one browser
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSERS, launch, type BrowserName, type HarnessPage } from '../e2e/harness';
import { dealBatch, median, seedTexts, shortPage, syntheticPage } from './pages';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ROUNDS = Number(process.env.ROUNDS ?? 12);
const browsers = (process.env.BROWSERS?.split(',') ?? BROWSERS) as BrowserName[];

const seeds = seedTexts(join(ROOT, '../shared/seeds'));
const pages = { short: shortPage(seeds), long: syntheticPage(seeds) };
const batch = dealBatch(seeds, 5);

/** Append the batch to <main> (as a page script would) and return the new pass's measure, once recorded. */
async function appendAndMeasure(page: HarnessPage): Promise<{ ms: number; marks: number }> {
  const before = await page.evaluate(() => performance.getEntriesByName('deal-lens:scan', 'measure').length);
  const marksBefore = await page.evaluate(() => document.querySelectorAll('deal-lens-mark').length);
  await page.evaluate((html) => {
    const tpl = document.createElement('template');
    tpl.innerHTML = html; // the page's own script, in the page's world: test data, not extension code
    const main = document.querySelector('main') ?? document.body;
    for (const n of Array.from(tpl.content.childNodes)) main.appendChild(n);
  }, batch);
  await page.waitForFunction((n) => performance.getEntriesByName('deal-lens:scan', 'measure').length > n, before, { timeout: 15_000 });
  // let a second pass (if the batch arrived in two) land before reading
  await new Promise((r) => setTimeout(r, 300));
  const entries = await page.evaluate((n) => performance.getEntriesByName('deal-lens:scan', 'measure').slice(n).map((e) => e.duration), before);
  const marks = await page.evaluate(() => document.querySelectorAll('deal-lens-mark').length);
  return { ms: entries.reduce((a, b) => a + b, 0), marks: marks - marksBefore };
}


for (const name of browsers) {
  const h = await launch(name);
  try {
    const opened: Record<string, HarnessPage> = {};
    const stats: Record<string, { pages: number; marks: number; ms: number[]; firstPass: number }> = {};
    for (const [key, p] of Object.entries(pages)) {
      const url = `https://www.reuters.com/technology/bench-incremental-${key}/`;
      h.serve(url, p.html);
      const page = await h.open(url);
      await page.waitForFunction(() => document.documentElement.getAttribute('data-deal-lens-state') === 'done', undefined, { timeout: 30_000 });
      opened[key] = page;
      const first = await page.evaluate(() => performance.getEntriesByName('deal-lens:scan', 'measure')[0]?.duration ?? NaN);
      const marks = await page.evaluate(() => document.querySelectorAll('deal-lens-mark').length);
      stats[key] = { pages: p.html.length, marks, ms: [], firstPass: first };
    }
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // alternate which page goes first, so machine noise hits both sides alike
      const order = round % 2 ? (['long', 'short'] as const) : (['short', 'long'] as const);
      const got: Record<string, number> = {};
      for (const key of order) {
        const r = await appendAndMeasure(opened[key]!);
        got[key] = r.ms;
        if (round > 0) stats[key]!.ms.push(r.ms); // round 0 warms the JIT
      }
      if (round > 0) ratios.push(got.long! / got.short!);
    }
    console.log(`\n${name}: incremental pass for a batch of 5 appended deal paragraphs (${ROUNDS - 1} rounds after one warm-up)`);
    console.log('| page | html chars | marks after first pass | first pass ms | batch median ms | min | max |');
    console.log('|:---|---:|---:|---:|---:|---:|---:|');
    for (const [key, s] of Object.entries(stats)) {
      console.log(`| ${pages[key as keyof typeof pages].name} | ${s.pages} | ${s.marks} | ${s.firstPass.toFixed(1)} | ${median(s.ms).toFixed(2)} | ${Math.min(...s.ms).toFixed(2)} | ${Math.max(...s.ms).toFixed(2)} |`);
    }
    console.log(`long / short, median of per-round ratios: ${median(ratios).toFixed(2)}× (goal ≈ 1)`);
    if (h.strayRequests.length) console.log(`stray requests: ${h.strayRequests.join(', ')}`);
  } finally {
    await h.close();
  }
}
