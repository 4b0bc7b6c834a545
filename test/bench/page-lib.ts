/**
 * The in-page half of `npm run bench`: bundled with esbuild (the dataset comes in
 * through `deal-lens:dataset`, as in the extension) and injected into each page.
 * Every method times itself with performance.now() inside the page and returns
 * milliseconds; the Node driver (run.ts) puts a freshly parsed body in place before
 * each run that reads or writes the body, so marks never accumulate and no run
 * reuses what an earlier one made.
 *
 * - `ours`      what the content script does per page load: a PageController
 *               (src/content/page-controller.ts) created and activated — its
 *               pre-check, extraction, engine.analyze, Marks.apply, summary,
 *               state attributes and User Timing measure — with the real engine.
 * - `floor`     a bare TreeWalker over the body's text nodes, reading `.data`.
 * - `markjs`    mark.js' markRegExp with one combined regexp of ~50 deal phrases.
 * - `domWrites` the same segments our pass wraps, wrapped at minimal cost: one
 *               `replaceWith` per text node, plain `span`, no attributes.
 * - `incremental` PageController.scanRoots on appended paragraphs (the entry
 *               point the observer calls, public for this benchmark).
 */
import dataset from 'deal-lens:dataset';
import { createEngine, type Engine } from '../../src/core/engine';
import { compile } from '../../src/core/compile';
import { extractBlocks, readPageMeta, type Block } from '../../src/content/extract';
import { Marks, MARK_TAG } from '../../src/content/marks';
import { PageController, type ViewSettings } from '../../src/content/page-controller';
import { explain, indexDataset } from '../../src/core/explain';
import { KINDS } from '../../src/core/settings';
import type { PageSummary } from '../../src/core/messages';
import type { PageResult } from '../../src/core/types';
import { installSheet } from '../../src/content/stylesheet';
import { markCss } from '../../src/content/mark-style';

interface MarkJs {
  markRegExp(re: RegExp, opts: { element?: string; done?: (n: number) => void; acrossElements?: boolean }): void;
}
type MarkCtor = new (ctx: Element) => MarkJs;

const html = document.documentElement;
/** The body as loaded: an empty copy of the element (its attributes) and its markup. */
let pristine: { shell: HTMLElement; markup: string } | null = null;
let engine: Engine | null = null;
/** Kept alive on purpose: the content script holds its engine and marks for the page's lifetime. */
let controller: PageController | null = null;
let lastSummary: PageSummary | null = null;
/**
 * Whether the body may have been written to or read since the last restore: our
 * marks, mark.js marks and spans, but also a read of its text — a text node read
 * from JS gets a wrapper and its data a JS string, which later reads reuse.
 */
let dirty = true;

const now = () => performance.now();
const gc = (type: 'minor' | 'major') => (globalThis as { gc?: (o?: { type: string }) => void }).gc?.({ type });

/** Keep the body's markup as loaded; call once, before any pass. */
export function snapshot(): void {
  pristine = { shell: document.body.cloneNode(false) as HTMLElement, markup: document.body.innerHTML };
}

/**
 * Put a body parsed afresh from the saved markup in place, lay it out, collect
 * garbage: the next run starts as at page load. Parsed, not cloned: a clone
 * shares its text with the copy it came from, and Blink keeps the JS string it
 * made for a text's data for as long as that string lives, so a walk over a
 * clone of a body read before reuses strings a page load never has (measured:
 * a third to a half cheaper on most pages).
 */
export function restore(): void {
  dirty = false;
  controller?.deactivate(); // stops its observer (and undoes its marks: the body goes anyway)
  controller = null;
  const body = pristine!.shell.cloneNode(false) as HTMLElement;
  body.innerHTML = pristine!.markup;
  document.body.replaceWith(body);
  document.adoptedStyleSheets = [];
  html.removeAttribute('data-deal-lens-state');
  html.removeAttribute('data-deal-lens-about');
  performance.clearMarks();
  performance.clearMeasures();
  lastSummary = null;
  void document.body.offsetHeight; // the page is laid out before the timed work, as at document_idle
  gc('minor');
}

/** Create the engine (cheap: it builds its automaton lazily, on the first page that passes the pre-check). */
export function compileOnce(): number {
  const t0 = now();
  engine = timed(createEngine(dataset));
  return now() - t0;
}

/** Time spent in the engine and in Marks.apply during a pass (to split the pass into phases). */
const spent = { engine: 0, apply: 0 };

