/**
 * `npm start`: builds the extension (production), serves the bundled demo
 * article at a news-site URL through request interception (no network), and
 * opens Chromium with the extension loaded on it.
 *
 * With a display (`DISPLAY` or `WAYLAND_DISPLAY`) the browser stays open until
 * you close it. Without one it runs headless: it waits for the extension's pass,
 * prints the annotations grouped by kind, saves a screenshot, prints its path and
 * exits.
 *
 *   npm start
 *   npm start -- --headless --screenshot docs/screenshots/demo.png
 *   npm start -- --headed
 *   npm start -- --hover valuation-not-380b    (the annotation to hover for the screenshot)
 *
 * Any other arguments go to build.mjs (e.g. `--data DIR`); `DEAL_LENS_DIST`
 * picks the output folder as it does for the build and the tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page as PlaywrightPage } from 'playwright-core';
import { launch } from '../e2e/harness';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_URL = 'https://www.reuters.com/technology/amazon-anthropic-deal-2026-04-21/';
const DEMO_FILE = join(ROOT, 'test/fixtures/demo/article.html');

interface Mark {
  kind: string;
  id: string;
  text: string;
}

function parseArgs(argv: string[]) {
  let headless = !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  let screenshot: string | undefined;
  let hover: string | undefined;
  const build: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--headless') headless = true;
    else if (a === '--headed') headless = false;
    else if (a === '--screenshot') screenshot = argv[++i];
    else if (a === '--hover') hover = argv[++i];
    else build.push(a);
  }
  return { headless, screenshot, hover, build };
}

/** Prints the marks grouped by kind (conflicts first: they matter most), with counts. */
function report(about: string | null, marks: Mark[]): void {
  console.log(`\nDeal Lens on ${DEMO_URL}`);
  console.log(`about the deal: ${about ?? '(not set)'} · ${marks.length} annotation${marks.length === 1 ? '' : 's'}`);
  for (const kind of ['conflict', 'caveat', 'fact', 'term']) {
    const of = marks.filter((m) => m.kind === kind);
    if (!of.length) continue;
    console.log(`\n${kind} (${of.length})`);
    for (const m of of) console.log(`  ${m.id.padEnd(34)} "${m.text.replace(/\s+/g, ' ')}"`);
  }
  const other = marks.filter((m) => !['conflict', 'caveat', 'fact', 'term'].includes(m.kind));
  if (other.length) console.log(`\nunknown kind (${other.length}): ${other.map((m) => m.kind).join(', ')}`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const dist = process.env.DEAL_LENS_DIST ?? 'dist';

  const t0 = performance.now();
  const built = spawnSync(process.execPath, [join(ROOT, 'build.mjs'), ...args.build], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) return built.status ?? 1;
  console.log(`build: ${Math.round(performance.now() - t0)} ms`);

  const h = await launch('chromium', { headless: args.headless, dist });
  try {
    h.serve(DEMO_URL, readFileSync(DEMO_FILE, 'utf8'));
    const page = await h.open(DEMO_URL);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-deal-lens-state') === 'done', undefined, { timeout: 20_000 });
    const { about, marks } = await page.evaluate(() => ({
      about: document.documentElement.getAttribute('data-deal-lens-about'),
      marks: [...document.querySelectorAll('[data-deal-lens-kind]')].map((el) => ({
        kind: el.getAttribute('data-deal-lens-kind') ?? '',
        id: el.getAttribute('data-deal-lens-id') ?? '',
        text: el.textContent ?? '',
      })),
    }));
    report(about, marks);
    if (h.strayRequests.length) console.warn(`\nwarning: ${h.strayRequests.length} unexpected request(s), answered locally: ${h.strayRequests.join(', ')}`);

    if (!args.headless) {
      console.log('\nChromium is open on the demo article. Close the browser window to finish.');
      await new Promise<void>((r) => (page.raw as PlaywrightPage).context().once('close', () => r()));
      return 0;
    }

    // Hover an annotation (a conflict when there is one: the most telling) so its tooltip is in the picture.
    if (marks.length) {
      const target = args.hover
        ? `[data-deal-lens-id="${args.hover.replace(/[^a-z0-9-]/gi, '')}"]`
        : marks.some((m) => m.kind === 'conflict')
          ? 'article [data-deal-lens-kind="conflict"]'
          : 'article [data-deal-lens-kind]';
      await page.hover(target).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 800));
    }
    const shot = resolve(ROOT, args.screenshot ?? join(dist, 'demo.png'));
    mkdirSync(dirname(shot), { recursive: true });
    await page.screenshot(shot);
    console.log(`\nscreenshot: ${relative(process.cwd(), shot) || shot}`);
    return 0;
  } finally {
    await h.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
