/**
 * Reading the page: one depth-first pass over an element's text nodes into
 * blocks. Block elements (paragraphs, headings, list items, cells…) delimit
 * blocks; inline elements join, so `$100 <b>billion</b>` is one block text
 * "$100 billion" whose pieces map offsets back to the two text nodes.
 *
 * Runs in the content script and, under linkedom, in Node (the `scan` CLI):
 * only plain DOM navigation (firstChild/nextSibling/parentNode) and attribute
 * reads are used. linkedom's TreeWalker has neither filters nor
 * firstChild/nextSibling navigation, and a hand-rolled walk also lets us skip
 * whole subtrees and see where a block ends, in the same single pass.
 * Layout-aware visibility is an option (`isVisible`) that Node callers leave out.
 */

/** One text node's place in a block: its text starts at `start` in `Block.text`. */
export interface Piece {
  node: Text;
  start: number;
}

/** A paragraph-like run of text: the text nodes' data joined, in document order. */
export interface Block {
  text: string;
  pieces: Piece[];
  /**
   * What a reader reads a short cell or value under, when the block is one:
   * a table cell's caption, row header and column header, a `<dd>`'s `<dt>`,
   * an answer's `<summary>` question, a list item's lead-in. Absent otherwise.
   */
  label?: string;
}

export interface ExtractOptions {
  /**
   * Called for each element entered that has attributes (a class, id or style is
   * how page CSS hides things; asking every bare `<b>` would double the cost of a
   * walk for nothing); false skips its subtree. The content script passes a
   * `checkVisibility()` test; Node callers leave it out (no layout there).
   */
  isVisible?: (el: Element) => boolean;
  /** Extra elements whose subtree is skipped (e.g. our own tooltip host). */
  skip?: (el: Element) => boolean;
}

/** Elements whose text is not article prose (or not rendered as text at all). */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup', 'code', 'pre', 'svg',
  'math', 'button', 'iframe', 'object', 'embed', 'video', 'audio', 'canvas', 'rt', 'rp', 'head', 'title',
  // our own tooltip host: never read it back
  'deal-lens-tooltip',
]);

/** Elements that start and end a block (CSS display other than inline by default). */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'search', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const ELEMENT = 1;
const TEXT = 3;

/**
 * Lower-case tag name. `localName` is already lower case for HTML elements and
 * allocates nothing (unlike `tagName.toUpperCase()`, which cost a string per
 * element on the hot path); other namespaces keep their case, hence the fallback.
 */
function tagOf(el: Element): string {
  const n = el.localName;
  return n.charCodeAt(0) < 97 ? n.toLowerCase() : n;
}

/** Whether an element starts and ends a block of text. */
export function isBlockElement(el: Element): boolean {
  return BLOCKS.has(tagOf(el));
}

