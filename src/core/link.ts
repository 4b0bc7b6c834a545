/**
 * Ties a figure to the fact its sentence is about — by the fact's cue words
 * near the figure and by whose figure it is (the parties named nearest) —
 * never by the number alone. Then judges it: matches the record, needs a
 * caveat, or contradicts it.
 */
import type { Compiled } from './compile';
import type { Fact, Qualifier } from './schema';
import type { Figure } from './figures';
import { clauseAround, type BlockScan } from './scan';
import { mayFlag } from './claim-context';
import { wordIndex } from './sentences';

export type Judgement =
  | { verdict: 'match'; fact: number }
  | { verdict: 'qualifier'; fact: number }
  | { verdict: 'mismatch'; fact: number }
  | { verdict: 'none' };

interface Candidate {
  fact: number;
  score: number;
  /** a cue telling of this fact alone stands within two words of the figure */
  tight: boolean;
  /** words between the figure and the nearest topic cue */
  distance: number;
}


/** Parties of sentence `s`, or the nearest earlier sentence of the block that names one. */
interface PartyView {
  keys: Set<string>;
  mentions: { key: string; at: number }[];
  /** parties named in this block up to and including the sentence */
  named: Set<string>;
}

function partiesFor(scan: BlockScan, s: number, carried: readonly string[]): PartyView {
  const named = new Set<string>();
  for (let i = 0; i <= s; i++) for (const p of scan.parties[i]!) named.add(p.key);
  for (let i = s; i >= 0; i--) {
    const ps = scan.parties[i]!.filter((p) => !p.weak || i === s);
    if (ps.length) return { keys: new Set(ps.map((p) => p.key)), mentions: i === s ? ps.map((p) => ({ key: p.key, at: (p.start + p.end) / 2 })) : [], named };
  }
  return { keys: new Set(carried), mentions: [], named };
}

/** Whether the figure may belong to `fact`, given who the sentence names. */
function partiesAllow(c: Compiled, fact: Fact, view: PartyView, fig: Figure): boolean {
  const { keys, mentions } = view;
  const own = new Set(fact.parties);
  // another deal's figure needs that deal's party named in the block itself, not just somewhere before
  if (fact.parties.some((p) => !c.dealParties.includes(p) && !view.named.has(p))) return false;
  // for the deal's own facts (and a party's own figures) the other deal party is no stranger
  const dealOnly = fact.parties.every((p) => c.dealParties.includes(p));
  const foreign = [...keys].filter((k) => c.suitors.has(k) && !own.has(k) && !(dealOnly && c.dealParties.includes(k)));
  if (!foreign.length) return true;
  if (!keys.has(fact.parties[0]!)) return false;
  // nearest suitor mention decides whose figure it is
  const mid = (fig.start + fig.end) / 2;
  let best: { key: string; d: number } | undefined;
  for (const m of mentions) {
    if (!c.suitors.has(m.key)) continue;
    const d = Math.abs(m.at - mid);
    if (!best || d < best.d) best = { key: m.key, d };
  }
  return !best || own.has(best.key) || (dealOnly && c.dealParties.includes(best.key));
}

function valueMatches(fact: Fact, fig: Figure): boolean {
  if (fact.value === null) return false;
  const widen = fig.qualifier === 'about' ? 0.06 : 0;
  const tol = Math.max(fact.tolerance, widen, fact.qualifier === 'about' ? 0.03 : 0);
  const v = fact.value;
  if (v === 0) return fig.value === 0;
  return Math.abs(fig.value - v) / v <= tol + 1e-9;
}

/** Words saying a sum has already changed hands or is already the total ("has sunk", "so far", "now comes to"). */
const PAID = /\b(?:has|have|had)\s+(?:now\s+|already\s+|so far\s+)?(?:invested|put|poured|sunk|handed|paid|committed|injected|ploughed|plowed|pumped)\b|\b(?:has|have|had)\s+(?:now\s+|already\s+)?reached\b|\b(?:now reaches|wired|transferred|changed hands|in one go|in one lump|in a single payment|lump sum|all at once|so far|to date|already|comes to|came to|stands at|now totals|amounts to|(?:rises|rose|climbs|climbed|grows|grew|swells|swelled|jumps|jumped) to|(?:bring|brings|brought|bringing|lift|lifts|lifted|lifting|take|takes|took|taking|push|pushes|pushed|pushing)\s+(?:\S+\s+){1,8}?to|(?:writing|wrote|writes|cutting|cuts|cut)\s+(?:\S+\s+){0,6}?(?:cheques?|checks?)|handing|in cash (?:today|now|up front|upfront))\b/i;
/** A conditional sum told as one that will arrive on its own: a date, instalments, a trigger that is not a milestone. */
const SCHEDULED = /\b(?:instal(?:l)?ments?|fixed schedule|set schedule|payment schedule|regardless of (?:performance|results|milestones|how)|no matter what|as (?:the )?(?:new )?capacity (?:comes|goes) (?:online|live)|will (?:follow|arrive|be paid|be invested|come) in (?:19|20)\d\d)\b/i;
/** Words that keep a sum a ceiling or a possibility, whatever else the clause says. */
const NOT_PAID = /\b(?:most|maximum|ceiling|cap|capped|if|could|would|might|may|potential(?:ly)?|eventually|up to|as much as|once|when(?!\s+(?:the\s+)?(?:deal|agreement|pact|contract)\s+was\s+(?:signed|announced|struck|unveiled))|until|unless)\b/i;

