import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Matcher, leftmostLongest } from '../../../src/core/matcher';
import { splitSentences, wordStarts } from '../../../src/core/sentences';
import { foldChar, foldPhrase, isWordChar } from '../../../src/core/normalize';

const m = new Matcher([
  { text: 'AWS', payload: 'aws', exact: true },
  { text: 'Trainium', payload: 'trn' },
  { text: 'Trainium2', payload: 'trn2' },
  { text: 'Trainium 2', payload: 'trn2' },
  { text: 'Trn2', payload: 'trn2', exact: true },
  { text: 'Amazon Web Services', payload: 'aws' },
  { text: 'invest*', payload: 'invest' },
  { text: "Anthropic's", payload: 'poss' },
]);
const found = (s: string) => leftmostLongest(m.findAll(s)).map((h) => [s.slice(h.start, h.end), h.payload]);

describe('Matcher', () => {
  it('matches whole words only: AWS but not laws', () => {
    expect(found('AWS and laws')).toEqual([['AWS', 'aws']]);
    expect(found('jaws')).toEqual([]);
  });
  it('keeps exact case for exact patterns', () => {
    expect(found('aws and Aws')).toEqual([]);
    expect(found('trn2 Trn2')).toEqual([['Trn2', 'trn2']]);
  });
  it('is case-insensitive otherwise and prefers the longest match', () => {
    expect(found('TRAINIUM2 and trainium and Trainium 2')).toEqual([
      ['TRAINIUM2', 'trn2'],
      ['trainium', 'trn'],
      ['Trainium 2', 'trn2'],
    ]);
  });
  it('folds runs of white space, NBSP, curly quotes', () => {
    expect(found('Amazon\u00a0Web   Services')).toEqual([['Amazon\u00a0Web   Services', 'aws']]);
    expect(found('Anthropic\u2019s deal')).toEqual([['Anthropic\u2019s', 'poss']]);
  });
  it('reads through soft hyphens and zero-width characters inside a word, keeping exact offsets', () => {
    expect(found('Trai\u00adnium2 and Amazon\u00a0Web\u200b Services')).toEqual([
      ['Trai\u00adnium2', 'trn2'],
      ['Amazon\u00a0Web\u200b Services', 'aws'],
    ]);
  });
  it('lets a trailing * match any ending', () => {
    expect(found('investing investment invest')).toEqual([
      ['invest', 'invest'],
      ['invest', 'invest'],
      ['invest', 'invest'],
    ]);
    expect(found('reinvest')).toEqual([]);
  });
  it('never throws and keeps hits inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        for (const h of m.findAll(s)) {
          expect(h.start).toBeGreaterThanOrEqual(0);
          expect(h.end).toBeLessThanOrEqual(s.length);
          expect(h.start).toBeLessThan(h.end);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * The matcher's specification, written the slow way: fold the text, collapse
 * runs of spaces, and compare every pattern at every position, with the same
 * word-boundary and exact-case rules.
 */
function naiveFindAll(patterns: { text: string; payload: string; exact?: boolean }[], text: string): [number, number, string][] {
  const codes: number[] = [];
  const at: number[] = [];
  let prevSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = foldChar(text[i]!, true);
    if (c === ' ') {
      if (prevSpace) continue;
      prevSpace = true;
    } else prevSpace = false;
    codes.push(c.charCodeAt(0));
    at.push(i);
  }
  const out: [number, number, string][] = [];
  for (const p of patterns) {
    const prefix = p.text.endsWith('*');
    const raw = prefix ? p.text.slice(0, -1) : p.text;
    const key = foldPhrase(raw, true);
    for (let j = 0; j + key.length <= codes.length; j++) {
      let k = 0;
      while (k < key.length && codes[j + k] === key.charCodeAt(k)) k++;
      if (k < key.length) continue;
      const start = at[j]!;
      const end = at[j + key.length - 1]! + 1;
      if (isWordChar(text, start - 1) && isWordChar(text, start)) continue;
      if (!prefix && isWordChar(text, end) && isWordChar(text, end - 1)) continue;
      if (p.exact && foldPhrase(text.slice(start, end), false) !== foldPhrase(raw, false)) continue;
      out.push([start, end, p.payload]);
    }
  }
  return out.sort((a, b) => a[1] - b[1] || a[0] - b[0] || a[2].localeCompare(b[2]));
}

describe('Matcher agrees with the naive specification', () => {
  const patterns = [
    { text: 'AWS', payload: 'aws', exact: true },
    { text: 'aws', payload: 'aws-lower' },
    { text: 'Trainium', payload: 'trn' },
    { text: 'Trainium2', payload: 'trn2' },
    { text: 'Trainium 2', payload: 'trn2s' },
    { text: 'in 2', payload: 'in2' },
    { text: 'nium', payload: 'nium' },
    { text: 'a', payload: 'a' },
    { text: 'an an', payload: 'anan' },
    { text: 'invest*', payload: 'invest' },
    { text: 'up to', payload: 'upto' },
    { text: '$5', payload: 'five' },
    { text: '中国', payload: 'cn' },
  ];
  const mm = new Matcher(patterns);
  const pieces = ['AWS', 'aws', 'Aws', 'Trainium', 'trainium2', 'TRAINIUM 2', 'in', '2', 'nium', 'a', 'an', ' ', '  ', '\u00a0', '\u2019', 'invest', 'ment', 'up', 'to', '$5', '$', '5', 'x', '-', '.', '中国', 'é', '😀'];
  it('on random texts made of pattern pieces, overlapping and repeated', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const got = mm.findAll(text).map((h): [number, number, string] => [h.start, h.end, h.payload]);
        got.sort((a, b) => a[1] - b[1] || a[0] - b[0] || a[2].localeCompare(b[2]));
        expect(got).toEqual(naiveFindAll(patterns, text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('wordStarts', () => {
  const reference = (t: string) => [...t.matchAll(/[\p{L}\p{N}$][\p{L}\p{N}$.,'’%-]*/gu)].map((m) => m.index!);
  it('finds where words begin ("$5.5", "U.S.", "Amazon’s" are one word each)', () => {
    expect(wordStarts("Amazon’s $5.5bn U.S. -- deal, 5%-plus")).toEqual([0, 9, 16, 24, 30]);
  });
  it('agrees with the regular expression it replaced, on any text (pairs, lone surrogates, marks)', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Z', '1', '$', '.', ',', "'", '’', '%', '-', ' ', 'é', '中', '😀', '\u0301', '\ud800', '\udc00', '_') }), (t) => {
        expect(wordStarts(t)).toEqual(reference(t));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (t) => {
        expect(wordStarts(t)).toEqual(reference(t));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('splitSentences', () => {
  const texts = (s: string) => splitSentences(s).map((x) => s.slice(x.start, x.end));
  it('splits on sentence ends but not on abbreviations or decimals', () => {
    expect(texts('Amazon paid $5.5 billion. The U.S. firm said so. Mr. Jassy agreed! Done')).toEqual([
      'Amazon paid $5.5 billion.',
      'The U.S. firm said so.',
      'Mr. Jassy agreed!',
      'Done',
    ]);
  });
  it('ends a sentence at a line break', () => {
    expect(texts('First line\nSecond line')).toEqual(['First line', 'Second line']);
  });
});

describe('foldChar', () => {
  it('keeps every UTF-16 unit one unit long (offsets survive folding)', () => {
    for (let u = 0; u < 0x10000; u++) {
      const c = String.fromCharCode(u);
      if (foldChar(c, true).length !== 1 || foldChar(c, false).length !== 1) throw new Error(`U+${u.toString(16)} folds to more than one unit`);
    }
  });
  it('folds ASCII case, white space and the backtick; quotes, dashes and wide spaces beyond', () => {
    expect([...'Az \t\n`-_'].map((c) => foldChar(c, true)).join('')).toBe("az   '-_");
    expect(foldChar('A', false)).toBe('A');
    expect(['\u2019', '\u201c', '\u2014', '\u00a0', '\u3000', 'É', '\u0130'].map((c) => foldChar(c, true))).toEqual(["'", '"', '-', ' ', ' ', 'é', '\u0130']);
  });
});

describe('foldPhrase', () => {
  /** The definition: fold each unit, collapse runs of spaces, trim. */
  const reference = (s: string, lower: boolean) => [...s].map((c) => (c.length === 1 ? foldChar(c, lower) : c)).join('').replace(/ +/g, ' ').trim();
  it('gives the same phrase on its ASCII fast path as unit-by-unit folding', () => {
    const units = fc.constantFrom('a', 'Z', ' ', '`', "'", '-', '\t', '\u00a0', 'É', '\u2019', '$', '5', '~', '\x7f');
    fc.assert(
      fc.property(fc.string({ unit: units }), fc.boolean(), (s, lower) => {
        expect(foldPhrase(s, lower)).toBe(reference(s, lower));
      }),
      { numRuns: 3000 },
    );
    expect(foldPhrase('  Amazon   Web `Services` ')).toBe("amazon web 'services'");
  });
});