/** The engine, with its page-facing calls timed into `spent.engine`. */
function timed(e: Engine): Engine {
  const w = Object.create(e) as Engine;
  w.analyze = (input, options) => {
    const t0 = now();
    try {
      return e.analyze(input, options);
    } finally {
      spent.engine += now() - t0;
    }
  };
  w.annotate = (blocks, date, options) => {
    const t0 = now();
    try {
      return e.annotate(blocks, date, options);
    } finally {
      spent.engine += now() - t0;
    }
  };
  return w;
}

const apply = Marks.prototype.apply;
Marks.prototype.apply = function (this: Marks, ...args: Parameters<typeof apply>) {
  const t0 = now();
  try {
    return apply.apply(this, args);
  } finally {
    spent.apply += now() - t0;
  }
};

const SETTINGS: ViewSettings = { kinds: KINDS, disabledSources: [], intensity: 'normal', tooltipDelay: 300 };
let index: ReturnType<typeof indexDataset> | null = null;

/** A controller wired as index.ts wires it, minus the extension APIs (the summary is kept instead of sent). */
function newController(): PageController {
  return new PageController(
    {
      win: window,
      engine: engine!,
      t: (key) => key,
      explain: (r) => explain((index ??= indexDataset(dataset)), { entryId: r.entryId, kind: r.kind, factId: r.factId, text: r.text }),
      report: (summary) => {
        lastSummary = summary;
      },
    },
    SETTINGS,
  );
}

/** Repeat a read-only function until `minMs` has passed; mean ms per call (beats the timer's granularity). */
function repeatRead(fn: () => void, minMs: number): { ms: number; reps: number } {
  let reps = 0;
  const t0 = now();
  let t = t0;
  do {
    fn();
    reps++;
    t = now();
  } while (t - t0 < minMs);
  return { ms: (t - t0) / reps, reps };
}

/** The engine's build proper — compile(dataset): automaton and parsed data — repeated (it is pure). */
export function compileRepeated(minMs: number): number {
  return repeatRead(() => compile(dataset), minMs).ms;
}

function walkText(): { nodes: number; chars: number } {
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  let chars = 0;
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    nodes++;
    chars += (n as Text).data.length;
  }
  return { nodes, chars };
}

/**
 * The floor: one TreeWalker walk over every text node, reading its data, on this
 * fresh copy of the body (no JS wrapper exists yet for its nodes, as at page
 * load: the walk makes them) — the state our pass starts from. `warm` is the
 * same walk repeated for `minMs` over the wrappers the first walk made (cheaper:
 * 2–4× here), reported beside it.
 */
export function floor(minMs: number): { ms: number; warm: number; nodes: number; chars: number; reps: number } {
  const t0 = now();
  let r = walkText();
  const ms = now() - t0;
  const { ms: warm, reps } = repeatRead(() => {
    r = walkText();
  }, minMs);
  return { ms, warm, reps, ...r };
}

export interface PassTiming {
  ms: number;
  /** engine.analyze / annotate */
  engine: number;
  /** Marks.apply */
  apply: number;
  /** everything else: pre-check, extraction, page meta, summary, attributes, measure */
  rest: number;
  marks: number;
  wrappers: number;
  about: boolean;
  stoppedEarly: boolean;
}

/** One first pass, exactly as the content script runs it on page load: a controller created and activated. */
function pass(): PassTiming {
  controller?.deactivate();
  spent.engine = 0;
  spent.apply = 0;
  const t0 = now();
  controller = newController();
  controller.activate();
  const ms = now() - t0;
  // the controller reports its summary after passes settle (off the pass's time): ask for it now
  const s = controller.summary();
  const wrappers = s.items.length ? document.body.querySelectorAll(MARK_TAG).length : 0;
  return {
    ms,
    engine: spent.engine,
    apply: spent.apply,
    rest: ms - spent.engine - spent.apply,
    marks: s.items.length,
    wrappers,
    about: s.about,
    // the engine was never asked: the controller's pre-check settled the page
    stoppedEarly: !s.about && spent.engine === 0,
  };
}

/** Our pass, once, on this fresh copy of the body (the caller restores a fresh copy before each run). */
export function ours(): PassTiming {
  const p = pass();
  performance.clearMarks();
  performance.clearMeasures();
  return p;
}

/** The mark.js peer: one combined regexp over the whole body, plain <mark> elements. */
export function markjs(source: string, flags: string): { ms: number; marks: number } {
  const Mark = (globalThis as unknown as { Mark: MarkCtor }).Mark;
  const re = new RegExp(source, flags);
  let n = 0;
  const t0 = now();
  new Mark(document.body).markRegExp(re, {
    done: (c) => {
      n = c;
    },
  });
  return { ms: now() - t0, marks: n };
}

