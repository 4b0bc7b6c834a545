import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Matcher, leftmostLongest } from '../../../src/core/matcher';
import { splitSentences } from '../../../src/core/sentences';

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
