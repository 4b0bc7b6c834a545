/**
 * The in-page half of `npm run bench`: bundled with esbuild (the dataset comes in
 * through `deal-lens:dataset`, as in the extension) and injected into each page.
 * Every method times itself with performance.now() inside the page and returns
 * milliseconds; the Node driver (run.ts) restores a fresh copy of the body between
 * runs that write to the DOM, so marks never accumulate.
 *
 * - `ours`      what the content script does per page load: read the blocks
 *               (extractBlocks), decide and annotate (engine.analyze), wrap
 *               (Marks.apply), with the state attributes and User Timing measure.
 * - `floor`     a bare TreeWalker over the body's text nodes, reading `.data`.
 * - `markjs`    mark.js' markRegExp with one combined regexp of ~50 deal phrases.
 * - `domWrites` the same segments our pass wraps, wrapped at minimal cost: one
 *               DocumentFragment per text node, plain `span`, no attributes.
 * - `incremental` a MutationObserver fed by appended paragraphs, running the
 *               observer-style pass over the added roots only.
 */
import dataset from 'deal-lens:dataset';
import { createEngine, type Engine } from '../../src/core/engine';
import { compile } from '../../src/core/compile';
import { extractBlocks, readPageMeta, type Block } from '../../src/content/extract';
import { Marks, isInsideMark } from '../../src/content/marks';
import type { PageResult } from '../../src/core/types';
import { installSheet } from '../../src/content/stylesheet';
import { markCss } from '../../src/content/mark-style';

interface MarkJs {
  markRegExp(re: RegExp, opts: { element?: string; done?: (n: number) => void; acrossElements?: boolean }): void;
}
type MarkCtor = new (ctx: Element) => MarkJs;

const html = document.documentElement;
let pristine: HTMLElement | null = null;
let engine: Engine | null = null;
/** Kept alive on purpose: the content script holds its engine and marks for the page's lifetime. */
let marks: Marks | null = null;
let lastResult: PageResult | null = null;
let observer: MutationObserver | null = null;
/** Whether the body may have been written to since the last restore (our marks, mark.js marks, spans). */
let dirty = true;

const now = () => performance.now();
const gc = (type: 'minor' | 'major') => (globalThis as { gc?: (o?: { type: string }) => void }).gc?.({ type });

/** Keep a pristine copy of the body; call once, before any pass. */
export function snapshot(): void {
  pristine = document.body.cloneNode(true) as HTMLElement;
}

/** Put a fresh copy of the pristine body in place, lay it out, collect garbage: the next run starts clean. */
export function restore(): void {
  dirty = false;
  observer?.disconnect();
  observer = null;
  document.body.replaceWith(pristine!.cloneNode(true));
  document.adoptedStyleSheets = [];
  html.removeAttribute('data-deal-lens-state');
  html.removeAttribute('data-deal-lens-about');
  performance.clearMarks();
  performance.clearMeasures();
  marks = null;
  lastResult = null;
  void document.body.offsetHeight; // the page is laid out before the timed work, as at document_idle
  gc('minor');
}