/** Text nodes of the body in document order (untimed helper). */
function textNodes(): Text[] {
  const out: Text[] = [];
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n as Text);
  return out;
}

/** What our pass wraps on this page, as [text-node index, from, to, from, to…]; found once, on a fresh copy. */
let plan: { index: number; segs: number[] }[] = [];
let planAnnotations: PageResult['annotations'] = [];

/** Marks.apply alone (new Marks + apply, stylesheet included) with the page's annotations, on this fresh copy, after a minor GC. */
export function marksOnly(): { ms: number; marks: number } {
  const { blocks } = extractBlocks(document.body);
  gc('minor');
  const t0 = now();
  const m = new Marks(document);
  const n = m.apply(blocks, planAnnotations).length;
  return { ms: now() - t0, marks: n };
}

export function prepareDomPlan(): { segments: number; nodes: number } {
  const { blocks } = extractBlocks(document.body);
  const meta = readPageMeta(document);
  const result = engine!.analyze({ blocks: blocks.map((b) => b.text), title: meta.title, ...(meta.published ? { published: meta.published } : {}) });
  planAnnotations = result.annotations;
  const byNode = segmentPlan(blocks, result);
  const index = new Map(textNodes().map((t, i) => [t, i]));
  plan = [...byNode].map(([node, segs]) => ({ index: index.get(node)!, segs }));
  return { segments: plan.reduce((n, p) => n + p.segs.length / 2, 0), nodes: plan.length };
}

/**
 * The unavoidable DOM writes: the segments our pass wraps (prepareDomPlan),
 * wrapped at minimal cost on this fresh copy — one `replaceWith(parts)` per text
 * node (about a quarter cheaper than filling a DocumentFragment for
 * `replaceChild`, and what marks.ts does), a plain span per segment, nothing else.
 */
export function domWrites(shape: Shape = 'span'): { ms: number; marks: number } {
  const nodes = textNodes();
  const work = plan.map((p) => ({ node: nodes[p.index]!, segs: p.segs }));
  const tag = shape === 'span' ? 'span' : 'deal-lens-mark';
  let spans = 0;
  const t0 = now();
  for (const { node, segs } of work) {
    const data = node.data;
    const parts: Node[] = [];
    let at = 0;
    for (let i = 0; i < segs.length; i += 2) {
      const from = segs[i]!;
      const to = segs[i + 1]!;
      if (from > at) parts.push(document.createTextNode(data.slice(at, from)));
      const el = document.createElement(tag);
      if (shape === 'custom+attrs' || shape === 'custom+attrs+tabindex') {
        el.setAttribute('data-deal-lens-id', 'x');
        el.setAttribute('data-deal-lens-kind', 'term');
      }
      if (shape === 'custom+attrs+tabindex') el.setAttribute('tabindex', '0');
      el.appendChild(document.createTextNode(data.slice(from, to)));
      parts.push(el);
      spans++;
      at = to;
    }
    if (at < data.length) parts.push(document.createTextNode(data.slice(at)));
    node.replaceWith(...parts);
  }
  return { ms: now() - t0, marks: spans };
}

/** Wrapper shapes, from the minimal one to ours (marks.ts): what each ingredient adds. */
export const SHAPES = ['span', 'custom', 'custom+attrs', 'custom+attrs+tabindex'] as const;
export type Shape = (typeof SHAPES)[number];

/** The minimal DOM writes again with each wrapper shape, each on a fresh copy; ms per shape. */
export function shapes(): Record<Shape, number> {
  const out = {} as Record<Shape, number>;
  for (const sh of SHAPES) {
    restore();
    out[sh] = domWrites(sh).ms;
  }
  dirty = true;
  return out;
}

/** Text node → flat [from, to, from, to…] of the annotation pieces in it (non-overlapping, in order). */
function segmentPlan(blocks: readonly Block[], result: PageResult): Map<Text, number[]> {
  const plan = new Map<Text, number[]>();
  const ordered = [...result.annotations].sort((a, b) => a.block - b.block || a.start - b.start);
  let lastBlock = -1;
  let lastEnd = 0;
  for (const a of ordered) {
    const block = blocks[a.block];
    if (!block || (a.block === lastBlock && a.start < lastEnd)) continue;
    lastBlock = a.block;
    lastEnd = a.end;
    for (const p of block.pieces) {
      const from = Math.max(a.start, p.start);
      const to = Math.min(a.end, p.start + p.node.data.length);
      if (to <= from) continue;
      if (!/\S/.test(p.node.data.slice(from - p.start, to - p.start))) continue;
      const list = plan.get(p.node);
      if (list) list.push(from - p.start, to - p.start);
      else plan.set(p.node, [from - p.start, to - p.start]);
    }
  }
  return plan;
}

