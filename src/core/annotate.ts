/**
 * Turns block scans into annotations: figures judged against the record,
 * claim phrases, and terms; overlaps resolved by priority (conflict > caveat >
 * fact > term, then leftmost-longest).
 */
import type { Compiled, Payload } from './compile';
import type { Hit } from './matcher';
import type { Kind } from './schema';
import type { Annotation } from './types';
import { scanBlock, type BlockScan } from './scan';
import type { Figure } from './figures';
import { judgeFigure, type Judgement } from './link';
import { mayFlag } from './claim-context';
import { sentenceAt } from './sentences';
import { isWordChar } from './normalize';

const PRIORITY: Record<Kind, number> = { conflict: 3, caveat: 2, fact: 1, term: 0 };

/** Figure-level results, also used by the page decision. */
export interface FigureLink {
  block: number;
  start: number;
  end: number;
  fact: number;
  kind: Exclude<Kind, 'term'>;
  entryId: string;
  stated: string;
}

/** Parties named last before each block: a sentence naming nobody belongs to them. */
export function carriedParties(c: Compiled, scans: readonly BlockScan[]): string[][] {
  let last: string[] = [...c.dealParties];
  return scans.map((scan) => {
    const here = last;
    for (let s = scan.parties.length - 1; s >= 0; s--) {
      const strong = scan.parties[s]!.filter((p) => !p.weak).map((p) => p.key);
      if (strong.length) {
        last = [...new Set(strong)];
        break;
      }
    }
    return here;
  });
}

/** A block of at most this many words is a cell or a stat: its short neighbours (label, caption) lend it context. */
const CELL_WORDS = 6;
/** How far after a claim phrase another company's name still owns its figure ("revenue last year at AWS"). */
const OWNER_AFTER_WORDS = 4;
/** The words between a claim phrase and a company named after it, in the same clause, are few. */
const ownsAfter = (between: string) => !/[,;:()\u2013\u2014]/.test(between) && wordCount(between) <= OWNER_AFTER_WORDS;
const SHORT_BLOCK_WORDS = 12;

/** A lettered choice of a quiz or poll: "A. $500 million", "(c) ten years", "B) 3 GW" (not an interview's "A: …"). */
const isChoice = (t: string) => t.length <= 80 && /^\s*(?:\(?[a-dA-D]\)|[A-D]\.)\s+\S/.test(t);

const wordCount = (t: string) => (t.match(/[\p{L}\p{N}$][^\s]*/gu) ?? []).length;

export function linkFigures(
  c: Compiled,
  scans: readonly BlockScan[],
  date: string,
  carried: readonly string[][],
  published?: string,
  labels?: readonly (string | undefined)[],
): FigureLink[] {
  const out: FigureLink[] = [];
  const push = (block: number, text: string, fig: Figure, j: Judgement, shift: number) => {
    if (j.verdict === 'none') return;
    const fact = c.facts[j.fact]!;
    const start = fig.spanStart - shift;
    const end = fig.end - shift;
    const stated = text.slice(start, end);
    if (j.verdict === 'match' || isChoice(text)) {
      // a quiz's lettered choice ("B. $500 million") offers an answer, it claims nothing: a wrong value is not marked
      if (j.verdict === 'mismatch') return;
      const caveat = fact.caveats[0];
      out.push({ block, start, end, fact: j.fact, kind: caveat ? 'caveat' : 'fact', entryId: caveat ?? fact.id, stated });
    } else {
      const rule = (j.verdict === 'qualifier' ? c.qualifierRules : c.valueRules).get(j.fact)!;
      out.push({ block, start, end, fact: j.fact, kind: rule.verdict, entryId: rule.id, stated });
    }
  };
  scans.forEach((scan, block) => {
    if (!scan.figures.length) return;
    const short = scan.text.length <= 80 && wordCount(scan.text) <= CELL_WORDS;
    const label = short ? labels?.[block] : undefined;
    let context: { scan: BlockScan; shift: number } | undefined | null = null;
    for (const fig of scan.figures) {
      const s = sentenceAt(scan.sentences, fig.start);
      const j = judgeFigure(c, scan, fig, s, date, carried[block] ?? c.dealParties, published);
      if (short && (label !== undefined || j.verdict === 'none')) {
        // a table cell "15 years" under "Commitment horizon", a stat "$100B+" over its caption, an
        // answer under its question: read it with what it stands under (its label from the page's
        // structure), else with its short neighbours, as a reader does
        if (context === null) context = label !== undefined ? withLabel(c, scan.text, label) : withNeighbours(c, scans, block);
        const ctx = context;
        const cfig = ctx?.scan.figures.find((f) => f.start === fig.start + ctx.shift && f.end === fig.end + ctx.shift);
        if (ctx && cfig) {
          const cj = judgeFigure(c, ctx.scan, cfig, sentenceAt(ctx.scan.sentences, cfig.start), date, carried[block] ?? c.dealParties, published);
          // the label can only add to what the cell says alone
          if (cj.verdict !== 'none' || j.verdict === 'none') {
            push(block, scan.text, cfig, cj, ctx.shift);
            continue;
          }
        }
      }
      push(block, scan.text, fig, j, 0);
    }
  });
  return out;
}

