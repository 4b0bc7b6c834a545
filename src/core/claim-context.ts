/**
 * Whether a sentence makes a claim the page stands behind. A figure or phrase
 * that differs from the record is flagged only when it does: not in a
 * question, not in quotation marks, not attributed to someone else ("one
 * analyst claimed"), not looking back, hedged or denied in its clause, not
 * rebutted right after ("That is incorrect", ": False"), and only in a sentence
 * that names the deal's parties or one of its terms. A false alarm is worse
 * than a miss.
 */
import type { Compiled } from './compile';
import { clauseAround, markersNear, type BlockScan } from './scan';

/** A question asks; it does not claim ("Did Amazon just hand over $25 billion?"). */
export function isQuestion(scan: BlockScan, s: number): boolean {
  const sentence = scan.sentences[s]!;
  const text = scan.text.slice(sentence.start, sentence.end);
  // an interviewer's line ("Q: Some reports said …") asks too, with or without a question mark
  if (/^\s*(?:Q|Question)\s*[:.\u2014-]/.test(scan.text.slice(scan.sentences[0]!.start, scan.sentences[0]!.end))) return true;
  // a quiz's statement to judge ("True or false: …", "Fact or fiction? …") is put, not claimed
  if (/^\s*(?:\d+[.)]\s*)?(?:true or false|fact or fiction|myth or fact|fact or myth|real or fake)\b/i.test(scan.text)) return true;
  if (QUESTION_END.test(text)) return true;
  // the premise of a question that ends a short block ("Anthropic is doing $30 billion in annual revenue now. How
  // durable is that?"): an analyst's or interviewer's set-up, put to be answered, not the page's claim
  const n = scan.sentences.length;
  if (n <= 3 && s < n - 1) {
    const last = scan.sentences[n - 1]!;
    return QUESTION_END.test(scan.text.slice(last.start, last.end));
  }
  return false;
}

const QUESTION_END = /\?["'”’)\]]*\s*$/;

/** Inside quotation marks within its sentence (someone else's words, or a headline being quoted). */
export function inQuotes(scan: BlockScan, s: number, at: number): boolean {
  const before = scan.text.slice(scan.sentences[s]!.start, at);
  const straight = (before.match(/(?:^|[\s(\[])"|"(?=[\s.,;:!?)\]]|$)/g) ?? []).length;
  const opens = (before.match(/[“«]/g) ?? []).length;
  const closes = (before.match(/[”»]/g) ?? []).length;
  return opens > closes || straight % 2 === 1;
}

const REBUTTAL_AFTER = /^[^.!?]*?(?::|—|–|-|\()\s*(?:false|wrong|incorrect|untrue|myth|not true|misleading)\b/i;
const REBUTTAL_NEXT = /^\s*(?:(?:that|this|it|which|(?:that|this|the) (?:number|figure|sum|estimate|claim|report|reading|valuation|account|story))(?:'s|’s| is| was)\s+(?:(?:simply|just|flatly|also|badly|already)\s+)?(?:incorrect|wrong|false|untrue|inaccurate|misleading|mistaken|stale|outdated|out of date|out-of-date|not (?:true|correct|accurate|so|right|current))|(?:false|wrong|incorrect|not true|not so)\b|(?:in fact|in reality|actually),)/i;

/** "…; that figure conflicts with the Series G record": a later clause of the sentence rejects it. */
const REBUTTAL_CLAUSE = /[;,]\s*(?:but\s+)?(?:that|this|the|which) (?:figure|number|claim|report|estimate|valuation|reading)(?: is| was)? (?:wrong|false|incorrect|outdated|stale|mistaken|conflicts|contradicts|has been corrected|was corrected)/i;

/** The page itself says the claim is wrong: ": False" after it, or "That is incorrect" next. */
export function rebutted(scan: BlockScan, s: number, at: number): boolean {
  const sentence = scan.sentences[s]!;
  if (REBUTTAL_AFTER.test(scan.text.slice(at, sentence.end)) || REBUTTAL_CLAUSE.test(scan.text.slice(at, sentence.end))) return true;
  const next = scan.sentences[s + 1];
  return next !== undefined && REBUTTAL_NEXT.test(scan.text.slice(next.start, next.end));
}

/**
 * The claim is about this deal: the sentence names Anthropic; or Amazon where
 * Anthropic is named in the block or was last named before it; or one of the
 * deal's terms; or refers back to a party by description ("the startup") on a
 * page where the parties were named before.
 */
export function namesSubject(c: Compiled, scan: BlockScan, s: number, carried: readonly string[] = c.dealParties): boolean {
  const [A, B] = c.dealParties;
  let here = scan.parties[s]!.filter((p) => !p.weak);
  // a sentence naming nobody speaks of whom the block named last ("Amazon is a shareholder as well as a
  // landlord. Under the April terms, all $25 billion of its new investment…")
  for (let t = s - 1; !here.length && t >= 0; t--) here = scan.parties[t]!.filter((p) => !p.weak);
  if (here.some((p) => p.key === B)) return true;
  // one side named alone (Amazon's wind farms, its data centres, its other contracts) is this deal
  // only where the other side is named too: in the block, or last before it
  if (here.some((p) => p.key === A)) return carried.includes(B) || scan.parties.some((ps) => ps.some((p) => p.key === B));
  // "capacity for training and running Claude": the model's name, where Anthropic was named last before
  if (carried.includes(B) && scan.parties[s]!.some((p) => p.key === B)) return true;
  // "the startup", "the Seattle company": the deal's parties referred back to, on a page already about the deal
  let described = false;
  for (const h of scan.bySentence[s]!) {
    // the deal's own things (Trainium, Project Rainier); a generic term ("post-money valuation") names no one
    if (h.payload.t === 'term' && h.payload.subject) return true;
    if (h.payload.t === 'descriptor' && (h.payload.key === A || h.payload.key === B)) described = true;
  }
  return described && (carried.includes(A) || carried.includes(B));
}

/**
 * Whether a differing figure or phrase at offset `at` of sentence `s` may be
 * flagged, on a page judged as of `date`, for a record that holds since `since`.
 */
export function mayFlag(
  c: Compiled,
  scan: BlockScan,
  s: number,
  at: number,
  date: string,
  since: string,
  kind: 'figure' | 'phrase' = 'figure',
  carried: readonly string[] = c.dealParties,
  recheckAfter?: string,
  published?: string,
  conditional = false,
): boolean {
  if (date < since) return false;
  // a moving record (a valuation, a launch) against a page dated well after it: the page may be right
  if (recheckAfter !== undefined && published !== undefined && published > recheckAfter) return false;
  if (isQuestion(scan, s) || inQuotes(scan, s, at) || rebutted(scan, s, at)) return false;
  const m = markersNear(scan, s, at);
  if (m.has('negation') || m.has('reported')) return false;
  // a claim phrase carries its own subject (its rule's `near` words) and may itself say "ago" or "could"
  if (kind === 'phrase') return true;
  // a record that is itself a condition: "… more if Anthropic hits its milestones" restates it
  const hedged = m.has('hedge') && !(conditional && MILESTONE_CONDITION.test(clauseText(scan, s, at)));
  return namesSubject(c, scan, s, carried) && !m.has('past') && !hedged;
}

const MILESTONE_CONDITION = /\b(?:if|once|when|as|provided|assuming)\b[^.;]*\bmilestones?\b/i;

function clauseText(scan: BlockScan, s: number, at: number): string {
  const { lo, hi } = clauseAround(scan, s, at);
  return scan.text.slice(lo, hi);
}
