import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PageSummary } from '../../../src/core/messages';
import { BADGE_COLOR, BADGE_CONFLICT_COLOR, MAX_FRAMES, badgeFor, reduceTabs, sameDocument, tabCounts, type TabEvent, type TabStates } from '../../../src/background/tab-state';

function summary(over: Partial<PageSummary> = {}): PageSummary {
  const counts = over.counts ?? { term: 2, fact: 1, caveat: 0, conflict: 0 };
  return { type: 'page-summary', url: 'https://www.reuters.com/a', about: true, score: 5, active: true, hidden: 0, counts, items: [], ...over };
}

const empty: TabStates = new Map();

describe('reduceTabs', () => {
  it('stores a summary per frame, top frame first', () => {
    let s = reduceTabs(empty, { type: 'summary', tabId: 7, frameId: 3, summary: summary() }).states;
    const r = reduceTabs(s, { type: 'summary', tabId: 7, frameId: 0, summary: summary() });
    s = r.states;
    expect(r.changed).toBe(7);
    expect(s.get(7)?.frames.map((f) => f.frameId)).toEqual([0, 3]);
  });

  it('replaces a frame’s earlier summary (a later pass)', () => {
    let s = reduceTabs(empty, { type: 'summary', tabId: 1, frameId: 0, summary: summary() }).states;
    s = reduceTabs(s, { type: 'summary', tabId: 1, frameId: 0, summary: summary({ counts: { term: 9, fact: 0, caveat: 0, conflict: 0 } }) }).states;
    expect(s.get(1)?.frames).toHaveLength(1);
    expect(tabCounts(s.get(1)).counts.term).toBe(9);
  });

  it('forgets a tab on navigation and on close, but not on a fragment change', () => {
    const s = reduceTabs(empty, { type: 'summary', tabId: 1, frameId: 0, summary: summary() }).states;
    expect(reduceTabs(s, { type: 'navigate', tabId: 1, url: 'https://www.reuters.com/a#part-2' })).toEqual({ states: s, changed: null });
    expect(reduceTabs(s, { type: 'navigate', tabId: 1, url: 'https://www.reuters.com/b' }).states.has(1)).toBe(false);
    expect(reduceTabs(s, { type: 'navigate', tabId: 1 }).states.has(1)).toBe(false);
    expect(reduceTabs(s, { type: 'remove', tabId: 1 })).toMatchObject({ changed: 1 });
    expect(reduceTabs(s, { type: 'remove', tabId: 1 }).states.has(1)).toBe(false);
    expect(reduceTabs(s, { type: 'remove', tabId: 2 })).toEqual({ states: s, changed: null });
  });

  it('never changes the map it was given', () => {
    const s = reduceTabs(empty, { type: 'summary', tabId: 1, frameId: 0, summary: summary() }).states;
    const before = JSON.stringify([...s]);
    reduceTabs(s, { type: 'summary', tabId: 1, frameId: 2, summary: summary() });
    reduceTabs(s, { type: 'remove', tabId: 1 });
    expect(JSON.stringify([...s])).toBe(before);
  });

  it('bounds the frames kept per tab', () => {
    let s = empty;
    for (let f = 0; f < MAX_FRAMES + 20; f++) s = reduceTabs(s, { type: 'summary', tabId: 1, frameId: f, summary: summary() }).states;
    expect(s.get(1)?.frames).toHaveLength(MAX_FRAMES);
  });

  it('keeps tabs independent under any sequence of events', () => {
    const event: fc.Arbitrary<TabEvent> = fc.oneof(
      fc.record({ type: fc.constant('summary' as const), tabId: fc.integer({ min: 1, max: 4 }), frameId: fc.integer({ min: 0, max: 3 }), summary: fc.constant(summary()) }),
      fc.record({ type: fc.constant('navigate' as const), tabId: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ type: fc.constant('remove' as const), tabId: fc.integer({ min: 1, max: 4 }) }),
    );
    fc.assert(
      fc.property(fc.array(event), (events) => {
        let s = empty;
        for (const e of events) {
          const r = reduceTabs(s, e);
          for (const [id, tab] of s) if (id !== e.tabId) expect(r.states.get(id)).toBe(tab);
          s = r.states;
        }
        // A tab is known iff its last navigate/remove came before its last summary.
        for (let tabId = 1; tabId <= 4; tabId++) {
          const last = events.filter((e) => e.tabId === tabId).at(-1);
          expect(s.has(tabId)).toBe(last?.type === 'summary');
        }
      }),
    );
  });
});

describe('badgeFor', () => {
  const tab = (...summaries: PageSummary[]) => ({ tabId: 1, frames: summaries.map((s, i) => ({ frameId: i, summary: s })) });

  it('counts every annotation of every frame about the deal', () => {
    expect(badgeFor(tab(summary(), summary({ counts: { term: 1, fact: 0, caveat: 1, conflict: 0 } })))).toEqual({ text: '5', color: BADGE_COLOR });
  });
  it('is red when a conflict is on the page', () => {
    expect(badgeFor(tab(summary({ counts: { term: 0, fact: 0, caveat: 0, conflict: 1 } })))).toEqual({ text: '1', color: BADGE_CONFLICT_COLOR });
  });
  it('is empty when the page is not about the deal, inactive, unmarked or unknown', () => {
    expect(badgeFor(tab(summary({ about: false })))).toMatchObject({ text: '' });
    expect(badgeFor(tab(summary({ active: false })))).toMatchObject({ text: '' });
    expect(badgeFor(tab(summary({ counts: { term: 0, fact: 0, caveat: 0, conflict: 0 } })))).toMatchObject({ text: '' });
    expect(badgeFor(undefined)).toMatchObject({ text: '' });
  });
  it('stays short on huge pages', () => {
    expect(badgeFor(tab(summary({ counts: { term: 5000, fact: 0, caveat: 0, conflict: 0 } }))).text).toBe('999+');
  });
});

describe('sameDocument', () => {
  it('ignores only the fragment', () => {
    expect(sameDocument('https://a.com/x#1', 'https://a.com/x#2')).toBe(true);
    expect(sameDocument('https://a.com/x?p=1', 'https://a.com/x?p=2')).toBe(false);
  });
});
