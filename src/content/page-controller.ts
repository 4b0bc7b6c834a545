/**
 * One frame's Deal Lens: runs the passes (first, incremental, whole-page),
 * owns the marks, the tooltip and the observer, and switches all of it off
 * and on. Knows nothing of extension APIs: index.ts wires it to settings
 * and messages, so it can be driven from a test page as well.
 *
 * Every pass: `data-deal-lens-state=scanning` → read → engine → wrap →
 * `data-deal-lens-about` + `state=done`, one `deal-lens:scan` User Timing
 * measure over all of it, then a page summary to the background. A pass never
 * throws into the page: errors are logged with console.debug and the page is
 * left with `state=done`.
 */
import type { Engine } from '../core/engine';
import type { Kind } from '../core/schema';
import type { Explanation } from '../core/explain';
import type { PageSummary } from '../core/messages';
import type { Intensity } from '../core/settings';
import type { Translate } from '../ui/tooltip-view';
import { extractBlocks, readPageMeta, type Block, type ExtractOptions } from './extract';
import { Marks, type MarkRecord } from './marks';
import { PageObserver } from './observer';
import { buildSummary } from './summary';
import { TooltipController } from './tooltip/controller';

export const STATE_ATTR = 'data-deal-lens-state';
export const ABOUT_ATTR = 'data-deal-lens-about';
export const SCAN_MEASURE = 'deal-lens:scan';
/** How long after a pass its summary goes to the background (passes in between share one). */
const REPORT_DELAY_MS = 50;

/** What the page side needs of the settings. */
export interface ViewSettings {
  kinds: readonly Kind[];
  disabledSources: readonly string[];
  intensity: Intensity;
  tooltipDelay: number;
}

export interface ControllerDeps {
  win: Window;
  engine: Engine;
  explain(record: MarkRecord): Explanation;
  t: Translate;
  /** Called with the page summary after each pass (and after switching off). */
  report(summary: PageSummary): void;
  /** Layout-aware visibility test; default uses `checkVisibility`. */
  isVisible?: (el: Element) => boolean;
}

/** Whether an element renders (display:contents wrappers have no box of their own yet show their children). */
export function rendered(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (typeof check !== 'function' || check.call(el)) return true;
  return el.ownerDocument.defaultView?.getComputedStyle(el).display === 'contents';
}

export class PageController {
  readonly marks: Marks;
  private tooltipController: TooltipController | null = null;
  private readonly observer: PageObserver;
  private readonly doc: Document;
  private readonly html: HTMLElement;
  private readonly extractOptions: ExtractOptions;
  private settings: ViewSettings;
  private active = false;
  private about = false;
  private score = 0;
  private hidden = 0;
  private date = '';
  private published: string | undefined;
  private title = '';
  /** The page labels itself satire (the engine's finding on a whole pass): incremental passes report no conflict either. */
  private satire = false;

  constructor(
    private readonly deps: ControllerDeps,
    settings: ViewSettings,
  ) {
    this.doc = deps.win.document;
    this.html = this.doc.documentElement;
    this.settings = settings;
    this.marks = new Marks(this.doc, { intensity: settings.intensity });
    // (our tooltip host is skipped by extract.ts itself)
    this.extractOptions = { isVisible: deps.isVisible ?? rendered };
    // built once per dataset (the engine's own pre-check): nothing is compiled per page
    this.observer = new PageObserver(deps.win, this.doc.body, {
      onChange: (roots) => this.guard(() => this.incremental(roots)),
      onRescan: () => this.guard(() => this.whole()),
      onNavigate: () => this.guard(() => this.whole()),
    });
  }

  /**
   * The tooltip controller, made on first need: a page with no marks never
   * listens for hover or focus, so it never needs one.
   */
  get tooltip(): TooltipController {
    return (this.tooltipController ??= new TooltipController(this.doc, {
      delay: this.settings.tooltipDelay,
      t: this.deps.t,
      explain: (el) => {
        const r = this.marks.recordOf(el);
        return r ? this.deps.explain(r) : null;
      },
    }));
  }

