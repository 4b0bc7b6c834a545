/**
 * Is this page about the deal? Co-occurrence of the two parties in the same
 * block, deal vocabulary there, figures tied to the deal's facts, the title —
 * weighed against the same evidence for rival suitors (a page about Google's
 * investment in Anthropic that recaps Amazon's is about Google's).
 */
import { isWeakPartyForm, type Compiled } from './compile';
import type { Dataset } from './schema';
import type { Assessment } from './types';
import type { BlockScan } from './scan';
import type { FigureLink } from './annotate';

/** One pre-check per dataset, shared by the engine and every page controller (built once, not per page). */
const prechecks = new WeakMap<Dataset, (texts: readonly string[]) => boolean>();

/**
 * Cheap pre-check on raw text, before anything is compiled: both parties must at
 * least be named somewhere (by a form that proves it: "Claude" alone does not).
 * A safe "might be about": it says yes whenever a text holds a party's loose form
 * in any letter case (whitespace inside a form may be any run of \s) or an exact
 * form as written, and may say yes spuriously. Built once per dataset.
 *
 * Each party costs one scan per anchor word, not one per form: a form's longest
 * word (or a word another form already anchors on) must occur for the form to
 * occur, so the forms sharing it ("Claude maker", "maker of Claude") are only
 * tried on texts that hold it. Each scan is one literal: V8 scans a single
 * literal far faster than an alternation (measured on a 262k-character page:
 * 0.09 ms against 0.8 ms for five alternatives). The rarer party goes first: on
 * most pages its few scans settle the answer.
 */
export function partyPrecheck(dataset: Dataset): (texts: readonly string[]) => boolean {
  const cached = prechecks.get(dataset);
  if (cached) return cached;
  const [a, b] = dataset.story.dealParties;
  const quote = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const wordsOf = (f: string) => f.trim().split(/\s+/);
  interface Anchor {
    /** Every occurrence of the word (global: the scan goes on from each one). */
    word: RegExp;
    /**
     * The forms around the word, tried where it occurs (sticky, the words before
     * it as a lookbehind); null when the word is a form on its own.
     */
    forms: RegExp[] | null;
  }
  const party = (k: string): Anchor[] => {
    const p = dataset.story.parties[k]!;
    const loose = p.forms.filter((f) => !isWeakPartyForm(f));
    // a form containing another ("the Claude maker" ⊃ "Claude maker") adds nothing
    const kept = loose.filter((f) => !loose.some((g) => g !== f && f.toLowerCase().includes(g.toLowerCase())));
    const anchors = new Map<string, Anchor>();
    const add = (form: string, exact: boolean) => {
      const words = wordsOf(form);
      const key = (w: string) => (exact ? `=${w}` : `~${w.toLowerCase()}`);
      // share an anchor word with an earlier form, else the form's longest word
      const at = Math.max(0, words.findIndex((w) => anchors.has(key(w))));
      const i = anchors.has(key(words[at]!)) ? at : words.reduce((best, w, j) => (w.length > words[best]!.length ? j : best), 0);
      const flags = exact ? '' : 'i';
      const anchor = anchors.get(key(words[i]!)) ?? { word: new RegExp(quote(words[i]!), `g${flags}`), forms: [] };
      anchors.set(key(words[i]!), anchor);
      if (words.length === 1) anchor.forms = null;
      else {
        // the form's own regexp (words joined by any whitespace), anchored at the word
        const before = words.slice(0, i).map((w) => `${quote(w)}\\s+`).join('');
        const from = words.slice(i).map(quote).join('\\s+');
        anchor.forms?.push(new RegExp(`${before ? `(?<=${before})` : ''}${from}`, `y${flags}`));
      }
    };
    // one-word forms first: a word that is a form itself needs no confirming
    const byWords = (fs: readonly string[]) => [...fs].sort((x, y) => wordsOf(x).length - wordsOf(y).length);
    for (const f of byWords(kept)) add(f, false);
    for (const f of byWords(p.exactForms)) add(f, true);
    return [...anchors.values()];
  };
  const holds = ({ word, forms }: Anchor, t: string): boolean => {
    word.lastIndex = 0;
    for (let m = word.exec(t); m; m = word.exec(t)) {
      if (!forms) return true;
      for (const re of forms) {
        re.lastIndex = m.index;
        if (re.test(t)) return true;
      }
      word.lastIndex = m.index + 1; // occurrences may overlap
    }
    return false;
  };
  // the rarer party first: most pages never name it
  const needs = [party(b!), party(a!)];
  // a soft hyphen inside a name ("Anthro\u00adpic") is invisible to the reader: read the text without it
  const visible = (t: string) => (t.includes('\u00ad') ? t.replace(/\u00ad/g, '') : t);
  const check = (texts: readonly string[]) => {
    const plain = texts.map(visible);
    return needs.every((anchors) => plain.some((t) => anchors.some((x) => holds(x, t))));
  };
  prechecks.set(dataset, check);
  return check;
}

