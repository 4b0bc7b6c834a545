/**
 * PageController's first pass on a page that does not name both parties: the
 * shared pre-check settles it, and the page gets only what the contract lists —
 * `data-deal-lens-state=done`, `data-deal-lens-about=no`, one `deal-lens:scan`
 * measure — with no engine run, no tooltip listeners, no DOM or stylesheet
 * change, and the observer still following the page (it may grow an article
 * about the deal). And on a satire page about the deal, an incremental pass
 * (infinite scroll) is told so: what arrives gets no conflict either.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { createEngine } from '../../../src/core/engine';
import { loadDefaultDataset } from '../../../src/node/load-dataset';
import { ABOUT_ATTR, PageController, SCAN_MEASURE, STATE_ATTR } from '../../../src/content/page-controller';

const engine = createEngine(loadDefaultDataset());
const settings = { kinds: ['term', 'fact', 'caveat', 'conflict'] as const, disabledSources: [], intensity: 'normal' as const, tooltipDelay: 300 };

function page(body: string) {
  const w = parseHTML(`<!doctype html><html><head><title>Prices</title></head><body>${body}</body></html>`) as unknown as Window & typeof globalThis;
  Object.defineProperty(w, 'location', { value: { href: 'https://news.example/a' }, configurable: true });
  return w;
}

describe('PageController on a page not about the deal', () => {
  let mo: unknown;
  beforeEach(() => {
    mo = (globalThis as { MutationObserver?: unknown }).MutationObserver;
    performance.clearMeasures();
  });
  afterEach(() => {
    (globalThis as { MutationObserver?: unknown }).MutationObserver = mo;
    vi.restoreAllMocks();
  });

  it('sets the two attributes and one measure, and nothing else', () => {
    const win = page('<article><p>Amazon cut prices on books.</p><p>Claude Monet painted water lilies.</p></article>');
    const observe = vi.fn();
    (globalThis as { MutationObserver?: unknown }).MutationObserver = class {
      observe = observe;
      disconnect() {}
      takeRecords() {
        return [];
      }
    };
    const doc = win.document;
    const before = doc.documentElement.outerHTML;
    const analyze = vi.spyOn(engine, 'analyze');
    const listen = vi.spyOn(doc, 'addEventListener');
    const reports: unknown[] = [];
    const c = new PageController({ win, engine, t: (k) => k, explain: () => ({}) as never, report: (s) => reports.push(s) }, settings);
    c.activate();
    const html = doc.documentElement;
    expect(html.getAttribute(STATE_ATTR)).toBe('done');
    expect(html.getAttribute(ABOUT_ATTR)).toBe('no');
    expect(performance.getEntriesByName(SCAN_MEASURE)).toHaveLength(1);
    expect(analyze).not.toHaveBeenCalled();
    expect(listen).not.toHaveBeenCalled(); // no tooltip listeners on a page with no marks
    expect(observe).toHaveBeenCalledTimes(1); // still following the page
    html.removeAttribute(STATE_ATTR);
    html.removeAttribute(ABOUT_ATTR);
    expect(html.outerHTML).toBe(before);
    expect(c.summary()).toMatchObject({ about: false, active: true, items: [] });
    c.deactivate();
  });
});

describe('PageController on a satire page about the deal', () => {
  const DEAL = '<p>Amazon will invest $5 billion in Anthropic now and up to $20 billion more, and Anthropic will spend more than $100 billion on AWS over ten years.</p>';
  let mo: unknown;
  beforeEach(() => {
    mo = (globalThis as { MutationObserver?: unknown }).MutationObserver;
    // the pass is driven by hand (scanRoots, as the observer would): an observer that never calls back
    (globalThis as { MutationObserver?: unknown }).MutationObserver = class {
      observe() {}
      disconnect() {}
      takeRecords() {
        return [];
      }
    };
  });
  afterEach(() => {
    (globalThis as { MutationObserver?: unknown }).MutationObserver = mo;
  });
  const kinds = (doc: Document) => Array.from(doc.querySelectorAll('[data-deal-lens-kind]')).map((e) => `${e.getAttribute('data-deal-lens-kind')}:${e.textContent}`);

  it('reports no conflict in what arrives later either (an incremental pass is told the page is satire)', () => {
    for (const title of ['SATIRE: Amazon wires Anthropic a trillion dollars', 'Amazon and Anthropic sign a deal']) {
      const win = page(`<article><h1>${title}</h1>${DEAL}</article>`);
      const doc = win.document;
      doc.title = title;
      const c = new PageController({ win, engine, t: (k) => k, explain: () => ({}) as never, report: () => undefined }, settings);
      c.activate();
      expect(doc.documentElement.getAttribute(ABOUT_ATTR)).toBe('yes');
      const p = doc.createElement('p');
      p.textContent = 'Amazon then wired Anthropic $25 billion up front.';
      doc.querySelector('article')!.append(p);
      c.scanRoots([p]);
      const conflicts = kinds(doc).filter((k) => k.startsWith('conflict:'));
      if (title.startsWith('SATIRE')) expect(conflicts).toEqual([]);
      else expect(conflicts).toEqual(['conflict:$25 billion']);
      c.deactivate();
    }
  });
});