/** A short block read under its label ("Amazon–Anthropic (2026) — Term — 5 years"); a question's mark goes, as in speech. */
function withLabel(c: Compiled, own: string, label: string): { scan: BlockScan; shift: number } {
  return readTogether(c, `${label.replace(/[.!?:]+\s*$/, '')} — `, own, '');
}

/** The block read together with the short blocks right before and after it ("label — value — caption"). */
function withNeighbours(c: Compiled, scans: readonly BlockScan[], block: number): { scan: BlockScan; shift: number } | undefined {
  const prev = scans[block - 1]?.text;
  const next = scans[block + 1]?.text;
  const before = prev && wordCount(prev) <= SHORT_BLOCK_WORDS ? `${prev.replace(/[.!?]+\s*$/, '')} — ` : '';
  const after = next && wordCount(next) <= SHORT_BLOCK_WORDS ? ` — ${next}` : '';
  if (!before && !after) return undefined;
  return readTogether(c, before, scans[block]!.text, after);
}

/** One scan of `before + own + after`, own's closing stop blanked (same length) so the three read as one sentence. */
function readTogether(c: Compiled, before: string, own: string, after: string): { scan: BlockScan; shift: number } {
  const open = own.replace(/[.!?]+\s*$/, (m) => ' '.repeat(m.length));
  return { scan: scanBlock(c, before + open + after), shift: before.length };
}