  get isActive(): boolean {
    return this.active;
  }

  /** Switch on: first pass, then follow the page. */
  activate(): void {
    if (this.active) return;
    this.active = true;
    this.guard(() => this.whole());
    this.observer.start();
  }

  /** Switch off: every wrapper, the stylesheet, the tooltip host and our attributes go; the DOM is as before. */
  deactivate(): void {
    if (!this.active) return;
    this.active = false;
    this.observer.stop();
    // the summary goes out now; a pending one would repeat it from a switched-off controller
    clearTimeout(this.reportTimer);
    this.reportTimer = undefined;
    this.tooltipController?.stop();
    this.marks.undo();
    this.html.removeAttribute(STATE_ATTR);
    this.html.removeAttribute(ABOUT_ATTR);
    this.about = false;
    this.score = 0;
    this.hidden = 0;
    this.deps.report(this.summary());
  }

  /** New settings: restyle, re-time, or (kinds, sources) mark the page again. */
  update(next: ViewSettings): void {
    const prev = this.settings;
    this.settings = next;
    if (prev.intensity !== next.intensity) this.marks.setIntensity(next.intensity);
    if (prev.tooltipDelay !== next.tooltipDelay) this.tooltipController?.setDelay(next.tooltipDelay);
    const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
    if (this.active && (!same(prev.kinds, next.kinds) || !same(prev.disabledSources, next.disabledSources))) {
      this.tooltipController?.close();
      this.observer.quietly(() => this.marks.undo());
      this.guard(() => this.whole());
    }
  }

  /** The page's state for the background and the popup. */
  summary(): PageSummary {
    return buildSummary(
      { url: this.deps.win.location.href, about: this.about, score: this.score, active: this.active, hidden: this.hidden },
      this.active ? this.marks.records() : [],
    );
  }

  /** Scroll the n-th mark (reading order) into view, focus it and open its tooltip. */
  reveal(n: number): boolean {
    try {
      const record = this.marks.records()[n];
      const el = record?.elements.find((e) => e.isConnected);
      if (!el) return false;
      const smooth = !this.deps.win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
      el.focus({ preventScroll: true });
      this.tooltip.open(el, 'reveal');
      return true;
    } catch (e) {
      console.debug('Deal Lens: reveal failed', e);
      return false;
    }
  }

  /** Run a pass; whatever goes wrong stays in here. */
  private guard(pass: () => void): void {
    try {
      pass();
    } catch (e) {
      console.debug('Deal Lens: pass failed', e);
      this.html.setAttribute(STATE_ATTR, 'done');
    }
  }

  private extract(root: Node): Block[] {
    return extractBlocks(root, this.extractOptions).blocks;
  }

  private engineOptions() {
    // the page's own date: incremental passes judge moving records (a valuation) as the first pass did
    return { kinds: this.settings.kinds, disabledSources: this.settings.disabledSources, satire: this.satire, ...(this.published ? { published: this.published } : {}) };
  }

