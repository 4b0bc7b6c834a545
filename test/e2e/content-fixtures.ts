/**
 * Shared pieces of the in-page end-to-end tests: the fixture pages served at a
 * listed news URL (the content script runs) and at an unlisted one (it does
 * not: the baseline), what the page looks like (text, element boxes, DOM), and
 * what the same pipeline gives in Node (linkedom), to compare marks with.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Harness, HarnessPage } from './harness';
import { extractBlocks, readPageMeta, type ExtractOptions } from '../../src/content/extract';
import { Marks, MARK_TAG } from '../../src/content/marks';
import { createEngine } from '../../src/core/engine';
import { loadDefaultDataset } from '../../src/node/load-dataset';
import { defaultSettings, type Settings } from '../../src/core/settings';
import { storeSettings } from './popup-helpers';

export const dataset = loadDefaultDataset();

export const LISTED = 'https://www.reuters.com';
export const UNLISTED = 'https://www.example.org';

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');
}

/** Serve a fixture at `/technology/<slug>/` on both hosts (plus the embedded frame the iframe fixture needs). */
export function serveFixture(h: Harness, file: string, opts: { headers?: Record<string, string>; html?: string } = {}): { listed: string; unlisted: string } {
  const slug = file.replace(/\.html$/, '');
  const body = opts.html ?? fixture(file);
  const urls = { listed: `${LISTED}/technology/deal-lens-${slug}/`, unlisted: `${UNLISTED}/technology/deal-lens-${slug}/` };
  for (const url of Object.values(urls)) h.serve(url, opts.headers ? { body, headers: opts.headers } : body);
  for (const origin of [LISTED, UNLISTED]) h.serve(`${origin}/embed/deal-frame/`, fixture('frame-child.html'));
  return urls;
}

import { waitDone } from './popup-helpers';
export { waitDone };

/** A CSP that lets only our nonce'd page styles and scripts in: the extension's own styles must not need it. */
export const STRICT_CSP = { 'content-security-policy': "default-src 'none'; style-src 'nonce-dl1'; script-src 'nonce-dl1'" };

/** Fixtures whose layout the marks must leave alone: plain, hostile CSS behind a strict CSP, a sticky header. */
export const LAYOUT_FIXTURES = [
  ['article.html', undefined],
  ['hostile.html', STRICT_CSP],
  ['sticky.html', undefined],
] as const;

/** The page where the content script never runs (its snapshot), then the same page where it does, after its first pass. */
export async function bareThenMarked(h: Harness, urls: { listed: string; unlisted: string }): Promise<{ before: Snapshot; page: HarnessPage }> {
  const base = await h.open(urls.unlisted);
  const before = await snapshot(base);
  await base.close();
  const page = await h.open(urls.listed);
  await waitDone(page);
  return { before, page };
}

export interface MarkInfo {
  id: string | null;
  kind: string | null;
  text: string | null;
}

/** Every wrapper in the page, in document order. */
export const pageMarks = (page: HarnessPage) =>
  page.evaluate(() =>
    [...document.querySelectorAll('deal-lens-mark')].map((e) => ({ id: e.getAttribute('data-deal-lens-id'), kind: e.getAttribute('data-deal-lens-kind'), text: e.textContent })),
  );

export interface Snapshot {
  html: string;
  text: string;
  /** Every element's box under <body> (our wrappers left out), in document order. */
  boxes: number[][];
  /** A short name for each box's element (tag, id, first class), for failure messages. */
  names: string[];
  attrs: string[];
  adopted: number;
}

/**
 * The page as a reader and a layout engine see it, once its layout has settled.
 * Real pages keep laying out after load: an image without a source (or blocked)
 * is swapped for its alt text a task later, and a floated alt-text image then
 * moves what follows it (seen: 114 px on np4k__article_with_br, in either
 * order). So: wait for every image to be complete, then read the boxes frame
 * after frame until two reads agree (at most 20 frames).
 */
export const snapshot = (page: HarnessPage): Promise<Snapshot> =>
  page.evaluate(async () => {
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const read = () => {
      const boxes: number[][] = [];
      const names: string[] = [];
      for (const el of document.body.querySelectorAll('*')) {
        if (el.tagName === 'DEAL-LENS-MARK') continue;
        names.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.classList[0] ? '.' + el.classList[0] : ''));
        // document coordinates: a page that scrolls itself (late layout, focus) must not read as moved boxes
        const r = el.getBoundingClientRect();
        boxes.push([r.x + window.scrollX, r.y + window.scrollY, r.width, r.height]);
      }
      return { boxes, names };
    };
    for (let i = 0; i < 20 && [...document.images].some((img) => !img.complete); i++) await frame();
    let last = read();
    for (let i = 0; i < 20; i++) {
      await frame();
      const now = read();
      const same = now.boxes.length === last.boxes.length && now.boxes.every((b, k) => b.every((v, j) => v === last.boxes[k]![j]));
      last = now;
      if (same) break;
    }
    return {
      html: document.body.innerHTML,
      text: document.body.innerText,
      boxes: last.boxes,
      names: last.names,
      attrs: [...document.documentElement.attributes].map((a) => a.name).filter((n) => n.startsWith('data-deal-lens')),
      adopted: document.adoptedStyleSheets.length,
    };
  });