/** extractBlocks alone, without and with the layout-aware visibility test (read-only, repeated for `minMs`). */
export function extractCost(minMs: number): { plain: number; visible: number } {
  const isVisible = (el: Element) => el.checkVisibility();
  const plain = repeatRead(() => extractBlocks(document.body), minMs).ms;
  const visible = repeatRead(() => extractBlocks(document.body, { isVisible }), minMs).ms;
  return { plain, visible };
}

/** Installing and removing the marks' stylesheet (part of the first Marks.apply on a page), repeated. */
export function sheetCost(minMs: number): number {
  return repeatRead(() => installSheet(document, markCss('normal')).remove(), minMs).ms;
}

export type Method = 'floor' | 'ours' | 'markjs' | 'dom' | 'compile' | 'extract' | 'sheet' | 'shapes' | 'marksOnly';

export interface Round {
  floor?: ReturnType<typeof floor>;
  ours?: ReturnType<typeof ours>;
  markjs?: ReturnType<typeof markjs>;
  dom?: ReturnType<typeof domWrites>;
  compile?: number;
  extract?: ReturnType<typeof extractCost>;
  sheet?: number;
  shapes?: Record<Shape, number>;
  marksOnly?: ReturnType<typeof marksOnly>;
}

/** One round: every method once, in the given order, each on a body parsed afresh when the one before read or wrote the body. */
export function round(order: Method[], re: { source: string; flags: string }, minMs: number): Round {
  gc('major');
  const out: Round = {};
  for (const m of order) {
    if (dirty) restore();
    // every method but the two pure ones reads the body's text (wrappers, strings) or writes to it:
    // the next method gets a body no JS has touched yet
    dirty = m !== 'compile' && m !== 'sheet';
    if (m === 'floor') out.floor = floor(minMs);
    else if (m === 'ours') out.ours = ours();
    else if (m === 'markjs') out.markjs = markjs(re.source, re.flags);
    else if (m === 'dom') out.dom = domWrites();
    else if (m === 'compile') out.compile = compileRepeated(minMs);
    else if (m === 'sheet') out.sheet = sheetCost(minMs);
    else if (m === 'marksOnly') out.marksOnly = marksOnly();
    else if (m === 'shapes') {
      if (plan.length) out.shapes = shapes();
    }
    else out.extract = extractCost(minMs);
  }
  return out;
}

/**
 * Run the first pass (untimed), then append a batch of paragraphs as the page's
 * own script would (infinite scroll) and time the controller's incremental pass
 * over them — PageController.scanRoots, the entry point its observer calls with
 * the block roots of what changed (here: the appended paragraphs).
 */
export function incremental(batchHtml: string): { ms: number; engine: number; apply: number; marks: number; blocks: number; pageMarks: number } {
  dirty = true;
  const full = pass();
  const container = document.querySelector('main') ?? document.querySelector('article') ?? document.body;
  const tpl = document.createElement('template');
  tpl.innerHTML = batchHtml;
  const roots = Array.from(tpl.content.childNodes);
  for (const n of roots) container.appendChild(n);
  const before = controller!.summary().items.length;
  // The observer runs in an idle callback, after the browser has laid out what arrived;
  // lay it out here too, so the page's own layout is not billed to the pass.
  void document.body.offsetHeight;
  spent.engine = 0;
  spent.apply = 0;
  const t0 = now();
  controller!.scanRoots(roots);
  const ms = now() - t0;
  return { ms, engine: spent.engine, apply: spent.apply, marks: controller!.summary().items.length - before, blocks: roots.filter((n) => n.nodeType === 1).length, pageMarks: full.marks };
}

/**
 * The first pass of a page load, cold: create the engine and run the pass once
 * (on a page past the pre-check the engine builds its automaton inside it). Then
 * compile(dataset) once more, timed: cold too when the pass stopped at the
 * pre-check (it never compiled), else a second call.
 */
export function coldPass(): { create: number; pass: PassTiming; compile: number } {
  dirty = true;
  const create = compileOnce();
  const p = pass();
  const t0 = now();
  compile(dataset);
  return { create, pass: p, compile: now() - t0 };
}

export function stats(): { nodes: number; chars: number; crossOriginIsolated: boolean } {
  return { ...walkText(), crossOriginIsolated: globalThis.crossOriginIsolated === true };
}
