import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../../src/core/explain';
import type { PageSummary, SummaryItem, TabState } from '../../../src/core/messages';
import { buildLedger, ledgerCounts } from '../../../src/popup/ledger';
import { mini } from '../core/mini-dataset';

const ix = indexDataset(mini);

function summary(items: Omit<SummaryItem, 'context'>[], over: Partial<PageSummary> = {}): PageSummary {
  const counts = { term: 0, fact: 0, caveat: 0, conflict: 0 };
  for (const i of items) counts[i.kind]++;
  return { type: 'page-summary', url: 'https://www.reuters.com/a', about: true, score: 3, active: true, hidden: 0, counts, items: items.map((i) => ({ context: '', ...i })), ...over };
}

const tab = (...frames: PageSummary[]): TabState => ({ tabId: 1, frames: frames.map((summary, frameId) => ({ frameId, summary })) });

describe('buildLedger', () => {
  const page = summary([
    { mark: 0, entryId: 'aws', kind: 'term', text: 'AWS' },
    { mark: 1, entryId: 'total-25b', kind: 'fact', text: '$25 billion' },
    { mark: 2, entryId: 'wrong-now', kind: 'conflict', factId: 'now-5b', text: '$25 billion now' },
    { mark: 3, entryId: 'aws', kind: 'term', text: 'Amazon Web Services' },
    { mark: 4, entryId: 'ceiling', kind: 'caveat', factId: 'total-25b', text: 'up to $25 billion' },
    { mark: 5, entryId: 'wrong-now', kind: 'conflict', factId: 'now-5b', text: '$25bn upfront' },
  ]);

  it('lists conflicts and caveats first, one row per mark, then facts and terms, one row per entry', () => {
    const rows = buildLedger(tab(page), ix);
    expect(rows.map((r) => [r.kind, r.entryId, r.marks.map((m) => m.mark)])).toEqual([
      ['conflict', 'wrong-now', [2]],
      ['conflict', 'wrong-now', [5]],
      ['caveat', 'ceiling', [4]],
      ['fact', 'total-25b', [1]],
      ['term', 'aws', [0, 3]],
    ]);
  });

  it('gives each claim the page’s words, what the record says and its sources', () => {
    const [first] = buildLedger(tab(page), ix);
    expect(first?.text).toBe('$25 billion now');
    expect(first?.explanation.record).toBe('$5B now.');
    expect(first?.explanation.says).toBe('$25 billion now');
    expect(first?.explanation.figure?.value).toBe('$5 billion');
    expect(first?.explanation.sources.map((s) => s.id)).toEqual(['src-a']);
  });

  it('keeps each frame’s marks apart and skips inactive frames', () => {
    const sub = summary([{ mark: 0, entryId: 'wrong-now', kind: 'conflict', text: 'x' }]);
    const off = summary([{ mark: 0, entryId: 'aws', kind: 'term', text: 'AWS' }], { active: false });
    const rows = buildLedger(tab(page, sub, off), ix);
    expect(rows.filter((r) => r.kind === 'conflict').map((r) => r.marks[0])).toEqual([
      { frameId: 0, mark: 2 },
      { frameId: 0, mark: 5 },
      { frameId: 1, mark: 0 },
    ]);
    expect(rows.find((r) => r.entryId === 'aws')?.marks).toHaveLength(2);
    expect(ledgerCounts(tab(page, sub, off))).toEqual({ term: 2, fact: 1, caveat: 1, conflict: 3 });
  });

  it('is empty for no state, and survives unknown entry ids', () => {
    expect(buildLedger(null, ix)).toEqual([]);
    const rows = buildLedger(tab(summary([{ mark: 0, entryId: 'gone', kind: 'term', text: 'x' }])), ix);
    expect(rows[0]?.explanation.title).toBe('gone');
  });
});
