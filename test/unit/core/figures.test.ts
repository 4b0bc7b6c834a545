import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFigures } from '../../../src/core/figures';

const one = (s: string) => {
  const f = parseFigures(s);
  expect(f, `figures in "${s}"`).toHaveLength(1);
  const x = f[0]!;
  return { text: s.slice(x.spanStart, x.end), value: x.value, unit: x.unit, qualifier: x.qualifier };
};

describe('parseFigures: money', () => {
  it.each([
    ['Amazon invests $25 billion in it', '$25 billion', 25e9],
    ['a $25bn deal', '$25bn', 25e9],
    ['the $25B tranche', '$25B', 25e9],
    ['US$5 billion now', 'US$5 billion', 5e9],
    ['worth 25 billion dollars', '25 billion dollars', 25e9],
    ['worth twenty-five billion in stock', 'twenty-five billion', 25e9],
    ['Five billion dollars paid at once', 'Five billion dollars', 5e9],
    ['will invest US$5-billion now', 'US$5-billion', 5e9],
    ['a $1.25 billion stake', '$1.25 billion', 1.25e9],
    ['$500m in credits', '$500m', 5e8],
    ['$2 trillion market', '$2 trillion', 2e12],
    ['$1,000,000 grant', '$1,000,000', 1e6],
  ])('%s', (s, text, value) => {
    expect(one(s)).toMatchObject({ text, value, unit: 'usd', qualifier: 'exact' });
  });

  it.each([
    ['up to $25 billion', 'up to'],
    ['as much as $20bn', 'as much as'],
    ['more than $100 billion', 'more than'],
    ['about $380 billion', 'about'],
    ['roughly $9 billion', 'roughly'],
    ['nearly $1 billion', 'nearly'],
    ['past $30 billion', 'past'],
    ['exceeds $33 billion', 'exceeds'],
    ['at least $4 billion', 'at least'],
  ])('qualifier in "%s"', (s, q) => {
    const f = one(s);
    expect(f.text.startsWith(q)).toBe(true);
    expect(f.qualifier).not.toBe('exact');
  });

  it('maps qualifiers to their meaning', () => {
    expect(one('up to $25 billion').qualifier).toBe('up-to');
    expect(one('as much as $20bn').qualifier).toBe('up-to');
    expect(one('more than $100 billion').qualifier).toBe('more-than');
    expect(one('over $100 billion').qualifier).toBe('more-than');
    expect(one('about $380 billion').qualifier).toBe('about');
    expect(one('nearly $1 billion').qualifier).toBe('about');
    expect(one('at least $4 billion').qualifier).toBe('at-least');
    expect(one('less than $1 billion').qualifier).toBe('less-than');
  });

  it('reads "-plus" and "+" as more than', () => {
    expect(one('a $5 billion-plus check')).toMatchObject({ value: 5e9, qualifier: 'more-than' });
    expect(one('$100B+ commitment')).toMatchObject({ value: 100e9, qualifier: 'more-than' });
    expect(one('invested $13+ billion')).toMatchObject({ value: 13e9, qualifier: 'more-than' });
  });

  it('does not read other currencies as dollars', () => {
    expect(parseFigures('A$5 billion')).toEqual([]);
    expect(parseFigures('€5 billion')).toEqual([]);
    expect(parseFigures('5 billion euros')).toEqual([]);
    expect(parseFigures('R$27.5 billion')).toEqual([]);
    expect(parseFigures('EUR 7.8bn')).toEqual([]);
    expect(parseFigures('C$6.9-billion')).toEqual([]);
  });

  it('does not read counts of people as money', () => {
    expect(parseFigures('5 billion people').every((f) => f.unit !== 'usd')).toBe(true);
  });
});

