/**
 * Figures as news writes them: money ("$25 billion", "$25bn", "US$5 billion",
 * "twenty-five billion dollars", "$5 billion-plus", "$100B+"), power ("5 GW",
 * "5-gigawatt", "five gigawatts"), durations ("ten years", "a decade",
 * "four months"), percentages and large counts ("100,000 customers"), each with
 * the qualifier that precedes or follows it ("up to", "more than", "about"…).
 * Pure and total: any string in, a list of figures out, never a throw.
 */
import type { Qualifier, Unit } from './schema';
import { WORD_NUMBER_SOURCE, digits, wordNumber } from './numbers';

export interface Figure {
  /** Span of the number and its unit, without the qualifier. */
  start: number;
  end: number;
  /** Span including a preceding qualifier ("up to $25 billion"). */
  spanStart: number;
  value: number;
  unit: Unit;
  qualifier: Qualifier;
  /** The qualifier's words as written, if any. */
  qualifierText?: string;
}

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const WNUM = WORD_NUMBER_SOURCE;
const MAG_WORD = String.raw`(?:trillions?|billions?|millions?|thousands?)`;
const SCALE: Record<string, number> = {
  trillion: 1e12, trillions: 1e12, tn: 1e12, t: 1e12,
  billion: 1e9, billions: 1e9, bn: 1e9, b: 1e9, bln: 1e9,
  million: 1e6, millions: 1e6, mn: 1e6, mln: 1e6, m: 1e6, mm: 1e6,
  thousand: 1e3, thousands: 1e3, k: 1e3,
};

/** "$25 billion", "US$5bn", "$100B+", "$13+ billion", "$5 billion-plus". Currency other than US dollars is consumed and dropped. */
const MONEY_SYMBOL = new RegExp(
  String.raw`(?<cur>US\s?\$|U\.S\.\s?\$|USD\s?|A\$|AU\$|C\$|CA\$|NZ\$|HK\$|S\$|R\$|MX\$|NT\$|\$)\s?(?<num>${NUM})(?<plus1>\+)?(?:(?:\s?|-(?=(?:tr|b|m)illion|thousand))(?<mag>trillion|billion|million|thousand|tn|bln|bn|mln|mn|mm|[tbmk])(?![\p{L}\p{N}]))?(?<plus>\+|-plus(?![\p{L}])|\s+plus(?![\p{L}]))?`,
  'giu',
);
/** "25 billion dollars", "twenty-five billion", "five billion dollars", "USD 5 billion". */
const MONEY_WORDS = new RegExp(
  String.raw`(?<![\p{L}\p{N}$.,€£¥₹])(?:(?<num>${NUM}|${WNUM})[\s-]+(?<mag>${MAG_WORD})|(?<num2>${NUM})(?<mag2>bn|bln))(?<dollars>\s+(?:US\s+|U\.S\.\s+)?dollars?)?(?<plus>-plus(?![\p{L}])|\+)?(?![\p{L}\p{N}])`,
  'yiu',
);
/** "5 GW", "5GW", "5-gigawatt", "five gigawatts", "500 megawatts". */
const POWER = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?<num>${NUM}|${WNUM})(?:\s|-)?(?<u>giga-?watts?|GW|mega-?watts?|MW)(?![\p{L}\p{N}])`,
  'yiu',
);
/** "ten years", "10-year", "24 months", "a decade", "decade-long". */
const DURATION = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:(?<num>${NUM}|${WNUM})(?:\s+|-)(?<u>years?|yrs?|months?|mos?|decades?)(?:-long)?|(?<decade>decade(?:-long)?))(?![\p{L}\p{N}])`,
  'yiu',
);
/** "64.3%", "64.3 percent". */
const PERCENT = new RegExp(String.raw`(?<![\p{L}\p{N}.,])(?<num>${NUM})\s?(?:%|percent(?![\p{L}])|per cent(?![\p{L}]))`, 'yiu');

/**
 * Where a number can start: a digit run or a number word ("a"/"an" only before a
 * scale or unit). The patterns above are sticky and tried only at these
 * offsets: one cheap scan instead of five expensive ones.
 */
const NUMBER_START = new RegExp(
  String.raw`\d+|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens?|decades?)\b|\ban?(?=\s+(?:decade|giga|mega|billion|million|trillion|thousand|dozen|hundred))`,
  'gi',
);

