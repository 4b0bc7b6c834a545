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

/** Word-start offsets of a text, for word distances. */
export function wordStarts(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}$][\p{L}\p{N}$.,'’%-]*/gu)) out.push(m.index!);
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