/**
 * How far an element's box may move for the geometry to count as unchanged.
 * Chromium lays text out in 1/64 px units and shapes runs per element: splitting
 * a run at a wrapper can move the glyphs after it by a unit or two (seen: 1/64
 * and 1/32 px on real pages). Anything near a pixel would be a real change.
 */
export const BOX_TOLERANCE = 0.1;

/**
 * Whether a box can show a reader anything. An element with no area draws
 * nothing, and Chromium places an empty inline beside a float inconsistently
 * from one load of the same page to the next (np4k__article_with_br: an `<a>`
 * around a floated alt-text image sits at x=8 or x=122 px, seen both ways with
 * no extension involved), so such boxes are left out of the comparison.
 */
const visibleBox = (b: number[]) => b[2]! > 0 && b[3]! > 0;

/** Largest difference between two box lists (Infinity when their lengths differ), boxes with no area left out. */
export function maxBoxDelta(a: number[][], b: number[][]): number {
  if (a.length !== b.length) return Infinity;
  let max = 0;
  a.forEach((box, i) => {
    if (!visibleBox(box) && !visibleBox(b[i]!)) return;
    box.forEach((v, j) => (max = Math.max(max, Math.abs(v - b[i]![j]!))));
  });
  return max;
}

/** The first elements whose box moved by more than BOX_TOLERANCE, as `name [x,y,w,h] -> [x,y,w,h]` lines. */
export function movedBoxes(after: Snapshot, before: Snapshot, limit = 5): string[] {
  const out: string[] = [];
  if (after.boxes.length !== before.boxes.length) return [`element count ${before.boxes.length} -> ${after.boxes.length}`];
  for (let i = 0; i < after.boxes.length && out.length < limit; i++) {
    const a = after.boxes[i]!, b = before.boxes[i]!;
    if (!visibleBox(a) && !visibleBox(b)) continue;
    if (a.some((v, j) => Math.abs(v - b[j]!) > BOX_TOLERANCE)) out.push(`${before.names[i]} [${b.map((v) => v.toFixed(1))}] -> [${a.map((v) => v.toFixed(1))}]`);
  }
  return out;
}

/** The wrappers the content script should make, computed in Node with the same modules over linkedom. */
export function expectedMarks(html: string, extract: ExtractOptions = {}): MarkInfo[] {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  const blocks = extractBlocks(doc.body, extract).blocks;
  const meta = readPageMeta(doc);
  const result = createEngine(dataset).analyze({ blocks: blocks.map((b) => b.text), title: meta.title, published: meta.published });
  new Marks(doc).apply(blocks, result.annotations);
  return [...doc.querySelectorAll(MARK_TAG)].map((e) => ({ id: e.getAttribute('data-deal-lens-id'), kind: e.getAttribute('data-deal-lens-kind'), text: e.textContent }));
}

/** The annotations (one per record, however many wrappers) the content script should report, in reading order. */
export function expectedRecords(html: string, extract: ExtractOptions = {}): { entryId: string; kind: string; text: string }[] {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  const blocks = extractBlocks(doc.body, extract).blocks;
  const meta = readPageMeta(doc);
  const result = createEngine(dataset).analyze({ blocks: blocks.map((b) => b.text), title: meta.title, published: meta.published });
  return new Marks(doc).apply(blocks, result.annotations).map((r) => ({ entryId: r.entryId, kind: r.kind, text: r.text.replace(/\s+/g, ' ').trim() }));
}

/** Write settings to storage.sync (the content scripts re-apply them live). */
export function setSettings(h: Harness, patch: Partial<Settings>): Promise<void> {
  return storeSettings(h, { ...defaultSettings(), ...patch });
}

/** State of the tooltip: host, whether shown, its text, the panel's box, and the viewport. */
export const tooltipState = (page: HarnessPage) =>
  page.evaluate(() => {
    const hosts = document.querySelectorAll('deal-lens-tooltip');
    const host = hosts[0] as HTMLElement | undefined;
    const panel = host?.shadowRoot?.querySelector('.dl-panel') as HTMLElement | null | undefined;
    const shown = !!host && getComputedStyle(host).display !== 'none';
    const r = panel?.getBoundingClientRect();
    const described = [...document.querySelectorAll('deal-lens-mark[aria-describedby]')];
    return {
      hosts: hosts.length,
      shown,
      role: host?.getAttribute('role') ?? null,
      hostId: host?.id ?? null,
      title: panel?.querySelector('.dl-title')?.textContent ?? null,
      kindLabel: panel?.querySelector('.dl-kind')?.textContent ?? null,
      text: panel?.textContent ?? '',
      links: [...(panel?.querySelectorAll('a') ?? [])].map((a) => ({ href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') })),
      box: r ? { top: r.top, left: r.left, bottom: r.bottom, right: r.right } : null,
      viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
      describedBy: described.map((e) => e.getAttribute('aria-describedby')),
      describedId: described.map((e) => e.getAttribute('data-deal-lens-id')),
    };
  });