/** Matches of a sticky pattern at each candidate start, in order. */
function* matchesAt(re: RegExp, text: string, starts: readonly number[]): Generator<RegExpExecArray> {
  for (const p of starts) {
    re.lastIndex = p;
    const m = re.exec(text);
    if (m) yield m;
  }
}
/** "100,000 customers", "one million TPUs", "1 million chips" (counts of at least 1,000). */
const COUNT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,$])(?<num>${NUM}|${WNUM})(?:(?<k>k)(?![\p{L}]))?(?<plus>\+)?(?:\s+(?<mag>million|billion|thousand))?(?=\s+(?:[\p{L}]))`,
  'yiu',
);

/** Words that may follow a bare "25 billion" that is an amount of money. */
const MONEY_FOLLOWERS = new Set(['in', 'into', 'to', 'for', 'from', 'of', 'more', 'and', 'or', 'over', 'on', 'at', 'with', 'by', 'as', 'now', 'later', 'up', 'upfront', 'immediately', 'today', 'was', 'is', 'will', 'would', 'has', 'had', 'that', 'which', 'investment', 'stake', 'deal', 'check', 'cheque', 'round', 'valuation', 'commitment', 'pledge', 'tranche', 'injection']);

/** Words before a figure that qualify it, longest first; matched at the end of the text before the figure. */
const QUALIFIERS: [RegExp, Qualifier][] = [
  [/(?:up to|as much as|as many as|a maximum of|a ceiling of)\s*$/i, 'up-to'],
  [/(?:more than|over|above|exceeding|exceeds|exceeded|exceed|north of|upwards of|in excess of|past|well over|just over|beyond|surpassing|surpassed|tops|topped|topping)\s*$/i, 'more-than'],
  [/(?:at least|no less than|a minimum of)\s*$/i, 'at-least'],
  [/(?:about|around|roughly|approximately|approx\.|nearly|almost|close to|some|an estimated|estimated|circa|~)\s*$/i, 'about'],
  [/(?:under|less than|below|just under|fewer than|shy of)\s*$/i, 'less-than'],
];

/** Nothing of any unit can be in a text without one of these. */
const ANY_FIGURE = /[\d$%]|illion|watt|decade|dozen|year|yr|month/i;

/** Parse every figure in `text`, in order, without overlaps. */
export function parseFigures(text: string): Figure[] {
  if (typeof text !== 'string' || !text) return [];
  if (!ANY_FIGURE.test(text)) return [];
  // each pattern runs only where its unit word or sign occurs at all: most blocks need none or one
  const low = text.toLowerCase();
  const has = {
    dollar: text.includes('$') || low.includes('usd'),
    scale: /illion|\dbn|\dbln/.test(low),
    watt: /watt|gw|mw/.test(low),
    time: /year|yr|month|\dmo|decade/.test(low),
    percent: text.includes('%') || low.includes('per'),
    count: /\d|illion|thousand/.test(low),
  };
  const starts: number[] = [];
  if (has.scale || has.watt || has.time || has.percent || has.count) for (const m of text.matchAll(NUMBER_START)) starts.push(m.index!);
  const out: Figure[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const push = (start: number, end: number, value: number, unit: Unit, plus: boolean) => {
    if (!Number.isFinite(value) || value < 0 || !free(start, end)) return;
    taken.push([start, end]);
    const q = qualifierBefore(text, start, unit);
    out.push({
      start,
      end,
      spanStart: q ? start - q.text.length : start,
      value,
      unit,
      qualifier: plus ? 'more-than' : q?.qualifier ?? 'exact',
      qualifierText: plus ? undefined : q?.text.trim(),
    });
  };

  for (const m of has.dollar ? text.matchAll(MONEY_SYMBOL) : []) {
    const g = m.groups!;
    const start = m.index!;
    const end = start + m[0].length;
    const usd = /^(?:US\s?\$|U\.S\.\s?\$|USD\s?|\$)$/i.test(g.cur!);
    // claim the span even for other currencies so "A$5 billion" is not read as dollars
    if (!usd) {
      taken.push([start, end]);
      continue;
    }
    const magKey = g.mag?.toLowerCase();
    // single letters are only scales when written right after the number: "$25B", "$500m"
    const value = digits(g.num!) * (magKey ? SCALE[magKey] ?? 1 : 1);
    push(start, trimEnd(text, start, end), value, 'usd', Boolean(g.plus || g.plus1));
  }
  for (const m of has.scale ? matchesAt(MONEY_WORDS, text, starts) : []) {
    const g: Record<string, string | undefined> = { ...m.groups!, num: m.groups!.num ?? m.groups!.num2, mag: m.groups!.mag ?? m.groups!.mag2 };
    const n = /\d/.test(g.num!) ? digits(g.num!) : wordNumber(g.num!);
    if (n === undefined) continue;
    const start = m.index!;
    const end = start + m[0].length;
    // "25 billion" with no currency word is money only when no noun follows it ("one million Trainium2 chips" is a count)
    if (!g.dollars) {
      const next = /^\s+([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u.exec(text.slice(end, end + 30))?.[1]?.toLowerCase();
      if (next && !MONEY_FOLLOWERS.has(next)) continue;
    }
    if (!g.dollars && /^\s*(?:euros?|pounds?|yen|yuan|rupees?|won)\b/i.test(text.slice(end, end + 12))) continue;
    // "EUR 7.8bn", "GBP 2 billion", "€ 5bn": another currency written before the number
    if (!g.dollars && /(?:\b(?:EUR|GBP|JPY|CNY|RMB|INR|CHF|AUD|CAD|SEK|NOK|DKK|KRW|Rs\.?)|[€£¥₹])\s*$/.test(text.slice(Math.max(0, start - 6), start))) continue;
    push(start, end, n * SCALE[g.mag!.toLowerCase()]!, 'usd', Boolean(g.plus));
  }
  for (const m of has.watt ? matchesAt(POWER, text, starts) : []) {
    const g = m.groups!;
    const n = /\d/.test(g.num!) ? digits(g.num!) : wordNumber(g.num!);
    if (n === undefined) continue;
    const mega = /^m/i.test(g.u!);
    // "MW"/"GW" must be upper case to be units ("gw" in other text is not)
    if (/^(?:gw|mw)$/i.test(g.u!) && g.u !== g.u!.toUpperCase()) continue;
    push(m.index!, m.index! + m[0].length, mega ? n / 1000 : n, 'gw', false);
  }
  for (const m of has.time ? matchesAt(DURATION, text, starts) : []) {
    const g = m.groups!;
    const start = m.index!;
    const end = start + m[0].length;
    // "two years ago", "a decade earlier" are points in time, not spans
    if (/^\s+(?:ago|earlier|before|later|prior|old)\b/i.test(text.slice(end, end + 10))) continue;
    // "the past two years", "the last decade": looking back, not a horizon
    if (/(?:past|last|previous|first)\s+$/i.test(text.slice(Math.max(0, start - 10), start))) continue;
    let years: number | undefined;
    let unit: Unit = 'years';
    if (g.decade) years = 10;
    else {
      const n = /\d/.test(g.num!) ? digits(g.num!) : wordNumber(g.num!);
      if (n === undefined) continue;
      const u = g.u!.toLowerCase();
      if (u.startsWith('decade')) years = n * 10;
      else if (u.startsWith('mo')) {
        unit = 'months';
        years = n;
      } else years = n;
    }
    // "half a decade" is five years; "a decade and a half" fifteen
    const half = /\bhalf[\s-]+$/i.exec(text.slice(Math.max(0, start - 6), start));
    const andHalf = /^\s+and\s+a\s+half\b/i.exec(text.slice(end, end + 14));
    if (half) push(start - half[0].length, end, years / 2, unit, false);
    else if (andHalf) push(start, end + andHalf[0].length, years * 1.5, unit, false);
    else push(start, end, years, unit, false);
  }
  for (const m of has.percent ? matchesAt(PERCENT, text, starts) : []) {
    push(m.index!, m.index! + m[0].length, digits(m.groups!.num!), 'percent', false);
  }
  for (const m of has.count ? matchesAt(COUNT, text, starts) : []) {
    const g = m.groups!;
    const start = m.index!;
    const end = start + m[0].length;
    const raw = g.num!;
    const n = /\d/.test(raw) ? digits(raw) : wordNumber(raw);
    if (n === undefined) continue;
    const value = n * (g.mag ? SCALE[g.mag.toLowerCase()]! : 1) * (g.k ? 1e3 : 1);
    if (value < 1000) continue;
    // years and other four-digit labels are not counts; sums in other currencies are not counts
    if (!g.mag && !g.k && /^\d{4}$/.test(raw)) continue;
    if (/^\s+(?:euros?|pounds?|yen|yuan|rupees?|won|francs?|dollars?)\b/i.test(text.slice(end, end + 12))) continue;
    push(start, end, value, 'count', Boolean(g.plus));
  }
  return out.sort((a, b) => a.start - b.start);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

function qualifierBefore(text: string, start: number, unit: Unit): { qualifier: Qualifier; text: string } | undefined {
  const before = text.slice(Math.max(0, start - 24), start);
  for (const [re, q] of QUALIFIERS) {
    const m = re.exec(before);
    if (!m) continue;
    // the qualifier must start on a word boundary
    const at = before.length - m[0].length;
    if (at > 0 && /[\p{L}\p{N}]/u.test(before[at - 1]!)) continue;
    const word = m[0].trim().toLowerCase();
    // "hand over $25 billion", "signed over", "took over": a verb's particle, not "more than"
    if (word === 'over' && /\b(?:hand(?:s|ed|ing)?|turn(?:s|ed|ing)?|sign(?:s|ed|ing)?|t[ao]ok|tak(?:e|es|ing)|fork(?:s|ed|ing)?|shell(?:s|ed|ing)?|pass(?:es|ed|ing)?|give|gave|giv(?:es|ing)|paid|pay(?:s|ing)?)\s+$/i.test(text.slice(Math.max(0, start - m[0].length - 12), start - m[0].length))) return undefined;
    // "over ten years" / "over the next decade" is a span, not "more than"
    if ((unit === 'years' || unit === 'months') && q === 'more-than' && /^(?:over|past)$/.test(word)) return undefined;
    // "some" and "past" are too loose for counts and percentages
    if ((unit === 'count' || unit === 'percent') && /^(?:some|past)$/.test(word)) return undefined;
    return { qualifier: q, text: m[0] };
  }
  return undefined;
}
