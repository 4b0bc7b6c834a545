/**
 * The only module that writes annotations into the page: wraps matched text in
 * `<deal-lens-mark>` elements, keeps track of every node it created, and undoes
 * all of it exactly.
 *
 * - One wrapper per piece: a match across inline elements (`$100 <b>billion</b>`)
 *   gets one wrapper in each text node, all with the same id and kind.
 * - One DOM operation per text node: a node with three matches is replaced by
 *   its parts in a single `replaceWith` (one mutation record, like a fragment,
 *   and measurably cheaper than filling one), and all wrappers are created
 *   before anything reads layout (this module never reads layout at all).
 * - Cheap per wrapper: each wrapper is a shallow clone of a detached template
 *   carrying its id, kind and tab stop (cloning shares the attribute storage);
 *   the element → record index is built lazily, on the first lookup.
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

const WRAPPER_SELECTOR = MARK_TAG;

/** Whether a node is one of our wrappers or inside one. */
export function isInsideMark(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el?.closest(WRAPPER_SELECTOR);
}

const byBlockThenStart = (a: Annotation, b: Annotation) => a.block - b.block || a.start - b.start;

/** A new record, its keys in one fixed order (no spreads on the common paths). */
function newRecord(a: Annotation, blockText: string): MarkRecord {
  const text = blockText.slice(a.start, a.end);
  if (a.stated === undefined) {
    return a.factId === undefined
      ? { entryId: a.entryId, kind: a.kind, text, blockText, start: a.start, end: a.end, elements: [] }
      : { entryId: a.entryId, kind: a.kind, factId: a.factId, text, blockText, start: a.start, end: a.end, elements: [] };
  }
  return {
    entryId: a.entryId,
    kind: a.kind,
    ...(a.factId !== undefined ? { factId: a.factId } : {}),
    stated: a.stated,
    text,
    blockText,
    start: a.start,
    end: a.end,
    elements: [],
  };
}

/** Whether `data[from, to)` holds anything but whitespace (printable ASCII first: no slice, no regexp). */
function hasNonSpace(data: string, from: number, to: number): boolean {
  const c = data.charCodeAt(from);
  if (c > 32 && c < 127) return true;
  return /\S/.test(data.slice(from, to));
}

type Templates = Partial<Record<Kind, Map<string, HTMLElement>>>;

/**
 * Wrapper templates by document, shared by every Marks on it (a new controller,
 * a pass after undo): a page's first pass makes one per entry it marks, later
 * ones only clone. Templates are detached and never handed out, so nothing
 * (a tooltip's attributes) ever lands on one.
 */
const templatesByDoc = new WeakMap<Document, Templates>();

/** A record with at least one wrapper still in the page. */
const live = (r: MarkRecord) => r.elements.some((e) => e.isConnected);

export class Marks {
  /**
   * Every text node this module replaced by [text | wrapper]… parts, flat: the
   * i-th split put back `splitOriginal[i]` in place of the Text nodes
   * `splitTexts[splitEnd[i - 1] ?? 0 .. splitEnd[i])` it created.
   */
  private splitOriginal: Text[] = [];
  private splitEnd: number[] = [];
  private splitTexts: Text[] = [];
  /**
   * Wrapper → record, filled lazily: apply only lists its records in
   * `unindexed`; the first lookup after it (a hover, dropChanged finding
   * wrappers) enters their wrappers, and records() enters those the page has
   * taken out, so the list never holds on to them.
   */
  private readonly byElement = new WeakMap<Element, MarkRecord>();
  private unindexed: MarkRecord[] = [];
  /**
   * A wrapper's text when it was made, to notice the page rewriting marked text;
   * only for wrappers whose text is not their record's whole `text` (the pieces
   * of a match across elements): the others were made with `record.text`.
   */
  private readonly madeWith = new WeakMap<Element, string>();
  /** One detached wrapper per kind and entry, with its attributes set: each wrapper is a shallow clone. */
  private readonly templates: Templates;
  private all: MarkRecord[] = [];
  private sorted = true;
  private sheet: InstalledSheet | null = null;
  private intensity: Intensity;

