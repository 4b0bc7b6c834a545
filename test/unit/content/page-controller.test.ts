/**
 * PageController's first pass on a page that does not name both parties: the
 * shared pre-check settles it, and the page gets only what the contract lists —
 * `data-deal-lens-state=done`, `data-deal-lens-about=no`, one `deal-lens:scan`
 * measure — with no engine run, no tooltip listeners, no DOM or stylesheet
 * change, and the observer still following the page (it may grow an article
 * about the deal).
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
  Object.defineProperty(w, 'location', { value: { href: 'https://news.example/a' } });
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