/**
 * A money ceiling stated as money already in ("Amazon has now sunk $33 billion
 * into the lab", "its total commitment now comes to $33 billion"): the full
 * value, no "up to", and words of money paid in the figure's clause. Sums only:
 * "secures 5 GW" is the usual shorthand for a capacity ceiling, not a claim that
 * it is all built.
 */
function ceilingStatedAsPaid(scan: BlockScan, s: number, fact: Fact, fig: Figure): boolean {
  if (fact.qualifier !== 'up-to' || fact.unit !== 'usd' || fig.qualifier !== 'exact') return false;
  const { lo, hi } = clauseAround(scan, s, fig.start);
  const clause = scan.text.slice(lo, hi);
  return (PAID.test(clause) || SCHEDULED.test(clause)) && !NOT_PAID.test(clause);
}

/** A page's qualifier that turns a ceiling into a floor ("more than $33 billion" for "up to $33 billion"). */
function overstatesCeiling(fact: Qualifier, page: Qualifier): boolean {
  return fact === 'up-to' && (page === 'more-than' || page === 'at-least');
}

/** Punctuation and conjunctions between a cue and a figure: each puts the cue further away. */
const PUNCT = /[,;:()\u2014\u2013]|\s-\s|\s(?:and|but|while|whereas|plus|with)\s/gi;

/** How close a guarding cue must stand for a differing figure to be called a contradiction. */
const FLAG_DISTANCE = 6;

export function candidatesFor(c: Compiled, scan: BlockScan, fig: Figure, s: number, date: string, carried: readonly string[]): Candidate[] {
  const hits = scan.bySentence[s]!;
  const sentence = scan.sentences[s]!;
  // other figures of the same unit in the sentence: a cue belongs to the figure it stands nearest
  const rivals = scan.figures.filter((f) => f !== fig && f.unit === fig.unit && f.start >= sentence.start && f.end <= sentence.end);
  // words between a cue and a figure, plus two for each comma, dash or bracket between them
  const gap = (f: Figure, at: number) => {
    const a = wordIndex(scan.words, f.spanStart);
    const b = wordIndex(scan.words, Math.max(f.spanStart, f.end - 1));
    const w = wordIndex(scan.words, at);
    const words = w < a ? a - w - 1 : w > b ? w - b - 1 : 0;
    if (!words && (at >= f.spanStart && at < f.end)) return 0;
    const between = at < f.spanStart ? scan.text.slice(at, f.spanStart) : scan.text.slice(f.end, at);
    // another figure between them counts as one word, however it is written ("more than $100 billion")
    const lo = Math.min(at, f.spanStart);
    const hi = Math.max(at, f.end);
    let inside = 0;
    for (const o of scan.figures) {
      if (o !== f && o.spanStart > lo && o.end < hi) inside += wordIndex(scan.words, o.end - 1) - wordIndex(scan.words, o.spanStart);
    }
    return words - inside + 2 * (between.match(PUNCT) ?? []).length;
  };
  const view = partiesFor(scan, s, carried);
  const byFact = new Map<number, { topic: number; boost: number; not: boolean; distance: number; tight: boolean }>();
  const clause = clauseAround(scan, s, fig.start);
  for (const h of hits) {
    if (h.payload.t !== 'cue') continue;
    // the figure's own unit word ("5 gigawatts") is no evidence of which fact it is
    const inside = h.start >= fig.spanStart && h.end <= fig.end;
    let d = -1;
    for (const cue of h.payload.cues) {
      const fact = c.facts[cue.fact]!;
      if (fact.unit !== fig.unit) continue;
      let e = byFact.get(cue.fact);
      if (!e) byFact.set(cue.fact, (e = { topic: 0, boost: 0, not: false, distance: Infinity, tight: false }));
      if (cue.role === 'not') {
        // "not" words speak for the figure's own clause only
        if (h.start >= clause.lo && h.start < clause.hi) e.not = true;
        continue;
      }
      if (inside) continue;
      if (d < 0) {
        d = gap(fig, h.start);
        if (rivals.some((r) => gap(r, h.start) < d)) d = Infinity;
      }
      if (d === Infinity) continue;
      if (cue.role === 'topic') {
        if (d <= (fact.cues?.window ?? 12)) {
          e.topic += Math.sqrt(cue.spec) / (1 + d);
          e.distance = Math.min(e.distance, d);
          if (d <= 2 && cue.spec === 1) e.tight = true;
        }
      } else e.boost += 0.25 / (1 + d / 2);
    }
  }
  const out: Candidate[] = [];
  for (const [fi, e] of byFact) {
    if (e.not || e.topic === 0) continue;
    const fact = c.facts[fi]!;
    if (fact.validFrom && fact.validFrom > date) continue; // not yet true when the page was written
    if (!partiesAllow(c, fact, view, fig)) continue;
    out.push({ fact: fi, score: e.topic + e.boost, distance: e.distance, tight: e.tight });
  }
  // no cue of its own ("hand Anthropic no less than five gigawatts", "lifts the cash Amazon has put into
  // Anthropic to $33 billion"): a deal figure whose value no other fact of its unit has may still be read as
  // that fact, when both deal parties are named in the sentence itself and nothing in the clause says it is
  // another story's (a value-matching reading, the least likely: it can be marked, or its qualifier judged,
  // never its value)
  const fi = soleValueFact(c, fig);
  if (fi !== undefined && !out.some((o) => o.fact === fi)) {
    const named = new Set(scan.parties[s]!.filter((p) => !p.weak).map((p) => p.key));
    if (c.dealParties.every((p) => named.has(p)) && !byFact.get(fi)?.not) {
      const fact = c.facts[fi]!;
      if (!(fact.validFrom && fact.validFrom > date) && partiesAllow(c, fact, view, fig)) out.push({ fact: fi, score: 0, distance: Infinity, tight: false });
    }
  }
  // the nearest cue decides; how telling the cues are breaks ties
  return out.sort((a, b) => a.distance - b.distance || b.score - a.score);
}

