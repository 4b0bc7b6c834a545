import { describe, expect, it } from 'vitest';
import { dealBrief } from '../../../src/popup/deal-brief';
import { loadDefaultDataset } from '../../../src/node/load-dataset';
import { mini } from '../core/mini-dataset';

describe('dealBrief', () => {
  it('picks the most guarded figures of the deal as announced, shown in dataset order', () => {
    const b = dealBrief(mini, 4);
    // now-5b, horizon and capacity each have a conflict rule; total-25b a caveat; commit-100b and trn-1gw nothing
    expect(b.items.map((i) => i.id)).toEqual(['now-5b', 'total-25b', 'horizon', 'capacity']);
    expect(b.items[1]?.value).toBe('up to $25 billion');
    expect(b.asOf).toBe('2026-04-21');
  });

  it('never shows superseded, neighbouring or pre-deal figures while the deal has enough of its own', () => {
    const ids = dealBrief(mini, 100).items.map((i) => i.id);
    for (const id of ['first-4b', 'msft-5b', 'valuation', 'revenue']) expect(ids).not.toContain(id);
    expect(ids.every((id) => mini.facts.find((f) => f.id === id)?.scope === 'deal')).toBe(true);
  });

  it('has the deal’s key figures from the bundled dataset', () => {
    const b = dealBrief(loadDefaultDataset());
    expect(b.items.length).toBeGreaterThanOrEqual(3);
    expect(b.items.length).toBeLessThanOrEqual(6);
    expect(b.items.some((i) => i.value.startsWith('$') || i.value.includes(' $'))).toBe(true);
    expect(b.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