describe('parseFigures: power, time, percent, counts', () => {
  it.each([
    ['5 gigawatts', 5],
    ['5GW', 5],
    ['a 5-gigawatt build', 5],
    ['five gigawatts', 5],
    ['1 GW', 1],
    ['500 megawatts', 0.5],
  ])('%s', (s, v) => expect(one(s)).toMatchObject({ value: v, unit: 'gw' }));

  it('needs upper-case unit abbreviations', () => {
    expect(parseFigures('5 gw')).toEqual([]);
  });

  it.each([
    ['ten years', 10, 'years'],
    ['over the next decade', 10, 'years'],
    ['a five-year commitment', 5, 'years'],
    ['a 10-year deal', 10, 'years'],
    ['four months', 4, 'months'],
    ['24 months', 24, 'months'],
    ['over half a decade', 5, 'years'],
    ['a half-decade', 5, 'years'],
    ['a decade and a half', 15, 'years'],
  ])('%s', (s, v, unit) => expect(one(s)).toMatchObject({ value: v, unit }));

  it('spans "half a decade" and "a decade and a half" whole', () => {
    expect(one('spend it over half a decade').text).toBe('half a decade');
    expect(one('over a decade and a half, then more').text).toBe('a decade and a half');
  });

  it('does not treat "over" a period as "more than"', () => {
    expect(one('over ten years').qualifier).toBe('exact');
  });

  it('skips points in time and looking back', () => {
    expect(parseFigures('two years ago')).toEqual([]);
    expect(parseFigures('in the past two years')).toEqual([]);
    expect(parseFigures('a decade earlier')).toEqual([]);
  });

  it('reads percentages and counts', () => {
    expect(one('64.3% on SWE-bench Pro')).toMatchObject({ value: 64.3, unit: 'percent' });
    expect(one('57.7 percent')).toMatchObject({ value: 57.7, unit: 'percent' });
    expect(one('100,000 customers')).toMatchObject({ value: 100000, unit: 'count' });
    expect(one('one million TPUs')).toMatchObject({ value: 1e6, unit: 'count' });
    expect(one('500,000+ chips')).toMatchObject({ value: 5e5, unit: 'count', qualifier: 'more-than' });
  });

  it('does not read years as counts', () => {
    expect(parseFigures('In 2026 the firm grew')).toEqual([]);
  });

  it('finds several figures in order', () => {
    const f = parseFigures('Amazon pays $5 billion now and up to $20 billion later over ten years for 5 GW.');
    expect(f.map((x) => [x.value, x.unit])).toEqual([
      [5e9, 'usd'],
      [20e9, 'usd'],
      [10, 'years'],
      [5, 'gw'],
    ]);
  });
});

describe('parseFigures: properties', () => {
  it('never throws and returns spans inside the text, in order, without overlap', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.array(fc.constantFrom('$', '5', ' ', 'billion', 'up to ', 'GW', 'years', ',', '.', 'five', '-', '+', 'more than ', '%', 'a decade', 'US'), { maxLength: 40 }).map((a) => a.join('')),
        ),
        (s) => {
          const figs = parseFigures(s);
          let last = 0;
          for (const f of figs) {
            expect(f.spanStart).toBeGreaterThanOrEqual(0);
            expect(f.spanStart).toBeLessThanOrEqual(f.start);
            expect(f.end).toBeLessThanOrEqual(s.length);
            expect(f.start).toBeLessThan(f.end);
            expect(f.start).toBeGreaterThanOrEqual(last);
            expect(Number.isFinite(f.value)).toBe(true);
            last = f.end;
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('parseFigures: loose writing', () => {
  it.each([
    ['Amazon is giving 5 billions dollars', 5e9, 'usd'],
    ['a 100bn+ pledge', 100e9, 'usd'],
    ['Anthropic will use 5 giga-watt', 5, 'gw'],
    ['over 10 yrs', 10, 'years'],
    ['100k+ customers', 1e5, 'count'],
  ])('%s', (s, value, unit) => {
    const f = parseFigures(s);
    expect(f.map((x) => [x.value, x.unit])).toContainEqual([value, unit]);
  });
});