/** Whether the extractor ignores an element and everything inside it. */
export function isSkippedElement(el: Element): boolean {
  const tag = tagOf(el);
  if (SKIPPED.has(tag)) return true;
  // closed disclosure widgets hide their content by the browser's own rules, no attribute says so
  if ((tag === 'details' || tag === 'dialog') && !el.hasAttribute('open')) return true;
  // most elements of a page carry no attribute at all: one call settles them
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Whether `node` or one of its ancestors up to (excluding) `stop` is skipped. */
export function isInSkippedSubtree(node: Node, stop: Node | null = null): boolean {
  for (let n: Node | null = node.nodeType === ELEMENT ? node : node.parentNode; n && n !== stop; n = n.parentNode) {
    if (n.nodeType === ELEMENT && isSkippedElement(n as Element)) return true;
  }
  return false;
}

/** The nearest ancestor-or-self block element of `node` (the whole block an edit belongs to), or `fallback`. */
export function blockOf(node: Node, fallback: Element): Element {
  for (let n: Node | null = node.nodeType === ELEMENT ? node : node.parentNode; n; n = n.parentNode) {
    if (n === fallback) return fallback;
    if (n.nodeType === ELEMENT && isBlockElement(n as Element) && tagOf(n as Element) !== 'br') return n as Element;
  }
  return fallback;
}

/**
 * Split the text under `root` into blocks. Whitespace-only blocks are dropped;
 * texts are not trimmed or collapsed, so offsets map exactly back to the nodes.
 */
export function extractBlocks(root: Node, opts: ExtractOptions = {}): { blocks: Block[] } {
  // start a Document at its element (linkedom's doctype has no nextSibling)
  if (root.nodeType === 9) root = (root as Document).documentElement;
  const blocks: Block[] = [];
  const labelCache: LabelCache = { captions: new Map(), headers: new Map() };
  let text = '';
  let pieces: Piece[] = [];
  const flush = () => {
    if (pieces.length && /\S/.test(text)) {
      const label = text.length <= LABELLED_MAX ? labelOf(pieces[0]!.node, root, labelCache) : undefined;
      blocks.push(label ? { text, pieces, label } : { text, pieces });
    }
    text = '';
    pieces = [];
  };
  const visible = opts.isVisible;
  const skip = (el: Element) => isSkippedElement(el) || opts.skip?.(el) === true || (visible !== undefined && el.hasAttributes() && !visible(el));

  if (root.nodeType === TEXT) {
    const t = root as Text;
    if (/\S/.test(t.data)) blocks.push({ text: t.data, pieces: [{ node: t, start: 0 }] });
    return { blocks };
  }

  /** Visit `node` on the way down; returns whether to descend into it. */
  const enter = (node: Node): boolean => {
    if (node.nodeType === TEXT) {
      const data = (node as Text).data;
      if (data.length) {
        pieces.push({ node: node as Text, start: text.length });
        text += data;
      }
      return false;
    }
    // a DocumentFragment root is walked through; comments and the like are not
    if (node.nodeType !== ELEMENT) return node === root;
    const el = node as Element;
    if (node !== root && skip(el)) return false;
    if (isBlockElement(el)) flush();
    return true;
  };
  const leave = (node: Node) => {
    if (node.nodeType === ELEMENT && isBlockElement(node as Element)) flush();
  };

  let node: Node = root;
  let descend = enter(root);
  for (;;) {
    const child = descend ? node.firstChild : null;
    if (child) {
      node = child;
      descend = enter(node);
      continue;
    }
    // no way down: leave this node, then move to the next sibling or climb
    for (;;) {
      if (node.nodeType === ELEMENT && (descend || node === root)) leave(node);
      if (node === root) {
        flush();
        return { blocks };
      }
      const next = node.nextSibling;
      if (next) {
        node = next;
        descend = enter(node);
        break;
      }
      const parent = node.parentNode;
      if (!parent) {
        flush();
        return { blocks };
      }
      node = parent;
      descend = true; // a parent we climb into was entered and descended
    }
  }
}

/** Only blocks this short get a label: a cell, a value, a one-line answer (the engine reads no longer block under one). */
const LABELLED_MAX = 80;
/** A label's own parts are kept short: headers and lead-ins, not paragraphs. */
const LABEL_PART_MAX = 140;

const squash = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();
const part = (el: Element | null | undefined) => {
  const t = squash(el?.textContent);
  return t.length <= LABEL_PART_MAX ? t : '';
};
const HEADING = /^h[1-6]$/;

/** The caption of a table or list, read once per box and pass (a long menu's items share one). */
function cachedCaption(box: Element, cache: LabelCache): string {
  let cap = cache.captions.get(box);
  if (cap === undefined) cache.captions.set(box, (cap = captionOf(box)));
  return cap;
}

/** The caption of a table or list: its <caption>, or a heading or short lead-in right before it. */
function captionOf(box: Element): string {
  const cap = tagOf(box) === 'table' ? Array.from(box.children).find((c) => tagOf(c) === 'caption') : undefined;
  if (cap) return part(cap);
  const prev = box.previousElementSibling;
  if (!prev) return '';
  const tag = tagOf(prev);
  // a heading, or a short paragraph that leads in with a colon ("Key numbers:"); nothing else is read
  if (HEADING.test(tag)) return part(prev);
  if (tag !== 'p') return '';
  const t = part(prev);
  return /:\s*$/.test(t) ? t.replace(/:\s*$/, '') : '';
}

/** What labelOf reads once per table or list in one extraction pass. */
interface LabelCache {
  captions: Map<Element, string>;
  headers: Map<Element, string[]>;
}

/** The header cells' texts of a table (its <thead> row, else a first row of <th>), read once per table and pass. */
function columnHeaders(table: Element, cache: LabelCache): string[] {
  let heads = cache.headers.get(table);
  if (!heads) {
    const rows = Array.from(table.querySelectorAll('tr'));
    const head = rows.find((r) => r.parentElement && tagOf(r.parentElement) === 'thead') ?? rows.find((r) => r.children.length > 0 && Array.from(r.children).every((c) => tagOf(c) === 'th'));
    heads = head ? Array.from(head.children).map((c) => part(c)) : [];
    cache.headers.set(table, heads);
  }
  return heads;
}

/**
 * What a short block is read under (see Block.label), found from its first text
 * node up through a few ancestors: asked once per short block, not per node.
 */
function labelOf(node: Node, stop: Node, cache: LabelCache): string | undefined {
  let depth = 0;
  for (let el = node.parentNode as Element | null; el && el !== stop && el.nodeType === ELEMENT && depth < 8; el = el.parentNode as Element | null, depth++) {
    const tag = tagOf(el);
    if (tag === 'td' || tag === 'th') {
      const row = el.parentElement;
      const table = el.closest('table');
      if (!row || !table || (row.parentElement && tagOf(row.parentElement) === 'thead')) return undefined;
      const cells = Array.from(row.children);
      const index = cells.indexOf(el);
      const rowHead = index > 0 ? part(cells[0]) : '';
      const parts = [cachedCaption(table, cache), rowHead, columnHeaders(table, cache)[index] ?? ''].filter(Boolean);
      return parts.length ? parts.join(' — ') : undefined;
    }
    if (tag === 'dd') {
      let dt = el.previousElementSibling;
      while (dt && tagOf(dt) !== 'dt') dt = dt.previousElementSibling;
      const list = el.parentElement;
      const parts = [list ? cachedCaption(list, cache) : '', part(dt)].filter(Boolean);
      return parts.length ? parts.join(' — ') : undefined;
    }
    if (tag === 'summary') return undefined;
    if (tag === 'details') {
      const summary = Array.from(el.children).find((c) => tagOf(c) === 'summary');
      return part(summary) || undefined;
    }
    if (tag === 'li') {
      const list = el.parentElement;
      return (list && cachedCaption(list, cache)) || undefined;
    }
  }
  return undefined;
}

/** What the engine reads of a page besides its blocks. */
export interface PageMeta {
  title: string;
  /** The article's publication date, YYYY-MM-DD, when the page states one. */
  published?: string;
  /** The day the page says it was last changed (article:modified_time, JSON-LD dateModified), if any. */
  modified?: string;
}

/** "2026-04-21T09:00:00-04:00" → "2026-04-21" (the publisher's own calendar day); invalid → undefined. */
export function isoDay(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day ? day : undefined;
}

/** Depth-first search of parsed JSON-LD for the first `key` (datePublished, dateModified) holding a real day. */
function findDate(value: unknown, key: string, depth = 0): string | undefined {
  if (depth > 8 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const d = findDate(v, key, depth + 1);
      if (d) return d;
    }
    return undefined;
  }
  const rec = value as Record<string, unknown>;
  const own = rec[key];
  if (typeof own === 'string' && isoDay(own)) return isoDay(own);
  for (const k of Object.keys(rec)) {
    const d = findDate(rec[k], key, depth + 1);
    if (d) return d;
  }
  return undefined;
}