  /** First pass, rescan after a burst, and re-evaluation after an SPA navigation: the whole page. */
  private whole(): void {
    if (!this.active) return;
    const t0 = performance.now();
    this.html.setAttribute(STATE_ATTR, 'scanning');
    // most pages never name both parties: one native textContent read (the cheapest
    // read of the whole text measured: a TreeWalker, subtree reads and chunks all
    // cost more on most pages) and the shared pre-check settle them, before any
    // walk and before the page's metadata (JSON-LD) is even parsed; then only the
    // attributes and the measure are left to do
    const title = this.doc.title;
    if (!this.deps.engine.mightBeAbout(title, this.doc.body.textContent ?? '')) {
      this.title = title;
      this.published = undefined;
      this.about = false;
      this.satire = false;
      this.score = 0;
      this.hidden = 0;
      // marks of an earlier pass (before an SPA navigation) go; on a first pass there are none
      this.observer.quietly(() => this.takeDown());
      this.observer.syncHref();
      this.finish(t0);
      return;
    }
    const meta = readPageMeta(this.doc);
    this.title = meta.title;
    this.published = meta.published;
    const blocks = this.extract(this.doc.body);
    const result = this.deps.engine.analyze({ blocks: blocks.map((b) => b.text), labels: blocks.map((b) => b.label), title: meta.title, published: meta.published, modified: meta.modified }, this.engineOptions());
    this.about = result.about;
    this.satire = result.satire === true;
    this.score = result.score;
    this.hidden = result.hidden ?? 0;
    this.date = result.date;
    this.observer.quietly(() => {
      if (result.about) {
        this.marks.dropChanged(this.doc.body);
        this.marks.apply(blocks, result.annotations);
      } else {
        this.takeDown();
      }
    });
    this.observer.syncHref();
    this.finish(t0);
  }

  /**
   * Only what changed: a pass over the given block roots (the observer's, or a
   * benchmark's). Public so its cost can be measured on its own; it records its
   * own `deal-lens:scan` measure like every pass.
   */
  scanRoots(roots: Node[]): void {
    this.guard(() => this.incremental(roots));
  }

  private incremental(roots: Node[]): void {
    if (!this.active) return;
    const t0 = performance.now();
    this.html.setAttribute(STATE_ATTR, 'scanning');
    this.observer.quietly(() => {
      for (const r of roots) this.marks.dropChanged(r);
    });
    // a page not about the deal stays so unless what arrived names both parties
    const worth = this.about || this.deps.engine.mightBeAbout(this.title, ...roots.map((r) => r.textContent ?? ''));
    const blocks = worth ? roots.flatMap((r) => this.extract(r)) : [];
    if (blocks.length) {
      const texts = blocks.map((b) => b.text);
      const labels = blocks.map((b) => b.label);
      let annotations;
      if (this.about) {
        annotations = this.deps.engine.annotate(texts, this.date, this.engineOptions(), labels);
      } else {
        // a page not about the deal may grow an article that is (a feed, infinite scroll): judge what arrived
        const result = this.deps.engine.analyze({ blocks: texts, labels, title: this.title, published: this.published }, this.engineOptions());
        annotations = result.annotations;
        if (result.about) {
          this.about = true;
          this.satire = result.satire === true;
          this.score = result.score;
          this.date = result.date;
        }
      }
      if (annotations.length) this.observer.quietly(() => this.marks.apply(blocks, annotations));
    }
    this.finish(t0);
  }

  /** A page not about the deal (any more): its tooltip closes and every mark goes. */
  private takeDown(): void {
    this.tooltipController?.close();
    this.marks.undo();
  }

  private finish(t0: number): void {
    // the open tooltip's mark may have gone with what the page or this pass removed
    const tip = this.tooltipController;
    const open = tip?.openMark;
    if (open && (!open.isConnected || !this.marks.recordOf(open)?.elements.length)) tip!.close();
    this.html.setAttribute(ABOUT_ATTR, this.about ? 'yes' : 'no');
    if (this.about && this.marks.any) this.tooltip.start();
    this.html.setAttribute(STATE_ATTR, 'done');
    try {
      performance.measure(SCAN_MEASURE, { start: t0, end: performance.now() });
    } catch {
      // an old engine without measure options: the pass itself is done
    }
    this.scheduleReport();
  }

  private reportTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * The summary lists every mark of the page, so building and sending it costs
   * what the page holds, not what a pass changed: it goes out once passes
   * settle (a burst of passes sends one), outside the passes' own time.
   */
  private scheduleReport(): void {
    if (this.reportTimer !== undefined) return;
    this.reportTimer = setTimeout(() => {
      this.reportTimer = undefined;
      try {
        this.deps.report(this.summary());
      } catch (e) {
        console.debug('Deal Lens: summary failed', e);
      }
    }, REPORT_DELAY_MS);
  }
}
