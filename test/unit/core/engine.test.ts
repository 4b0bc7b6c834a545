import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../../src/core/engine';
import { mini } from './mini-dataset';

const engine = createEngine(mini);
const DEAL_INTRO = 'Amazon will invest more in Anthropic, the Claude maker, in a deal that expands its stake and Trainium commitment.';
const TODAY = '2026-05-01';

/** Annotations of one sentence placed in a page that is about the deal. */
function marks(sentence: string, published = TODAY) {
  const r = engine.analyze({ blocks: [DEAL_INTRO, sentence], title: 'Amazon to invest in Anthropic', published });
  expect(r.about, r.reason).toBe(true);
  return r.annotations.filter((a) => a.block === 1).map((a) => ({ text: sentence.slice(a.start, a.end), kind: a.kind, id: a.entryId }));
}
const kindOf = (sentence: string, text: string, published?: string) => marks(sentence, published).find((m) => m.text.includes(text))?.kind;

describe('verdicts on figures', () => {
  it('a matching figure is a fact, or a caveat when the fact carries one', () => {
    expect(marks('Amazon will invest $5 billion immediately.')).toContainEqual({ text: '$5 billion', kind: 'fact', id: 'now-5b' });
    expect(marks('Amazon could invest up to $25 billion in the deal.')).toContainEqual({ text: 'up to $25 billion', kind: 'caveat', id: 'ceiling' });
  });
  it('flags a different value tied by a close cue', () => {
    expect(marks('Amazon is investing $25 billion up front.')).toContainEqual({ text: '$25 billion', kind: 'conflict', id: 'wrong-now' });
    expect(marks('The round gives Anthropic a $350bn valuation.')).toContainEqual({ text: '$350bn', kind: 'conflict', id: 'wrong-valuation' });
    expect(marks('Anthropic was then valued at $38 billion by the deal.').length).toBeGreaterThanOrEqual(0);
    expect(kindOf('Anthropic is valued at $38 billion under the deal.', '$38 billion')).toBe('conflict');
    expect(kindOf('Anthropic signed a five-year commitment with AWS.', 'five-year')).toBe('conflict');
    expect(kindOf('Anthropic secured 3 gigawatts of capacity.', '3 gigawatts')).toBe('conflict');
  });
  it('accepts the true versions of the same sentences', () => {
    expect(kindOf('Anthropic is valued at about $380 billion under the deal.', '$380 billion')).toBe('fact');
    expect(kindOf('Anthropic signed a ten-year commitment with AWS.', 'ten-year')).toBe('fact');
    expect(kindOf('Anthropic secured up to 5 gigawatts of capacity.', '5 gigawatts')).toBe('fact');
    expect(kindOf('Anthropic will spend more than $100 billion on AWS over the next decade.', 'decade')).toBe('fact');
  });
  it('flags "more than" for a ceiling', () => {
    expect(kindOf("Amazon's total exposure now exceeds $33 billion.", '$33 billion')).toBe('conflict');
    expect(kindOf("Amazon's total exposure could reach up to $33 billion.", '$33 billion')).toBe('fact');
  });
  it('ties figures to the party named nearest, never by number alone', () => {
    expect(kindOf('Microsoft agreed to invest up to $5 billion in Anthropic.', '$5 billion')).toBe('fact');
    expect(marks('Microsoft agreed to invest up to $5 billion in Anthropic.')).toContainEqual({ text: 'up to $5 billion', kind: 'fact', id: 'msft-5b' });
    expect(marks('The Claude maker pledged $30 billion of Azure spending.')).toContainEqual({ text: '$30 billion', kind: 'fact', id: 'msft-azure-30b' });
    expect(marks('Amazon also invested $50 billion in OpenAI, with a $100 billion cloud commitment.')).toEqual(
      expect.arrayContaining([
        { text: '$50 billion', kind: 'fact', id: 'openai-50b' },
        { text: '$100 billion', kind: 'fact', id: 'openai-100b' },
      ]),
    );
  });
  it('does not flag a cue that belongs to another figure of the same unit', () => {
    expect(kindOf('It added up to $25 billion more, with $5 billion paid immediately.', '$25 billion')).not.toBe('conflict');
  });
  it('does not flag figures in sentences that look back, hedge or deny', () => {
    expect(kindOf('Two years ago, Anthropic was valued at $18 billion.', '$18 billion')).toBeUndefined();
    expect(kindOf('Investors could value Anthropic at $800 billion next year, reportedly.', '$800 billion')).toBeUndefined();
    expect(kindOf('The deal does not value Anthropic at $350 billion.', '$350 billion')).toBeUndefined();
  });
  it('judges older articles by the record of their day: a superseded fact, never a conflict', () => {
    const r = engine.analyze({ blocks: ['Amazon will invest up to $4 billion in Anthropic, the Claude maker.'], published: '2023-09-25' });
    expect(r.about).toBe(true);
    const a = r.annotations.find((x) => x.entryId === 'first-4b');
    expect(a?.kind).toBe('fact');
    expect(r.annotations.some((x) => x.kind === 'conflict')).toBe(false);
  });
});

