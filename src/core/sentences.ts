/** Sentence spans inside a block, for tying figures and claims to their context. */

export interface Span {
  start: number;
  end: number;
}

const ABBREV = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Inc|Corp|Co|Ltd|Jr|Sr|St|vs|etc|e\.g|i\.e|approx|est|No|U\.S|U\.K|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])$/;

/**
 * Split a block into sentences. A sentence ends at `.`, `!`, `?` or `…` (with any
 * closing quotes/brackets) followed by white space and an upper-case letter,
 * digit, quote or currency sign, unless the word before is a known abbreviation
 * or a single initial; line breaks and bullets always end one.
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const re = /([.!?…]+["'”’)\]]*)(\s+)(?=["'“‘(\[]?[\p{Lu}\p{N}$€£•])|\n+|\s[•·▪]\s/gu;
  for (const m of text.matchAll(re)) {
    const at = m.index!;
    if (m[1]) {
      const before = text.slice(Math.max(start, at - 12), at);
      if (m[1] === '.' && ABBREV.test(before)) continue;
      const end = at + m[1].length;
      if (end > start) out.push({ start, end });
      start = end + m[2]!.length;
    } else {
      if (at > start) out.push({ start, end: at });
      start = at + m[0].length;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out.filter((s) => text.slice(s.start, s.end).trim().length > 0);
}

/** Index of the sentence containing offset `at` (binary search). */
export function sentenceAt(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(spans.length - 1, lo - 1));
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** 1: may start a word (letter, digit, $); 2: may only continue one (. , ' ’ % -); 0: neither. ASCII and Latin-1 by table. */
const WORD_CLASS = (() => {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) t[c] = LETTER_OR_DIGIT.test(String.fromCharCode(c)) || c === 36 ? 1 : ".,'%-".includes(String.fromCharCode(c)) ? 2 : 0;
  return t;
})();
function wordClass(c: number): number {
  if (c < 256) return WORD_CLASS[c]!;
  if (c === 0x2019) return 2;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(c)) ? 1 : 0;
}

/**
 * Word-start offsets of a text, for word distances: where a run of letters,
 * digits and `$` begins that may go on with `. , ' ’ % -` (so "$5.5", "U.S."
 * and "Amazon's" are one word each). A character loop, not a regexp: this runs
 * on every block that holds a figure.
 */
export function wordStarts(text: string): number[] {
  const out: number[] = [];
  let inWord = false;
  for (let i = 0, n = text.length; i < n; i++) {
    const u = text.charCodeAt(i);
    // code points, as the `u` flag reads them: a pair is one character, a lone half is nothing
    const k = u < 0xd800 || u > 0xdfff ? wordClass(u) : u <= 0xdbff && i + 1 < n ? wordClass(text.codePointAt(i)!) : 0;
    const at = i;
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < n && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) i++;
    if (inWord && k !== 0) continue;
    inWord = k === 1;
    if (inWord) out.push(at);
  }
  return out;
}

/** Number of words from the start of the text up to offset `at`. */
export function wordIndex(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