/** Create the engine (cheap: it builds its automaton lazily, on the first page that passes the pre-check). */
export function compileOnce(): number {
  const t0 = now();
  engine = createEngine(dataset);
  return now() - t0;
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

/** The floor: one TreeWalker walk over every text node, reading its data. */
export function floor(minMs: number): { ms: number; nodes: number; chars: number; reps: number } {
  let r = { nodes: 0, chars: 0 };
  const { ms, reps } = repeatRead(() => {
    r = walkText();
  }, minMs);
  return { ms, reps, ...r };
}

export interface PassTiming {
  ms: number;
  extract: number;
  analyze: number;
  mark: number;
  blocks: number;
  marks: number;
  wrappers: number;
  about: boolean;
  reason: string;
  stoppedEarly: boolean;
}

const PRECHECK_REASON = 'the two parties are not both named';

/** One full pass, exactly as the content script runs it on page load. */
function pass(): PassTiming {
  const t0 = now();
  performance.mark('deal-lens:scan-start');
  html.setAttribute('data-deal-lens-state', 'scanning');
  const { blocks } = extractBlocks(document.body);
  const meta = readPageMeta(document);
  const t1 = now();
  const result = engine!.analyze({ blocks: blocks.map((b) => b.text), title: meta.title, ...(meta.published ? { published: meta.published } : {}) });
  const t2 = now();
  let wrappers = 0;
  let count = 0;
  if (result.annotations.length) {
    marks = new Marks(document);
    const recs = marks.apply(blocks, result.annotations);
    count = recs.length;
    for (const r of recs) wrappers += r.elements.length;
  }
  html.setAttribute('data-deal-lens-about', result.about ? 'yes' : 'no');
  html.setAttribute('data-deal-lens-state', 'done');
  performance.measure('deal-lens:scan', 'deal-lens:scan-start');
  const t3 = now();
  lastResult = result;
  return {
    ms: t3 - t0,
    extract: t1 - t0,
    analyze: t2 - t1,
    mark: t3 - t2,
    blocks: blocks.length,
    marks: count,
    wrappers,
    about: result.about,
    reason: result.reason,
    stoppedEarly: result.reason === PRECHECK_REASON,
  };
}

/**
 * Our pass. On a page where it writes nothing (not about the deal) it is
 * read-only, so it is repeated for `minMs` like the floor; otherwise it runs once
 * (the caller restores a fresh copy before each run).
 */
export function ours(minMs: number): PassTiming & { reps: number } {
  const first = pass();
  if (first.marks > 0) return { ...first, reps: 1 };
  const sums = { ms: 0, extract: 0, analyze: 0, mark: 0 };
  let reps = 0;
  const t0 = now();
  do {
    const p = pass();
    sums.ms += p.ms;
    sums.extract += p.extract;
    sums.analyze += p.analyze;
    sums.mark += p.mark;
    reps++;
  } while (now() - t0 < minMs);
  performance.clearMarks();
  performance.clearMeasures();
  return { ...first, ms: sums.ms / reps, extract: sums.extract / reps, analyze: sums.analyze / reps, mark: sums.mark / reps, reps };
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
 * wrapped at minimal cost on this fresh copy — one DocumentFragment per text
 * node, a plain span per segment, nothing else.
 */
export function domWrites(shape: Shape = 'span'): { ms: number; marks: number } {
  const nodes = textNodes();
  const work = plan.map((p) => ({ node: nodes[p.index]!, segs: p.segs }));
  const tag = shape === 'span' ? 'span' : 'deal-lens-mark';
  let spans = 0;
  const t0 = now();
  for (const { node, segs } of work) {
    const data = node.data;
    const frag = document.createDocumentFragment();
    let at = 0;
    for (let i = 0; i < segs.length; i += 2) {
      const from = segs[i]!;
      const to = segs[i + 1]!;
      if (from > at) frag.appendChild(document.createTextNode(data.slice(at, from)));
      const el = document.createElement(tag);
      if (shape === 'custom+attrs' || shape === 'custom+attrs+tabindex') {
        el.setAttribute('data-deal-lens-id', 'x');
        el.setAttribute('data-deal-lens-kind', 'term');
      }
      if (shape === 'custom+attrs+tabindex') el.setAttribute('tabindex', '0');
      el.appendChild(document.createTextNode(data.slice(from, to)));
      frag.appendChild(el);
      spans++;
      at = to;
    }
    if (at < data.length) frag.appendChild(document.createTextNode(data.slice(at)));
    node.parentNode!.replaceChild(frag, node);
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

const escRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let sketchRes: RegExp[] | null = null;
const WORDISH = /[\p{L}\p{N}]/u;

/** Whether `re` (global, case-insensitive) has a hit in `d` that is a whole word and, for exact forms, in the right case. */
function namedIn(re: RegExp, exact: ReadonlySet<string>, lower: ReadonlySet<string>, d: string): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(d); m; m = re.exec(d)) {
    const end = m.index + m[0].length;
    if ((m.index > 0 && WORDISH.test(d[m.index - 1]!)) || (end < d.length && WORDISH.test(d[end]!))) continue;
    if (lower.has(m[0].toLowerCase()) || exact.has(m[0])) return true;
  }
  return false;
}

/**
 * A sketch of a cheap pre-check, to show what the floor allows: the floor's
 * TreeWalker collecting the text nodes' data, joined once; then one small
 * case-insensitive regexp of the rarer deal party's forms (Anthropic's: most
 * pages never name it, and the scan stops at the first hit), and only if it is
 * named, the other party's. Word edges and exact-case forms are checked on the
 * hits. Not the engine's code: a yardstick for it.
 */
export function precheckSketch(minMs: number): { ms: number; both: boolean } {
  const parties: { forms: string[]; exactForms: string[] }[] = [...dataset.story.dealParties].reverse().map((k: string) => dataset.story.parties[k]!);
  sketchRes ??= parties.map((p) => new RegExp([...p.forms, ...p.exactForms].sort((x, y) => y.length - x.length).map(escRe).join('|'), 'gi'));
  const sets = parties.map((p) => ({ lower: new Set(p.forms.map((f) => f.toLowerCase())), exact: new Set(p.exactForms) }));
  let both = false;
  const { ms } = repeatRead(() => {
    const parts: string[] = [];
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) parts.push((n as Text).data);
    const d = parts.join('\n');
    both = namedIn(sketchRes![0]!, sets[0]!.exact, sets[0]!.lower, d) && namedIn(sketchRes![1]!, sets[1]!.exact, sets[1]!.lower, d);
  }, minMs);
  return { ms, both };
}

export type Method = 'floor' | 'ours' | 'markjs' | 'dom' | 'compile' | 'extract' | 'sheet' | 'sketch' | 'shapes' | 'marksOnly';

export interface Round {
  floor?: ReturnType<typeof floor>;
  ours?: ReturnType<typeof ours>;
  markjs?: ReturnType<typeof markjs>;
  dom?: ReturnType<typeof domWrites>;
  compile?: number;
  extract?: ReturnType<typeof extractCost>;
  sheet?: number;
  sketch?: ReturnType<typeof precheckSketch>;
  shapes?: Record<Shape, number>;
  marksOnly?: ReturnType<typeof marksOnly>;
}

/** One round: every method once, in the given order, each on a pristine copy of the body (restored whenever written to). */
export function round(order: Method[], re: { source: string; flags: string }, minMs: number): Round {
  gc('major');
  const out: Round = {};
  for (const m of order) {
    if (dirty) restore();
    dirty = false;
    if (m === 'floor') out.floor = floor(minMs);
    else if (m === 'ours') dirty = (out.ours = ours(minMs)).marks > 0;
    else if (m === 'markjs') dirty = (out.markjs = markjs(re.source, re.flags)).marks > 0;
    else if (m === 'dom') dirty = (out.dom = domWrites()).marks > 0;
    else if (m === 'compile') out.compile = compileRepeated(minMs);
    else if (m === 'sheet') out.sheet = sheetCost(minMs);
    else if (m === 'sketch') out.sketch = precheckSketch(minMs);
    else if (m === 'marksOnly') dirty = (out.marksOnly = marksOnly()).marks > 0;
    else if (m === 'shapes') {
      if (plan.length) out.shapes = shapes();
    }
    else out.extract = extractCost(minMs);
  }
  return out;
}

/** Whether an element is one of ours (never read back). */
const isOurs = (el: Element) => el.localName === 'deal-lens-mark' || el.localName === 'deal-lens-tooltip';

/**
 * Run the full pass (untimed), then watch the body as the content script does:
 * added nodes are collected from the MutationObserver's records, and the
 * observer-style incremental pass (extract the added roots, engine.annotate,
 * Marks.apply) runs on them; our own mutations are taken and dropped. Resolves
 * with the handler's time once `append()` has added one batch.
 */
export function incremental(batchHtml: string): Promise<{ ms: number; marks: number; blocks: number; pageMarks: number }> {
  dirty = true;
  const full = pass();
  const container = document.querySelector('main') ?? document.querySelector('article') ?? document.body;
  return new Promise((resolve) => {
    observer = new MutationObserver((records) => {
      const t0 = now();
      performance.mark('deal-lens:scan-start');
      html.setAttribute('data-deal-lens-state', 'scanning');
      const roots: Node[] = [];
      const seen = new Set<Node>();
      for (const r of records) {
        if (r.type !== 'childList') continue;
        for (const n of Array.from(r.addedNodes)) {
          if (seen.has(n) || !n.isConnected || isInsideMark(n)) continue;
          if (n.nodeType === 1 && isOurs(n as Element)) continue;
          seen.add(n);
          roots.push(n);
        }
      }
      const blocks: Block[] = [];
      for (const root of roots) for (const b of extractBlocks(root, { skip: isOurs }).blocks) blocks.push(b);
      let count = 0;
      if (blocks.length && lastResult?.about) {
        const anns = engine!.annotate(
          blocks.map((b) => b.text),
          lastResult.date,
        );
        marks ??= new Marks(document);
        count = marks.apply(blocks, anns).length;
      }
      observer!.takeRecords(); // our own wrappers: ignored
      html.setAttribute('data-deal-lens-state', 'done');
      performance.measure('deal-lens:scan', 'deal-lens:scan-start');
      const ms = now() - t0;
      observer!.disconnect();
      resolve({ ms, marks: count, blocks: blocks.length, pageMarks: full.marks });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    // the page's own script appends a batch of paragraphs (infinite scroll)
    const tpl = document.createElement('template');
    tpl.innerHTML = batchHtml;
    for (const n of Array.from(tpl.content.childNodes)) container.appendChild(n);
  });
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
