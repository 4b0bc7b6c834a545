/**
 * Living pages: a MutationObserver that turns the page's own changes (infinite
 * scroll, live blogs, React re-renders, SPA navigations) into work for the
 * controller, batched and bounded.
 *
 * - Added nodes, changed text and elements shown by `open`/`hidden` are collected and handed over once per idle
 *   period (requestIdleCallback with a timeout, so a busy page still gets its
 *   marks), as the smallest set of block roots that covers them: the cost of a
 *   pass follows what changed, not the size of the page.
 * - Our own writes are never seen: the controller runs them through `quietly`,
 *   which hands pending page records on and drops the ones our writes caused.
 * - A burst of more than {@link BURST} records (a framework re-rendering
 *   everything) turns into one whole-page rescan instead, at most once per
 *   {@link RESCAN_GAP_MS} (as Dark Reader does).
 * - Content scripts cannot patch the page's `history.pushState`, so SPA
 *   navigations are noticed by `location.href` changing, checked on mutations,
 *   `popstate` and `hashchange`.
 */
import { blockOf, isInSkippedSubtree } from './extract';
import { documentOrder } from './marks';

export const BURST = 1000;
export const RESCAN_GAP_MS = 1000;
const IDLE_TIMEOUT_MS = 200;

export interface ObserverHooks {
  /** The block roots whose text was added or changed. */
  onChange(roots: Node[]): void;
  /** Too much changed at once: pass over the whole page. */
  onRescan(): void;
  /** `location.href` changed: re-evaluate the page. */
  onNavigate(): void;
}

export class PageObserver {
  private readonly mo: MutationObserver;
  private dirty = new Set<Node>();
  private records = 0;
  private rescan = false;
  private scheduled = false;
  private running = false;
  private lastRescan = -Infinity;
  /** The href last handled; read when observing starts (not before: a first pass need not pay for it). */
  private href = '';

  constructor(
    private readonly win: Window,
    private readonly root: HTMLElement,
    private readonly hooks: ObserverHooks,
  ) {
    this.mo = new MutationObserver((records) => this.collect(records));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.href = this.win.location.href;
    // `open` (details) and `hidden` reveal text that the visibility test skipped before
    this.mo.observe(this.root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['open', 'hidden'] });
    this.win.addEventListener('popstate', this.onHistory);
    this.win.addEventListener('hashchange', this.onHistory);
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.mo.disconnect();
    this.win.removeEventListener('popstate', this.onHistory);
    this.win.removeEventListener('hashchange', this.onHistory);
    this.dirty.clear();
    this.records = 0;
    this.rescan = false;
  }

  /** Run our own DOM writes: page records made before are kept, records of `fn`'s writes are dropped. */
  quietly<T>(fn: () => T): T {
    if (!this.running) return fn();
    this.collect(this.mo.takeRecords());
    try {
      return fn();
    } finally {
      this.mo.takeRecords();
    }
  }

  /** Remember where the page's current href is (after a pass that handled a navigation). */
  syncHref(): void {
    // while stopped there is nothing to compare with: start() reads it
    if (this.running) this.href = this.win.location.href;
  }

  private readonly onHistory = () => this.schedule();

  private collect(records: MutationRecord[]): void {
    if (!records.length) return;
    this.records += records.length;
    if (this.records > BURST) {
      this.rescan = true;
      this.dirty.clear();
    } else {
      for (const r of records) {
        if (r.type === 'characterData' || r.type === 'attributes') this.dirty.add(r.target);
        else for (const n of Array.from(r.addedNodes)) this.dirty.add(n);
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || !this.running) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      if (this.running) this.flush();
    };
    const w = this.win as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number };
    if (typeof w.requestIdleCallback === 'function') w.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(run, 50);
  }

  private flush(): void {
    if (this.win.location.href !== this.href) {
      this.href = this.win.location.href;
      this.reset();
      this.hooks.onNavigate();
      return;
    }
    if (this.rescan) {
      const wait = this.lastRescan + RESCAN_GAP_MS - performance.now();
      if (wait > 0) {
        // bounded: a page re-rendering non-stop gets one rescan a second at most
        setTimeout(() => this.schedule(), wait);
        return;
      }
      this.lastRescan = performance.now();
      this.reset();
      this.hooks.onRescan();
      return;
    }
    const roots = this.roots();
    this.reset();
    if (roots.length) this.hooks.onChange(roots);
  }

  private reset(): void {
    this.dirty = new Set();
    this.records = 0;
    this.rescan = false;
  }

  /** The block elements holding the dirty nodes, outermost only, in document order. */
  private roots(): Node[] {
    const found = new Set<Node>();
    for (const n of this.dirty) {
      if (!n.isConnected || !this.root.contains(n)) continue;
      if (n.nodeType !== 1 && n.nodeType !== 3) continue;
      if (isInSkippedSubtree(n, this.root)) continue;
      const block = blockOf(n, this.root);
      // text straight under the observed root: re-read just that node, not the whole page
      found.add(block === this.root ? n : block);
    }
    const sorted = [...found].sort(documentOrder);
    const out: Node[] = [];
    for (const n of sorted) {
      const last = out[out.length - 1];
      if (last && last.contains(n)) continue;
      out.push(n);
    }
    return out;
  }
}