/** A block that opens by correcting what stands before it: an editor's note under a reader's letter, "Fact:" under "Myth:". */
const CORRECTION = /^\s*(?:editor['’]s note|ed\.? note|note from the editors?|correction|clarification|fact[- ]check|fact|reality|the facts?|the truth)\s*[:—–]/i;

/** A reply that opens by saying the comment above it is wrong ("Not quite. Only $5 billion goes in now"). */
const REPLY_REBUTTAL = /^\s*(?:@\S+\s+)?(?:not quite|not so|not true|not really|not exactly|that['’]?s (?:wrong|not (?:right|true|correct|how it works))|(?:this|that|it) is (?:wrong|false|incorrect|not (?:true|right|correct))|(?:that|this|the) (?:reading|claim|post|figure|number|idea|view) is (?:wrong|false|incorrect|mistaken|misleading)|wrong|actually|in fact|no)\s*[.,!:—–-]/i;
/**
 * A reply whose first sentence says the one above slipped ("Careful again.", "I'm going to stop you
 * there", "a community note had appeared under this one, and rightly so", "Dana may want to hold off").
 */
const FIRST_SENTENCE_REBUTS = /^[^.!?]*\b(?:careful|(?:i['’]m going to|let me|i have to|i need to|i['’]ll) stop you|hold on|hold off|community note|rightly so|a common slip|easy to botch)\b[^.!?]*[.!?]/i;
/** A block that opens by denying ("Amazon has not paid $25 billion."): with the record's figure, it answers what stands above. */
const OPENS_WITH_DENIAL = /^[^.!?]*\b(?:not|never|no longer|hasn['’]t|haven['’]t|isn['’]t|wasn['’]t|didn['’]t|doesn['’]t)\b[^.!?]*[.!?]/i;

/** Whether `text` holds `word` as a whole word or phrase ("on amazon" is not in "billion amazon"). */
function hasWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (!isWordChar(text, i - 1) && !isWordChar(text, i + word.length)) return true;
  }
  return false;
}

/** A fact-checker's verdict on the claim above it. */
const RATED_WRONG = /^\s*(?:(?:our\s+)?(?:rating|verdict|ruling)\s*[:—–]\s*(?:false|mostly false|wrong|incorrect|inaccurate|misleading|exaggerated|missing context|needs context|not true|unsupported|pants on fire)\b|(?:false|mostly false|wrong|incorrect|inaccurate|misleading|exaggerated|missing context|needs context|not true|unsupported|pants on fire)\s*[.!]?\s*$)/i;

/** A block naming where the claim above it came from: an outlet's kind or section. */
const QUOTED_FROM = /\b(?:headlines?|columns?|columnist['’]?s?|op-?eds?|editorials?|explainers?|newsletters?|syndicated|wire|magazines?|newspapers?|tabloids?|broadcasts?|segments?|tweets?|threads?|blogs?|podcasts?|sections?|press release|analysis|opinion)\b/i;
/** A rating that adopts the claim above it. */
const RATED_RIGHT = /^\s*(?:(?:our\s+)?(?:rating|verdict|ruling)\s*[:—–]\s*)?(?:true|mostly true|correct|accurate|right)\s*[.!]?\s*$/i;
/** How long a claim may be to be read as a quoted headline or table claim (a line, not a paragraph). */
const QUOTED_CLAIM_WORDS = 20;

/** How many blocks before an editor's note it may speak of (a letter's paragraphs and its signature). */
const CORRECTION_REACH = 4;
/** Further down (a comment under a post), a correction must say so and quote the claim's own figure. */
const FAR_CORRECTION = /\b(?:correction|to correct|is wrong|are wrong|isn['’]t right|is not right|not true|not correct|mistaken)\b/i;
const FAR_REACH = 30;

/**
 * Conflicts the page corrects itself, in a note or a reply a few blocks after them
 * ("Editor's note: Amazon is investing $5 billion now… $25 billion is a ceiling";
 * "Not quite. Only $5 billion goes in now"): a claim whose figure the note repeats,
 * whose record's figure it gives, or whose rule's cancelling words it holds ("Google
 * Cloud" against "its only cloud"), is the page's to rebut, not ours to flag. A
 * claim the note leaves alone still is.
 */
export function correctedByNote(c: Compiled, scans: readonly BlockScan[], a: { kind: Kind; block: number; entryId: string; stated?: string }): boolean {
  if (a.kind !== 'conflict') return false;
  const rule = c.dataset.conflicts.find((r) => r.id === a.entryId);
  const recordFacts = c.facts.filter((f) => rule?.facts.includes(f.id) && f.value !== null);
  // a comment far below that corrects the claim by its own words: "Small correction on point 2: … $33 billion is only the ceiling"
  const stated = a.stated?.toLowerCase();
  if (stated && /\d/.test(stated)) {
    for (let k = a.block + CORRECTION_REACH + 1; k <= a.block + FAR_REACH && k < scans.length; k++) {
      const t = scans[k]!.text;
      if (FAR_CORRECTION.test(t) && t.toLowerCase().includes(stated)) return true;
    }
  }
  // a short claim with its source named right under it ("News explainer, syndicated", "A newspaper column"): a
  // headline or claim the page quotes from elsewhere (a media column, a claims table), not its own
  const source = scans[a.block + 1]?.text;
  // (unless the page then rates it right: "True" under it adopts the claim)
  const endorsed = RATED_RIGHT.test(scans[a.block + 2]?.text ?? '');
  if (source !== undefined && !endorsed && wordCount(scans[a.block]!.text) <= QUOTED_CLAIM_WORDS && wordCount(source) <= 8 && !/\d/.test(source) && QUOTED_FROM.test(source)) return true;
  for (let k = a.block + 1; k <= a.block + CORRECTION_REACH && k < scans.length; k++) {
    const note = scans[k]!;
    // a fact-check's rating right under the claim ("Our rating: False")
    if (k <= a.block + 2 && RATED_WRONG.test(note.text)) return true;
    const denies = k <= a.block + 2 && (OPENS_WITH_DENIAL.test(note.text) || FIRST_SENTENCE_REBUTS.test(note.text));
    if (!CORRECTION.test(note.text) && !REPLY_REBUTTAL.test(note.text) && !denies) continue;
    const lower = note.text.toLowerCase();
    if (stated && lower.includes(stated)) return true;
    if (rule?.match.type === 'phrase' && rule.match.unless.some((w) => hasWord(lower, w.toLowerCase()))) return true;
    // the note gives the record's own figure ("Only $5 billion goes in now")
    if (note.figures.some((g) => recordFacts.some((f) => f.unit === g.unit && Math.abs(g.value - f.value!) <= f.value! * 0.01))) return true;
  }
  return false;
}

/** Claim phrases whose subject is in the same sentence and that nothing cancels. */
export function phraseAnnotations(c: Compiled, scans: readonly BlockScan[], date: string, published?: string): Annotation[] {
  const out: Annotation[] = [];
  const judged = date >= c.dataset.story.announced;
  scans.forEach((scan, block) => {
    scan.bySentence.forEach((hits, s) => {
      const near = new Set<number>();
      const unless = new Set<number>();
      const owners: Hit<Payload>[] = [];
      for (const h of hits) {
        if (h.payload.t === 'near') near.add(h.payload.rule);
        else if (h.payload.t === 'unless') unless.add(h.payload.rule);
        else if (h.payload.t === 'owner') owners.push(h);
      }
      for (const h of hits) {
        if (h.payload.t !== 'phrase') continue;
        const rule = c.rules[h.payload.rule]!;
        if (rule.match.type !== 'phrase') continue;
        if (rule.match.near.length && !near.has(h.payload.rule)) continue;
        if (unless.has(h.payload.rule)) continue;
        // another company's figure: named before the claim, or right after it
        const rid = h.payload.rule;
        if (owners.some((o) => o.payload.t === 'owner' && o.payload.rule === rid && (o.end <= h.start || ownsAfter(scan.text.slice(h.end, o.start))))) continue;
        // claims about the 2026 deal are judged only on pages written after it, and only claims the page makes
        if (!judged || (rule.verdict === 'conflict' && isChoice(scan.text))) continue;
        if (rule.verdict === 'conflict' && !mayFlag(c, scan, s, h.start, date, c.dataset.story.announced, 'phrase', c.dealParties, rule.recheckAfter, published)) continue;
        out.push({ block, start: h.start, end: h.end, entryId: rule.id, kind: rule.verdict, factId: rule.facts[0], stated: scan.text.slice(h.start, h.end) });
      }
    });
  });
  return out;
}

/**
 * Which blocks belong to the deal's story. A block is at the core when it names
 * both parties, or holds a figure or claim tied to the record, or names one party
 * with deal vocabulary; a block next to a core block belongs too (article prose
 * that only says "Trainium2"). An isolated sidebar headline ("AWS outage hits…")
 * does not.
 */
export function storyBlocks(c: Compiled, scans: readonly BlockScan[], claimed: ReadonlySet<number>): boolean[] {
  const [A, B] = c.dealParties;
  const core = scans.map((scan, i) => {
    if (claimed.has(i)) return true;
    let a = false;
    let b = false;
    let deal = 0;
    const partySpans = new Set<string>();
    for (const h of scan.hits) {
      if (h.payload.t !== 'party') continue;
      partySpans.add(`${h.start}:${h.end}`);
      if (h.payload.key === A) a = true;
      else if (h.payload.key === B && !h.payload.weak) b = true;
    }
    for (const h of scan.hits) {
      // a term that is only a party's name ("AWS") is no sign of the deal
      if (h.payload.t === 'deal' || (h.payload.t === 'term' && !partySpans.has(`${h.start}:${h.end}`))) deal++;
    }
    return (a && b) || ((a || b || scan.parties.some((ps) => ps.some((p) => p.key === B))) && deal >= 1);
  });
  const near = (i: number) => core[i - 2] === true || core[i - 1] === true || core[i + 1] === true || core[i + 2] === true;
  // a block that names a party but not the deal is another story unless it sits right beside the deal's
  const namesParty = scans.map((scan) => scan.hits.some((h) => h.payload.t === 'party' && !h.payload.weak));
  return core.map((x, i) => x || (namesParty[i] ? core[i - 1] === true || core[i + 1] === true : near(i)));
}

export function termAnnotations(scans: readonly BlockScan[], inStory: readonly boolean[]): Annotation[] {
  const out: Annotation[] = [];
  scans.forEach((scan, block) => {
    if (!inStory[block]) return;
    for (const h of scan.hits) if (h.payload.t === 'term') out.push({ block, start: h.start, end: h.end, entryId: h.payload.id, kind: 'term' });
  });
  return out;
}

/** Highest priority first, then leftmost-longest; no two annotations overlap. */
export function resolveOverlaps(all: Annotation[]): Annotation[] {
  const byBlock = new Map<number, Annotation[]>();
  for (const a of all) {
    if (a.end <= a.start) continue;
    let list = byBlock.get(a.block);
    if (!list) byBlock.set(a.block, (list = []));
    list.push(a);
  }
  const out: Annotation[] = [];
  for (const list of byBlock.values()) {
    list.sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || a.start - b.start || b.end - a.end);
    const kept: Annotation[] = [];
    for (const a of list) if (kept.every((k) => a.end <= k.start || a.start >= k.end)) kept.push(a);
    out.push(...kept);
  }
  return out.sort((a, b) => a.block - b.block || a.start - b.start);
}
