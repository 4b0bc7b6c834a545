/**
 * The only module that writes annotations into the page: wraps matched text in
 * `<deal-lens-mark>` elements, keeps track of every node it created, and undoes
 * all of it exactly.
 *
 * - One wrapper per piece: a match across inline elements (`$100 <b>billion</b>`)
 *   gets one wrapper in each text node, all with the same id and kind.
 * - One DocumentFragment per text node: a node with three matches is replaced in
 *   a single DOM operation, and all wrappers are created before anything reads
 *   layout (this module never reads layout at all).
 * - A custom element name, not `<mark>`/`<span>`: page rules aimed at common
 *   tags do not reach it; the stylesheet (mark-style.ts) resets the rest.
 * - Undo unwraps every wrapper, then merges back only the text nodes this module
 *   split, putting the page's original Text objects back in place, so the DOM is
 *   as before (frameworks holding those Text nodes keep working after undo).
 */
import type { Annotation } from '../core/types';
import type { Kind } from '../core/schema';
import type { Block } from './extract';
import type { Intensity } from '../core/settings';
import { MARK_TAG, markCss } from './mark-style';
import { installSheet, type InstalledSheet } from './stylesheet';

export { MARK_TAG };

/** One annotation on the page: one or more wrappers (one per text node it spans). */
export interface MarkRecord {
  entryId: string;
  kind: Kind;
  factId?: string;
  stated?: string;
  /** The page's exact words. */
  text: string;
  /** The block's text and the annotation's offsets in it (for the sentence around it). */
  blockText: string;
  start: number;
  end: number;
  elements: HTMLElement[];
}

/** A text node this module replaced by [text | wrapper]… parts, and the Text nodes it created for it. */
interface Split {
  original: Text;
  texts: Text[];
}

interface Segment {
  node: Text;
  from: number;
  to: number;
  record: MarkRecord;
}

const WRAPPER_SELECTOR = MARK_TAG;

/** Whether a node is one of our wrappers or inside one. */
export function isInsideMark(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el?.closest(WRAPPER_SELECTOR);
}

export class Marks {
  private readonly splits: Split[] = [];
  private readonly byElement = new WeakMap<Element, MarkRecord>();
  /** Each wrapper's text when it was made, to notice the page rewriting marked text. */
  private readonly madeWith = new WeakMap<Element, string>();
  private all: MarkRecord[] = [];
  private sorted = true;
  private sheet: InstalledSheet | null = null;
  private intensity: Intensity;

  constructor(
    private readonly doc: Document,
    opts: { intensity?: Intensity } = {},
  ) {
    this.intensity = opts.intensity ?? 'normal';
  }

  /** Change how strongly marks are coloured (restyles the marks already there). */
  setIntensity(intensity: Intensity): void {
    this.intensity = intensity;
    this.sheet?.update(markCss(intensity));
  }

  /**
   * Wrap the annotations of `blocks` (offsets into `blocks[a.block].text`).
   * Annotations touching text already marked, text no longer in the document,
   * or overlapping an earlier annotation are skipped. Returns the new records.
   */
  apply(blocks: readonly Block[], annotations: readonly Annotation[]): MarkRecord[] {
    const byNode = new Map<Text, Segment[]>();
    const added: MarkRecord[] = [];
    const ordered = [...annotations].sort((a, b) => a.block - b.block || a.start - b.start);
    let lastBlock = -1;
    let lastEnd = 0;
    for (const a of ordered) {
      const block = blocks[a.block];
      if (!block || a.start >= a.end || a.end > block.text.length) continue;
      if (a.block === lastBlock && a.start < lastEnd) continue; // overlaps the previous annotation
      const record: MarkRecord = {
        entryId: a.entryId,
        kind: a.kind,
        ...(a.factId !== undefined ? { factId: a.factId } : {}),
        ...(a.stated !== undefined ? { stated: a.stated } : {}),
        text: block.text.slice(a.start, a.end),
        blockText: block.text,
        start: a.start,
        end: a.end,
        elements: [],
      };
      const segments = segmentsOf(block, a.start, a.end, record);
      if (!segments.length || segments.some((s) => !s.node.isConnected || isInsideMark(s.node))) continue;
      lastBlock = a.block;
      lastEnd = a.end;
      for (const s of segments) {
        const list = byNode.get(s.node);
        if (list) list.push(s);
        else byNode.set(s.node, [s]);
      }
      added.push(record);
    }
    for (const [node, segments] of byNode) this.wrapNode(node, segments);
    const kept = added.filter((r) => r.elements.length > 0);
    if (kept.length) {
      // the stylesheet goes in with the first wrapper: pages with no marks get none
      this.sheet ??= installSheet(this.doc, markCss(this.intensity));
      // a pass's records come in reading order; text appended at the end (infinite
      // scroll) keeps the whole list in order with one comparison, not a re-sort
      const last = this.all[this.all.length - 1];
      if (last && documentOrder(last.elements[0]!, kept[0]!.elements[0]!) > 0) this.sorted = false;
      for (const r of kept) this.all.push(r);
    }
    return kept;
  }