const soleValues = new WeakMap<Compiled, Map<string, number | null>>();

/**
 * The deal's own fact whose value the figure has, when no other fact of the
 * same unit (any party's) has that value: 5 GW is only the deal's, $5 billion
 * is Amazon's tranche and Microsoft's stake.
 */
function soleValueFact(c: Compiled, fig: Figure): number | undefined {
  let byValue = soleValues.get(c);
  if (!byValue) soleValues.set(c, (byValue = new Map()));
  const key = `${fig.unit}|${fig.value}|${fig.qualifier === 'about'}`;
  let hit = byValue.get(key);
  if (hit === undefined) {
    const all = c.facts.flatMap((f, i) => (f.unit === fig.unit && valueMatches(f, fig) ? [i] : []));
    const only = all.length === 1 ? all[0]! : undefined;
    hit = only !== undefined && c.facts[only]!.parties.every((p) => c.dealParties.includes(p)) ? only : null;
    byValue.set(key, hit);
  }
  return hit ?? undefined;
}

/** "their three-year relationship", "a decade-old partnership": how long they have known each other, not a term. */
const AGE_OF = /^[\s-]*(?:old\s+|long\s+)?(?:relationship|partnership|alliance|history|ties|friendship|association|rivalry|collaboration)\b/i;

/**
 * Judge a figure. It contradicts the record only when the best-scoring
 * candidate is a guarded fact whose cue stands close, whose value differs, that
 * no value-matching candidate outscores, and nothing in the sentence looks
 * back, hedges or denies, on a page dated after the fact became the record.
 * Otherwise any value-matching candidate makes it a fact (true statements are
 * never flagged), or it is left alone.
 */