/**
 * Where pages state their publication day in a `<meta content>`, most specific
 * first: the Open Graph article date (and its twins), then the other names
 * publishers and CMSs use for the same day.
 */
const PUBLISHED_META = [
  'property=article:published_time',
  'name=article:published_time',
  'itemprop=datePublished',
  'name=parsely-pub-date',
  'name=sailthru.date',
  'name=pubdate',
  'name=publishdate',
  'name=publish-date',
  'name=DC.date.issued',
  'name=dcterms.issued',
  'name=dcterms.created',
  'name=DC.date',
  'name=date',
];
const RANK = new Map(PUBLISHED_META.map((k, i) => [k, i]));
/** Where pages state the day they were last changed. */
const MODIFIED_META = new Set(['property=article:modified_time', 'name=article:modified_time', 'property=og:updated_time', 'itemprop=dateModified']);

/**
 * The page's title, publication date and last-modified date. The publication
 * date comes from, in order: a `<meta>` of PUBLISHED_META (one pass over the
 * page's meta tags), JSON-LD `datePublished`, a `<time datetime>` marked as the
 * publication date or inside the article, else none; the modified date from
 * the same meta pass or JSON-LD `dateModified`.
 */
export function readPageMeta(doc: Document): PageMeta {
  const title = (doc.title ?? '').trim();
  let published: string | undefined;
  let modified: string | undefined;
  let best = PUBLISHED_META.length;
  for (const m of Array.from(doc.querySelectorAll('meta[content]'))) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = `${attr}=${m.getAttribute(attr)}`;
      if (!modified && MODIFIED_META.has(key)) modified = isoDay(m.getAttribute('content'));
      const rank = RANK.get(key);
      if (rank === undefined || rank >= best) continue;
      const day = isoDay(m.getAttribute('content'));
      if (day) {
        published = day;
        best = rank;
      }
    }
  }
  if (!published || !modified) {
    for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
      try {
        const json: unknown = JSON.parse(s.textContent ?? '');
        published ??= findDate(json, 'datePublished');
        modified ??= findDate(json, 'dateModified');
      } catch {
        // a broken JSON-LD block says nothing about the date
      }
      if (published && modified) break;
    }
  }
  if (!published) {
    const time = doc.querySelector('time[itemprop="datePublished"][datetime], time[pubdate][datetime]') ?? doc.querySelector('article time[datetime]') ?? doc.querySelector('main time[datetime]');
    published = isoDay(time?.getAttribute('datetime'));
  }
  return { title, ...(published ? { published } : {}), ...(modified ? { modified } : {}) };
}