  /** Replace one text node by its parts in one operation. Segments are in order and disjoint. */
  private wrapNode(node: Text, segments: Segment[]): void {
    const parent = node.parentNode;
    if (!parent) return;
    const data = node.data;
    const frag = this.doc.createDocumentFragment();
    const texts: Text[] = [];
    const text = (s: string) => {
      const t = this.doc.createTextNode(s);
      texts.push(t);
      return t;
    };
    let at = 0;
    for (const s of segments) {
      if (s.from > at) frag.appendChild(text(data.slice(at, s.from)));
      const el = this.doc.createElement(MARK_TAG) as HTMLElement;
      el.setAttribute('data-deal-lens-id', s.record.entryId);
      el.setAttribute('data-deal-lens-kind', s.record.kind);
      el.setAttribute('tabindex', '0');
      el.appendChild(text(data.slice(s.from, s.to)));
      frag.appendChild(el);
      s.record.elements.push(el);
      this.byElement.set(el, s.record);
      this.madeWith.set(el, data.slice(s.from, s.to));
      at = s.to;
    }
    if (at < data.length) frag.appendChild(text(data.slice(at)));
    parent.replaceChild(frag, node);
    this.splits.push({ original: node, texts });
  }

  /** The record a wrapper element belongs to. */
  recordOf(el: Element): MarkRecord | undefined {
    return this.byElement.get(el);
  }

  /** Live records (at least one wrapper still in the page), in reading order. */
  records(): MarkRecord[] {
    this.all = this.all.filter((r) => r.elements.some((e) => e.isConnected));
    if (!this.sorted) {
      const first = (r: MarkRecord) => r.elements.find((e) => e.isConnected)!;
      this.all.sort((a, b) => documentOrder(first(a), first(b)));
      this.sorted = true;
    }
    return this.all;
  }

  /** Remove one record's wrappers (its text stays, split; undo merges it later). */
  unmark(record: MarkRecord): void {
    for (const el of record.elements) unwrap(el);
    record.elements = [];
    this.all = this.all.filter((r) => r !== record);
  }

  /**
   * Unmark the records with a wrapper under `root` whose text the page has
   * changed since (a live ticker, a re-rendered sentence): they no longer say
   * what was explained. Returns how many were dropped.
   */
  dropChanged(root: Node): number {
    const el = root.nodeType === 1 ? (root as Element) : root.parentElement;
    if (!el) return 0;
    const wrappers = el.closest(WRAPPER_SELECTOR) ? [el.closest(WRAPPER_SELECTOR)!] : Array.from(el.querySelectorAll(WRAPPER_SELECTOR));
    const stale = new Set<MarkRecord>();
    for (const w of wrappers) {
      const r = this.byElement.get(w);
      if (r && w.textContent !== this.madeWith.get(w)) stale.add(r);
    }
    for (const r of stale) this.unmark(r);
    return stale.size;
  }

  /** How many annotations are marked (live ones; no sorting needed to count). */
  get size(): number {
    let n = 0;
    for (const r of this.all) if (r.elements.some((e) => e.isConnected)) n++;
    return n;
  }

  /**
   * Remove every wrapper and put back every text node this module split, newest
   * first, so nested splits (an incremental pass splitting a part of an earlier
   * split) unwind in order. A split whose parts the page has since moved or
   * removed is left as the page made it (its wrappers are still removed).
   */
  undo(): void {
    // nothing was ever wrapped (a page not about the deal): no need to search the page
    if (!this.all.length && !this.splits.length && !this.sheet) return;
    for (const r of this.all) for (const el of r.elements) unwrap(el);
    for (const el of Array.from(this.doc.querySelectorAll(WRAPPER_SELECTOR))) unwrap(el); // records lost to page moves
    for (let i = this.splits.length - 1; i >= 0; i--) merge(this.splits[i]!);
    this.splits.length = 0;
    this.sheet?.remove();
    this.sheet = null;
    this.all = [];
    this.sorted = true;
  }
}

/** The pieces of `block` that [start, end) covers, skipping whitespace-only ones. */
function segmentsOf(block: Block, start: number, end: number, record: MarkRecord): Segment[] {
  const out: Segment[] = [];
  for (const p of block.pieces) {
    const len = p.node.data.length;
    const from = Math.max(start, p.start);
    const to = Math.min(end, p.start + len);
    if (to <= from) {
      if (p.start >= end) break;
      continue;
    }
    // the node changed since it was read: its offsets no longer hold
    if (p.node.data !== block.text.slice(p.start, p.start + len)) return [];
    if (!/\S/.test(p.node.data.slice(from - p.start, to - p.start))) continue;
    out.push({ node: p.node, from: from - p.start, to: to - p.start, record });
  }
  return out;
}

/**
 * Negative when `a` comes before `b` in the document. Written out rather than
 * `compareDocumentPosition` so it also holds under linkedom (whose version
 * assumes nodes of equal depth are siblings); cheap at hundreds of marks.
 */
export function documentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  const path = (n: Node) => {
    const out: Node[] = [];
    for (let x: Node | null = n; x; x = x.parentNode) out.push(x);
    return out.reverse();
  };
  const pa = path(a);
  const pb = path(b);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  if (i === pa.length) return -1; // a contains b
  if (i === pb.length) return 1;
  for (let n = pa[i]!.nextSibling; n; n = n.nextSibling) if (n === pb[i]) return -1;
  return 1;
}

/** Replace a wrapper by its children. */
function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

/** Put a split's original Text back in place of its parts, if they are still consecutive siblings. */
function merge(split: Split): void {
  const { texts, original } = split;
  const first = texts[0];
  const parent = first?.parentNode;
  if (!first || !parent) return;
  let n: Node | null = first;
  for (const t of texts) {
    if (n !== t) return; // moved, removed or interleaved by the page: leave as it is
    n = n.nextSibling;
  }
  const data = texts.map((t) => t.data).join('');
  if (original.data !== data) original.data = data;
  parent.insertBefore(original, first);
  for (const t of texts) parent.removeChild(t);
}