  constructor(
    private readonly doc: Document,
    opts: { intensity?: Intensity } = {},
  ) {
    this.intensity = opts.intensity ?? 'normal';
    let templates = templatesByDoc.get(doc);
    if (!templates) templatesByDoc.set(doc, (templates = {}));
    this.templates = templates;
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
   *
   * The pieces to wrap are gathered first, in flat arrays (text node, from, to,
   * record), before anything is written; then each text node's pieces — which
   * come in a row, since annotations are taken in block order and a text node
   * belongs to one block — are written in one operation.
   */
  apply(blocks: readonly Block[], annotations: readonly Annotation[]): MarkRecord[] {
    let ordered = annotations;
    for (let i = 1; i < annotations.length; i++) {
      if (byBlockThenStart(annotations[i - 1]!, annotations[i]!) > 0) {
        ordered = [...annotations].sort(byBlockThenStart);
        break;
      }
    }
    const segNode: Text[] = [];
    const segFrom: number[] = [];
    const segTo: number[] = [];
    const segRecord: MarkRecord[] = [];
    const added: MarkRecord[] = [];
    let lastBlock = -1;
    let lastEnd = 0;
    /** In block `cursorBlock`, the first piece that may still hold an annotation (those before it end before the last start). */
    let cursorBlock = -1;
    let cursor = 0;
    /** In that block, the pieces before this one were found unchanged (each piece is compared with the block once). */
    let verified = 0;
    /** The last text node found connected and not inside a wrapper. */
    let checked: Text | null = null;
    for (const a of ordered) {
      const block = blocks[a.block];
      if (!block || a.start >= a.end || a.end > block.text.length) continue;
      if (a.block === lastBlock && a.start < lastEnd) continue; // overlaps the previous annotation
      if (a.block !== cursorBlock) {
        cursorBlock = a.block;
        cursor = verified = 0;
      }
      const { text: blockText, pieces } = block;
      const mark = segNode.length;
      let ok = true;
      for (let i = cursor; i < pieces.length; i++) {
        const p = pieces[i]!;
        if (p.start >= a.end) break;
        const data = p.node.data;
        const pEnd = p.start + data.length;
        if (pEnd <= a.start) {
          if (i === cursor) cursor++;
          continue;
        }
        if (i >= verified) {
          // the node changed since it was read: its offsets no longer hold
          if (data !== blockText.slice(p.start, pEnd)) {
            ok = false;
            break;
          }
          verified = i + 1;
        }
        const from = (a.start > p.start ? a.start : p.start) - p.start;
        const to = (a.end < pEnd ? a.end : pEnd) - p.start;
        if (!hasNonSpace(data, from, to)) continue;
        if (p.node !== checked) {
          if (!p.node.isConnected || isInsideMark(p.node)) {
            ok = false;
            break;
          }
          checked = p.node;
        }
        segNode.push(p.node);
        segFrom.push(from);
        segTo.push(to);
      }
      if (!ok || segNode.length === mark) {
        segNode.length = segFrom.length = segTo.length = mark;
        continue;
      }
      const record = newRecord(a, blockText);
      for (let k = mark; k < segNode.length; k++) segRecord.push(record);
      lastBlock = a.block;
      lastEnd = a.end;
      added.push(record);
    }
    let lost = false;
    for (let k = 0; k < segNode.length; ) {
      const node = segNode[k]!;
      let end = k + 1;
      while (end < segNode.length && segNode[end] === node) end++;
      if (!this.wrapNode(node, segFrom, segTo, segRecord, k, end)) lost = true;
      k = end;
    }
    const kept = lost ? added.filter((r) => r.elements.length > 0) : added;
    if (kept.length) {
      // the stylesheet goes in with the first wrapper: pages with no marks get none
      this.sheet ??= installSheet(this.doc, markCss(this.intensity));
      // a pass's records come in reading order; text appended at the end (infinite
      // scroll) keeps the whole list in order with one comparison, not a re-sort
      const last = this.all[this.all.length - 1];
      if (last && documentOrder(last.elements[0]!, kept[0]!.elements[0]!) > 0) this.sorted = false;
      for (const r of kept) {
        this.all.push(r);
        this.unindexed.push(r);
      }
    }
    return kept;
  }

  /** A new wrapper for `record`: a shallow clone of its template (tag, id, kind, tab stop). */
  private wrapper(record: MarkRecord): HTMLElement {
    const byId = (this.templates[record.kind] ??= new Map());
    let tpl = byId.get(record.entryId);
    if (!tpl) {
      tpl = this.doc.createElement(MARK_TAG) as HTMLElement;
      tpl.setAttribute('data-deal-lens-id', record.entryId);
      tpl.setAttribute('data-deal-lens-kind', record.kind);
      tpl.setAttribute('tabindex', '0');
      byId.set(record.entryId, tpl);
    }
    return tpl.cloneNode(false) as HTMLElement;
  }

  /**
   * Replace one text node by its parts in one operation (`replaceWith`: one
   * insertion of all the parts, one mutation record): the pieces
   * `[segFrom[k], segTo[k])` for k in [first, end), in order and disjoint.
   * False when the node has left the page (nothing written).
   */
  private wrapNode(node: Text, segFrom: number[], segTo: number[], segRecord: MarkRecord[], first: number, end: number): boolean {
    if (!node.parentNode) return false;
    const data = node.data;
    if (end - first === 1) {
      // one piece in the node (most of them): no list of parts
      const from = segFrom[first]!;
      const to = segTo[first]!;
      const before = from > 0 ? this.textPart(data.slice(0, from)) : null;
      const el = this.wrapperPart(segRecord[first]!, data.slice(from, to));
      const after = to < data.length ? this.textPart(data.slice(to)) : null;
      if (before) {
        if (after) node.replaceWith(before, el, after);
        else node.replaceWith(before, el);
      } else if (after) node.replaceWith(el, after);
      else node.replaceWith(el);
    } else {
      const parts: Node[] = [];
      let at = 0;
      for (let k = first; k < end; k++) {
        const from = segFrom[k]!;
        if (from > at) parts.push(this.textPart(data.slice(at, from)));
        at = segTo[k]!;
        parts.push(this.wrapperPart(segRecord[k]!, data.slice(from, at)));
      }
      if (at < data.length) parts.push(this.textPart(data.slice(at)));
      node.replaceWith(...parts);
    }
    this.splitOriginal.push(node);
    this.splitEnd.push(this.splitTexts.length);
    return true;
  }

  /** A Text node for one part of a split (kept to merge the split back on undo). */
  private textPart(s: string): Text {
    const t = this.doc.createTextNode(s);
    this.splitTexts.push(t);
    return t;
  }

  /** A wrapper around a new Text node `s`, entered in its record. */
  private wrapperPart(record: MarkRecord, s: string): HTMLElement {
    const el = this.wrapper(record);
    el.appendChild(this.textPart(s));
    record.elements.push(el);
    if (s !== record.text) this.madeWith.set(el, s);
    return el;
  }

  /** Enter the wrappers of the records applied since the last lookup into `byElement`. */
  private index(): void {
    if (!this.unindexed.length) return;
    for (const r of this.unindexed) for (const el of r.elements) this.byElement.set(el, r);
    this.unindexed = [];
  }

  /** The record a wrapper element belongs to. */
  recordOf(el: Element): MarkRecord | undefined {
    this.index();
    return this.byElement.get(el);
  }

  /** Live records (at least one wrapper still in the page), in reading order. */
  records(): MarkRecord[] {
    if (this.unindexed.length) {
      this.unindexed = this.unindexed.filter((r) => {
        if (live(r)) return true;
        for (const el of r.elements) this.byElement.set(el, r);
        return false;
      });
    }
    this.all = this.all.filter(live);
    if (!this.sorted) {
      const first = (r: MarkRecord) => r.elements.find((e) => e.isConnected)!;
      this.all.sort((a, b) => documentOrder(first(a), first(b)));
      this.sorted = true;
    }
    return this.all;
  }

  /** Remove one record's wrappers (its text stays, split; undo merges it later). */
  unmark(record: MarkRecord): void {
    this.index(); // its wrappers keep pointing at it, as they always did
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
    if (!wrappers.length) return 0;
    this.index();
    const stale = new Set<MarkRecord>();
    for (const w of wrappers) {
      const r = this.byElement.get(w);
      if (r && w.textContent !== (this.madeWith.get(w) ?? r.text)) stale.add(r);
    }
    for (const r of stale) this.unmark(r);
    return stale.size;
  }

  /** How many annotations are marked (live ones; no sorting needed to count). */
  get size(): number {
    let n = 0;
    for (const r of this.all) if (live(r)) n++;
    return n;
  }

  /** Whether any annotation is marked: stops at the first live one (a pass need not count the page's marks). */
  get any(): boolean {
    return this.all.some(live);
  }

  /**
   * Remove every wrapper and put back every text node this module split, newest
   * first, so nested splits (an incremental pass splitting a part of an earlier
   * split) unwind in order. A split whose parts the page has since moved or
   * removed is left as the page made it (its wrappers are still removed).
   */
  undo(): void {
    // nothing was ever wrapped (a page not about the deal): no need to search the page
    if (!this.all.length && !this.splitOriginal.length && !this.sheet) return;
    this.index(); // wrappers taken out still name their record, as they always did
    for (const r of this.all) for (const el of r.elements) unwrap(el);
    for (const el of Array.from(this.doc.querySelectorAll(WRAPPER_SELECTOR))) unwrap(el); // records lost to page moves
    for (let i = this.splitOriginal.length - 1; i >= 0; i--) {
      merge(this.splitOriginal[i]!, this.splitTexts.slice(i ? this.splitEnd[i - 1]! : 0, this.splitEnd[i]!));
    }
    this.splitOriginal = [];
    this.splitEnd = [];
    this.splitTexts = [];
    this.sheet?.remove();
    this.sheet = null;
    this.all = [];
    this.sorted = true;
  }
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
function merge(original: Text, texts: Text[]): void {
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
