/**
 * The party pre-check (relevance.ts `partyPrecheck`, the engine's `mightBeAbout`
 * and the page controller's first question): a safe "might be about". It must
 * never say no when both parties are named — by a non-weak form in any letter
 * case, whitespace inside a form any run of \s; an exact form as written — and
 * it is built once per dataset.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../../src/core/engine';
import { isWeakPartyForm } from '../../../src/core/compile';
import { partyPrecheck } from '../../../src/core/relevance';
import { loadDefaultDataset } from '../../../src/node/load-dataset';
import type { Dataset } from '../../../src/core/schema';

const dataset = loadDefaultDataset();
const precheck = partyPrecheck(dataset);
const [A, B] = dataset.story.dealParties as [string, string];

/** The pre-check as it was (one case-insensitive regexp per form over each text): the reference it must agree with. */
function reference(ds: Dataset): (texts: readonly string[]) => boolean {
  const escape = (f: string) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const patterns = (k: string): RegExp[] => {
    const p = ds.story.parties[k]!;
    const loose = p.forms.filter((f) => !isWeakPartyForm(f));
    return [...loose.map((f) => new RegExp(escape(f), 'i')), ...p.exactForms.map((f) => new RegExp(escape(f)))];
  };
  const needs = ds.story.dealParties.map(patterns);
  return (texts) => needs.every((res) => texts.some((t) => res.some((re) => re.test(t))));
}
const slow = reference(dataset);

const looseForms = (k: string) => dataset.story.parties[k]!.forms.filter((f) => !isWeakPartyForm(f));
const exactForms = (k: string) => dataset.story.parties[k]!.exactForms;
const titleCase = (f: string) => f.replace(/(^|\s)(\S)/g, (_, s: string, c: string) => s + c.toUpperCase());
const cases = (f: string) => [f, f.toLowerCase(), f.toUpperCase(), titleCase(f.toLowerCase())];

/** ~60k characters of ordinary prose naming neither party. */
const filler = Array.from({ length: 600 }, (_, i) => `Paragraph ${i}: the committee reviewed budgets, shipping times and the weather in Lisbon — “fine”, they said.`).join('\n');
const long = (...names: string[]) => {
  const third = Math.floor(filler.length / 3);
  return `${filler.slice(0, third)} ${names[0] ?? ''} ${filler.slice(third, 2 * third)} ${names[1] ?? ''} ${filler.slice(2 * third)}`;
};

describe('party pre-check', () => {
  it('is built once per dataset and shared with the engine', () => {
    expect(partyPrecheck(dataset)).toBe(precheck);
    expect(createEngine(dataset).mightBeAbout(long('Amazon', 'Anthropic'))).toBe(true);
  });

  it('says yes for every form of both parties, in lower, UPPER, Title and as-written case, inside a long text', () => {
    const other = { [A]: 'Amazon', [B]: 'Anthropic' };
    for (const [party, partner] of [[A, B], [B, A]] as const) {
      for (const form of looseForms(party)) {
        for (const v of cases(form)) {
          expect(precheck([long(v, other[partner]!)]), `${v} + ${other[partner]}`).toBe(true);
          expect(precheck([long(other[partner]!, v)]), `${other[partner]} + ${v}`).toBe(true);
          // whitespace inside a form may be any run of it (line breaks, no-break spaces)
          expect(precheck([long(v.replace(/\s+/g, '\n\u00a0 '), other[partner]!)]), `${v} spaced`).toBe(true);
        }
      }
      for (const form of exactForms(party)) expect(precheck([long(form, other[partner]!)]), form).toBe(true);
    }
  });

  it('reads a name broken by a soft hyphen ("Anthro\u00adpic") as the name', () => {
    expect(precheck([long('Amazon', 'Anthro\u00adpic')])).toBe(true);
    expect(precheck([long('Amazon', 'Anthro-pic')])).toBe(false);
  });

  it('finds the parties across texts (title and body)', () => {
    expect(precheck(['Amazon raises prices', long('the Claude maker')])).toBe(true);
    expect(precheck(['', long('MAKER OF CLAUDE'), 'AMZN'])).toBe(true);
  });

  it('says no for texts naming only one party, or only weak forms, or exact forms in the wrong case', () => {
    for (const party of [A, B]) {
      for (const form of [...looseForms(party), ...exactForms(party)]) {
        expect(precheck([long(form, form)]), form).toBe(false);
        expect(precheck([form, long()]), form).toBe(false);
      }
    }
    expect(precheck([long('Amazon', 'Claude Monet')])).toBe(false);
    expect(precheck([long('aws', 'amzn Anthropic')])).toBe(false);
    expect(precheck([long('Claude', 'maker Amazon')])).toBe(false);
    expect(precheck([long('maker of', 'Claude Amazon')])).toBe(false);
  });

  it('agrees with one regexp per form on texts built from party words, case and whitespace mixed', () => {
    const pieces = [...new Set([...Object.values(dataset.story.parties).flatMap((p) => [...p.forms, ...p.exactForms]), 'of', 'the', 'maker', 'Dario', 'Claude', 'Andy'].flatMap((f) => f.split(/\s+/)))];
    const piece = fc.tuple(fc.constantFrom(...pieces), fc.constantFrom('as', 'lower', 'upper', 'mixed'), fc.constantFrom(' ', '  ', '\n', '\u00a0', ', ', '', 'x')).map(([w, c, sep]) => {
      const cased = c === 'lower' ? w.toLowerCase() : c === 'upper' ? w.toUpperCase() : c === 'mixed' ? [...w].map((ch, i) => (i % 2 ? ch.toUpperCase() : ch.toLowerCase())).join('') : w;
      return cased + sep;
    });
    const text = fc.array(piece, { maxLength: 12 }).map((ps) => ps.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), (texts) => {
        // a safe "might be about": never no where the reference says yes (and here, exactly the same)
        expect(precheck(texts)).toBe(slow(texts));
      }),
      { numRuns: 3000 },
    );
  });
});
