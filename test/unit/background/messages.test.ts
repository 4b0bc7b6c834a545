import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Kind } from '../../../src/core/schema';
import { MessageKind, PageSummary, TabStateReply, ToBackground, ToContent } from '../../../src/core/messages';

describe('messages', () => {
  it('use the same kinds as the dataset schema', () => {
    expect(MessageKind.options).toEqual(Kind.options);
  });

  it('fill defaults and refuse extra or oversized fields', () => {
    const base = { type: 'page-summary', url: 'https://x.com/', about: true, score: 1, counts: { term: 1, fact: 0, caveat: 0, conflict: 0 }, items: [{ mark: 0, entryId: 'aws', kind: 'term', text: 'AWS' }] };
    const r = PageSummary.parse(base);
    expect(r).toMatchObject({ active: true, hidden: 0, items: [{ context: '' }] });
    expect(PageSummary.safeParse({ ...base, extra: 1 }).success).toBe(false);
    expect(PageSummary.safeParse({ ...base, url: 'x'.repeat(5000) }).success).toBe(false);
    expect(PageSummary.safeParse({ ...base, counts: { ...base.counts, term: -1 } }).success).toBe(false);
  });

  it('route by type', () => {
    expect(ToContent.parse({ type: 'reveal', mark: 3 })).toEqual({ type: 'reveal', mark: 3 });
    expect(ToContent.parse({ type: 'annotate' })).toEqual({ type: 'annotate' });
    expect(ToContent.safeParse({ type: 'reveal', mark: 1.5 }).success).toBe(false);
    expect(ToBackground.safeParse({ type: 'get-tab-state', tabId: 2 }).success).toBe(true);
    expect(TabStateReply.parse(null)).toBeNull();
  });

  it('never throw on any input', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => void [ToContent, ToBackground, TabStateReply].forEach((s) => s.safeParse(v))));
  });
});
