/**
 * Character-level normalisation that keeps offsets: every UTF-16 unit maps to
 * exactly one unit, so a match in the normalised text is a match at the same
 * offsets in the page's text.
 */

const SPACE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]/;
const MAP: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '`': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00ad': '-',
};

/** Fold one UTF-16 unit: quotes, dashes and spaces to ASCII; optionally lowercase. */
export function foldChar(c: string, lower: boolean): string {
  // ASCII without a regexp or a table: most of what is folded, and the whole dataset's phrases
  const u = c.length === 1 ? c.charCodeAt(0) : 128;
  if (u < 128) {
    if (u === 96) return "'";
    if (u === 32 || (u >= 9 && u <= 13)) return ' ';
    return lower && u >= 65 && u <= 90 ? String.fromCharCode(u + 32) : c;
  }
  const m = MAP[c];
  if (m) return m;
  if (SPACE.test(c)) return ' ';
  if (lower) {
    const l = c.toLowerCase();
    return l.length === 1 ? l : c;
  }
  return c;
}

/** Same-length fold of a whole string. */
export function fold(s: string, lower = true): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += foldChar(s[i]!, lower);
  return out;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Fold and collapse runs of spaces: the form a dataset phrase is stored in. */
export function foldPhrase(s: string, lower = true): string {
  // printable ASCII (nearly every phrase of the dataset): native calls instead of a loop per character,
  // the same result (case, the backtick; no other white space than the space itself)
  const folded = PRINTABLE_ASCII.test(s) ? (lower ? s.toLowerCase() : s).replace(/`/g, "'") : fold(s, lower);
  return folded.replace(/ +/g, ' ').trim();
}

const WORD = /[\p{L}\p{N}]/u;
/** Whether the unit at `i` is part of a word (letters and digits of any script). */
export function isWordChar(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD.test(s[i]!);
}