export function judgeFigure(c: Compiled, scan: BlockScan, fig: Figure, s: number, date: string, carried: readonly string[], published?: string): Judgement {
  if (fig.unit === 'years' && AGE_OF.test(scan.text.slice(fig.end, fig.end + 30))) return { verdict: 'none' };
  const cands = candidatesFor(c, scan, fig, s, date, carried);
  if (!cands.length) return { verdict: 'none' };
  const matching = cands.filter((cand) => valueMatches(c.facts[cand.fact]!, fig));
  // the guarded reading must be (one of) the likeliest; a value-matching reading almost as likely wins
  const top = cands[0]!;
  const best = cands.find((cand) => c.valueRules.has(cand.fact) && cand.distance === top.distance && cand.score >= top.score - 1e-9 && !belowTarget(c, cand.fact, fig));
  const rivalMatch = best !== undefined && matching.some((m) => m.score >= best.score * 0.75);
  // a figure that is some other fact's true value ("another $5 billion") is flagged only on a cue of its own right beside it
  // (of someone who may be meant here: OpenAI's eight years are not, where OpenAI is not named in the block)
  const view = best?.tight ? undefined : partiesFor(scan, s, carried);
  const someonesValue = view !== undefined && c.facts.some((f) => f.unit === fig.unit && valueMatches(f, fig) && partiesAllow(c, f, view, fig));
  // a rate ("$20 billion per gigawatt", "$10 billion a year") or a sum of another scale ("more than $100" in an
  // analogy) is not the record's total restated: it may be matched, never judged
  const judged = !isRate(scan.text, fig) && !(best && offScale(c.facts[best.fact]!, fig));
  if (judged && best && !matching.includes(best) && !rivalMatch && !someonesValue && best.distance <= FLAG_DISTANCE) {
    const fact = c.facts[best.fact]!;
    // "about 1 GW" of an up-to-5 GW record is a part of it; "up to 3 GW" states the ceiling itself, and wrongly
    const partOfCeiling = fact.qualifier === 'up-to' && fig.value < (fact.value ?? 0) && fig.qualifier !== 'exact' && fig.qualifier !== 'up-to';
    // "nearly 2 GW" is still more than a target of about 1 GW
    const nearlyAbove = guardsTarget(c, best.fact) && fig.qualifier === 'less-than' && fig.value * 0.9 > targetOf(fact);
    const hedgedFigure = (fig.qualifier === 'less-than' && !nearlyAbove) || fig.qualifier === 'at-least' || isRange(scan.text, fig);
    if (!partOfCeiling && !hedgedFigure && safeToFlag(c, scan, s, fig.start, fact, date, carried, published)) return { verdict: 'mismatch', fact: best.fact };
  }
  const m = matching[0];
  if (!m) return { verdict: 'none' };
  const fact = c.facts[m.fact]!;
  if (
    judged &&
    (overstatesCeiling(fact.qualifier, fig.qualifier) || ceilingStatedAsPaid(scan, s, fact, fig)) &&
    c.qualifierRules.has(m.fact) &&
    safeToFlag(c, scan, s, fig.start, fact, date, carried, published)
  ) {
    return { verdict: 'qualifier', fact: m.fact };
  }
  return { verdict: 'match', fact: m.fact };
}

/** A rule that guards a target due by a date (`above`): only a larger figure contradicts it. */
function guardsTarget(c: Compiled, fi: number): boolean {
  const rule = c.valueRules.get(fi);
  return rule?.match.type === 'figure' && rule.match.above === true;
}

const targetOf = (fact: Fact) => (fact.value ?? 0) * (1 + (fact.tolerance ?? 0));

/**
 * A figure a target's rule does not judge: no larger than the target (it may be
 * progress toward it), or "up to" a larger one (the whole agreement's ceiling).
 */
function belowTarget(c: Compiled, fi: number, fig: Figure): boolean {
  return guardsTarget(c, fi) && (fig.value <= targetOf(c.facts[fi]!) || fig.qualifier === 'up-to');
}

function safeToFlag(c: Compiled, scan: BlockScan, s: number, at: number, fact: Fact, date: string, carried: readonly string[], published?: string): boolean {
  return mayFlag(c, scan, s, at, date, fact.validFrom ?? c.dataset.story.announced, 'figure', carried, fact.recheckAfter, published, fact.conditional);
}

/** What follows a figure that makes it a rate: per unit of something, or per period. */
const RATE = /^\s*(?:(?:per|a|an|each|every)\s+(?:year|month|quarter|week|day|gigawatt|gw|megawatt|mw|share|chip|customer|employee|user|head|unit|person)\b(?!\s+(?:ago|earlier|later|before|after|from)\b)|(?:annually|yearly|monthly|quarterly)\b|\/\s*(?:yr|year|mo|month|gw|mw)\b)/i;

/** "$20 billion per gigawatt", "$10 billion a year": a rate, not a total ("$6 billion a year earlier" is a total). */
function isRate(text: string, fig: Figure): boolean {
  return RATE.test(text.slice(fig.end, fig.end + 20));
}

/** A figure ten thousand times smaller or larger than the record is another kind of sum ("$100" in an analogy), not a misstatement of it. */
function offScale(fact: Fact, fig: Figure): boolean {
  const v = fact.value ?? 0;
  return v > 0 && (fig.value * 1e4 < v || fig.value > v * 1e4);
}

/** "between $20 billion and $30 billion", "$20 billion to $30 billion", "$20-30 billion": a range, not a claim of one value. */
function isRange(text: string, fig: Figure): boolean {
  const before = text.slice(Math.max(0, fig.spanStart - 24), fig.spanStart);
  const after = text.slice(fig.end, fig.end + 12);
  return /\b(?:between|from)\s+$/i.test(before) || /(?:\bto|\band|[-\u2013])\s*$/i.test(before) && /\d/.test(before) || /^\s*(?:to|and|-|\u2013)\s*(?:US)?\$?\s?\d/i.test(after);
}