describe('claim phrases', () => {
  it('flags a claim with its subject in the sentence', () => {
    expect(kindOf("Anthropic's annual revenue exceeded $30 billion.", 'annual revenue')).toBe('conflict');
    expect(kindOf('AWS customers can now access the full Claude console.', 'can now access')).toBe('conflict');
  });
  it('leaves it alone without the subject or when cancelled', () => {
    expect(kindOf('Shoppers can now access the new store.', 'can now access')).toBeUndefined();
    expect(kindOf('The Claude Platform on AWS is coming soon, not available now.', 'available now')).toBeUndefined();
  });
  it('keeps the true figure next to the wrong label', () => {
    expect(kindOf("Anthropic's annual revenue exceeded $30 billion.", '$30 billion')).toBe('caveat');
  });
});

describe('terms and page decision', () => {
  it('marks term forms with exact case where required', () => {
    const m = marks('Trn2 and Trainium2 chips run on AWS, not on laws or aws.');
    expect(m.filter((x) => x.kind === 'term').map((x) => x.text)).toEqual(['Trn2', 'Trainium2', 'AWS']);
  });
  it('gives no annotations to a page that is not about the deal', () => {
    for (const blocks of [
      ['Amazon cut prices on Prime Day. AWS had an outage in Virginia.'],
      ['Claude Monet painted water lilies at Giverny.', 'The anthropic principle says the universe permits observers.'],
      ['Microsoft will invest $10 billion in OpenAI, with Azure compute.'],
      ['Anthropic released a new Claude model for coding today.'],
    ]) {
      const r = engine.analyze({ blocks, published: TODAY });
      expect(r.about, blocks[0]).toBe(false);
      expect(r.annotations).toEqual([]);
    }
  });
  it('hides claims whose every source is switched off and counts them', () => {
    const r = engine.analyze({ blocks: [DEAL_INTRO, 'Amazon will invest $5 billion immediately.'], published: TODAY }, { disabledSources: ['src-a'] });
    expect(r.annotations.every((a) => a.kind === 'term')).toBe(true);
    expect(r.hidden).toBeGreaterThan(0);
  });
  it('returns only the kinds asked for', () => {
    const r = engine.analyze({ blocks: [DEAL_INTRO, 'Amazon will invest $5 billion immediately on Trainium.'], published: TODAY }, { kinds: ['fact'] });
    expect(r.annotations.length).toBeGreaterThan(0);
    expect(r.annotations.every((a) => a.kind === 'fact')).toBe(true);
  });
});

describe('properties', () => {
  const words = ['Amazon', 'Anthropic', 'invest', '$5 billion', 'up to', '$25 billion', 'valuation', '$350bn', 'AWS', 'Trainium2', 'five-year', 'commitment', '5 GW', 'capacity', 'OpenAI', 'Microsoft', ' ', '.', ',', 'annual revenue', 'can now access', 'console', 'not', 'ago'];
  it('never throws; annotations stay inside their block and never overlap', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.array(fc.constantFrom(...words), { maxLength: 30 }).map((w) => w.join(' ')), fc.string({ maxLength: 80 })), { minLength: 1, maxLength: 6 }), (blocks) => {
        const r = engine.analyze({ blocks: [DEAL_INTRO, ...blocks], published: TODAY });
        const byBlock = new Map<number, [number, number][]>();
        for (const a of r.annotations) {
          const text = [DEAL_INTRO, ...blocks][a.block]!;
          expect(a.start).toBeGreaterThanOrEqual(0);
          expect(a.end).toBeLessThanOrEqual(text.length);
          expect(a.start).toBeLessThan(a.end);
          const list = byBlock.get(a.block) ?? [];
          for (const [s, e] of list) expect(a.end <= s || a.start >= e).toBe(true);
          list.push([a.start, a.end]);
          byBlock.set(a.block, list);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('dates', () => {
  it('reads an undated page that states no current figure as an older stage: no conflicts', () => {
    const blocks = ['Amazon will invest up to $4 billion in Anthropic, the Claude maker.', 'With the new capital, Anthropic is targeting a valuation of $30 billion.'];
    const r = engine.analyze({ blocks });
    expect(r.about).toBe(true);
    expect(r.date < mini.story.announced).toBe(true);
    expect(r.annotations.some((a) => a.kind === 'conflict')).toBe(false);
  });
  it('judges an undated page with current figures as of today', () => {
    const r = engine.analyze({ blocks: ['Amazon will invest $5 billion immediately in Anthropic, the Claude maker.', 'The deal values Anthropic at $350 billion.'] }, { today: '2026-06-01' });
    expect(r.date).toBe('2026-06-01');
    expect(r.annotations.find((a) => a.kind === 'conflict')?.entryId).toBe('wrong-valuation');
  });
  it('never flags a range', () => {
    expect(kindOf('The deal values Anthropic at between $350 billion and $400 billion.', '$350 billion')).toBeUndefined();
    expect(kindOf('The deal values Anthropic at $350 billion to $400 billion.', '$350 billion')).toBeUndefined();
  });
});

describe('pre-check', () => {
  it('says no cheaply when a party is not named, and never no when both are', () => {
    expect(engine.mightBeAbout('Amazon cut prices. Claude Monet painted.')).toBe(false);
    expect(engine.mightBeAbout('The laws of AWSOME physics; anthropology')).toBe(false);
    expect(engine.mightBeAbout('AWS and the Claude maker signed a deal')).toBe(true);
    expect(engine.mightBeAbout('amazon\u00a0web services backs ANTHROPIC')).toBe(true);
  });
});