interface Evidence {
  coBlocks: number;
  dealWords: number;
  links: number;
}

export const ABOUT_THRESHOLD = 4;
/** A block naming both parties this short may be a headline that links elsewhere… */
const TEASER_WORDS = 25;
/** …on a page with at least this many blocks of its own (sentences of eight words or more). */
const TEASER_PAGE_BLOCKS = 8;
/** On a page this long (blocks of eight words or more), evidence weighing less than ASIDE_WEIGHT is an aside. */
const LONG_PAGE_BLOCKS = 12;
const ASIDE_WEIGHT = 8;
/**
 * A page whose headline names a company but neither both parties nor one party
 * with the deal's words is about something else more often than not (a model
 * launch that recalls who backs Anthropic, an earnings story with a paragraph
 * on the stake): its body must carry about three times the evidence (e.g. both
 * named in three blocks and two figures tied to the deal). A headline naming no
 * company ("The gigawatt bargain"), or none at all, is no evidence either way.
 */
export const ABOUT_THRESHOLD_OTHER_TITLE = 12;

export function assess(c: Compiled, scans: readonly BlockScan[], title: BlockScan | undefined, links: readonly FigureLink[], carried: readonly string[][]): Assessment {
  const [A, B] = c.dealParties;
  const strongB = scans.some((s) => s.hits.some((h) => h.payload.t === 'party' && h.payload.key === B && !h.payload.weak));
  if (!strongB) return { about: false, score: 0, reason: `no strong mention of ${B}` };

  const rivals = [...c.suitors].filter((k) => k !== A && k !== B);
  const evidence = new Map<string, Evidence>([[A, { coBlocks: 0, dealWords: 0, links: 0 }], ...rivals.map((r) => [r, { coBlocks: 0, dealWords: 0, links: 0 }] as [string, Evidence])]);
  let dealTerms = 0;
  const coBlocks: number[] = [];
  for (const [i, scan] of scans.entries()) {
    const keys = new Set<string>();
    let words = 0;
    let terms = 0;
    for (const h of scan.hits) {
      if (h.payload.t === 'party') keys.add(h.payload.key);
      else if (h.payload.t === 'deal') words++;
      else if (h.payload.t === 'term') terms++;
    }
    if (!keys.has(B)) continue;
    for (const [k, e] of evidence) {
      if (!keys.has(k)) continue;
      e.coBlocks++;
      e.dealWords += words;
    }
    if (keys.has(A)) {
      dealTerms += terms;
      coBlocks.push(i);
    }
  }
  const dealParties = new Set<string>([A, B]);
  // a figure counts for the deal only where the other party is in view: named in its block, or the last named before it
  const namesB = scans.map((scan) => scan.hits.some((h) => h.payload.t === 'party' && h.payload.key === B && !h.payload.weak));
  const firstB = namesB.indexOf(true);
  const inView = scans.map((_, i) => namesB[i] === true || (firstB >= 0 && i > firstB && (carried[i] ?? []).includes(B)));
  const linkBlocks = new Set<number>();
  for (const l of links) {
    if (!inView[l.block]) continue;
    const fact = c.facts[l.fact]!;
    const lead = fact.parties[0]!;
    const e = fact.parties.every((p) => dealParties.has(p)) && fact.parties.includes(A) ? evidence.get(A) : evidence.get(lead);
    if (e && (fact.parties.includes(B) || e === evidence.get(A))) {
      e.links++;
      if (e === evidence.get(A)) linkBlocks.add(l.block);
    }
  }
  const titleKeys = new Set(title?.hits.flatMap((h) => (h.payload.t === 'party' ? [h.payload.key] : [])) ?? []);
  const titleBoth = titleKeys.has(A) && titleKeys.has(B);
  const titleDeal = title?.hits.some((h) => h.payload.t === 'deal') ?? false;

  const e = evidence.get(A)!;
  const weigh = (x: Evidence) => 2 * Math.min(x.coBlocks, 6) + 0.5 * Math.min(x.dealWords, 12) + 1.5 * Math.min(x.links, 8);
  const score = round(weigh(e) + (titleBoth ? (titleDeal ? 5 : 3) : 0) + 0.5 * Math.min(dealTerms, 6));
  const reason = `${A}+${B} in ${e.coBlocks} blocks, ${e.dealWords} deal words there, ${e.links} figures tied to the deal${titleBoth ? ', both in the title' : ''}`;
  if (e.coBlocks === 0 && !titleBoth) return { about: false, score, reason };
  // no figure of the deal: the deal's words must come from more than one block naming both (a keynote recap
  // that mentions Anthropic once beside Trainium is not about the deal)
  if (e.links === 0 && (e.dealWords < 2 || e.coBlocks < 2) && !(titleBoth && titleDeal)) return { about: false, score, reason: `${reason}: no deal evidence` };
  // a long page on another story whose only block naming both parties is short and holds every figure of
  // the deal (a related-stories headline, a "read more" teaser) links to the deal; it is not about it
  const lone = coBlocks.length === 1 ? coBlocks[0]! : -1;
  const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
  // how long the page is: its blocks of eight words or more
  const substantive = scans.filter((x) => words(x.text) >= 8).length;
  if (lone >= 0 && !titleBoth && words(scans[lone]!.text) <= TEASER_WORDS && [...linkBlocks].every((b) => b === lone) && substantive >= TEASER_PAGE_BLOCKS) {
    return { about: false, score, reason: `${reason}: only one short block, on a page about something else` };
  }
  // a long page (a grid story, a glossary) that touches the deal in a block or two with a figure at most: the deal
  // is an aside there, however the threshold reads
  if (!titleBoth && weigh(e) < ASIDE_WEIGHT && substantive >= LONG_PAGE_BLOCKS) {
    return { about: false, score, reason: `${reason}: an aside on a long page about something else` };
  }
  for (const r of rivals) {
    const x = evidence.get(r)!;
    if (weigh(x) > weigh(e) + (titleBoth ? 4 : 0)) return { about: false, score, reason: `${reason}; but ${r}+${B} weighs more` };
  }
  // a headline pairing one of the deal's parties with another company ("Anthropic to tap Google TPUs", "Amazon to
  // invest $50 billion in OpenAI") and not with the other: the page is about that pairing, and the deal in its
  // body is background
  // (a pairing: one party and one other company; a headline listing three is a roundup and proves nothing)
  const rivalTitle = !titleBoth && titleKeys.size === 2 && (titleKeys.has(A) || titleKeys.has(B)) && [...titleKeys].some((k) => k !== A && k !== B && c.suitors.has(k));
  if (rivalTitle) return { about: false, score, reason: `${reason}; the title pairs a party with another company` };
  // "Anthropic lands $25bn" (one party and the deal's words) is not something else
  const otherTitle = titleKeys.size > 0 && !titleBoth && !(titleDeal && (titleKeys.has(A) || titleKeys.has(B)));
  return { about: score >= (otherTitle ? ABOUT_THRESHOLD_OTHER_TITLE : ABOUT_THRESHOLD), score, reason: otherTitle ? `${reason}; the title names something else` : reason };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
