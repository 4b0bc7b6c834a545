import { describe, expect, it } from 'vitest';
import { dealBrief } from '../../../src/popup/deal-brief';
import { loadDefaultDataset } from '../../../src/node/load-dataset';
import { mini } from '../core/mini-dataset';

describe('dealBrief', () => {
  it('shows current deal figures only, in dataset order, with the latest as-of date', () => {
    const b = dealBrief(mini, 4);
    expect(b.items.map((i) => i.id)).toEqual(['now-5b', 'total-25b', 'exposure-33b', 'valuation']);
    expect(b.items[1]?.value).toBe('up to $25 billion');
    expect(b.asOf).toBe('2026-04-21');
  });

  it('never shows superseded or neighbouring facts', () => {
    const ids = dealBrief(mini, 100).items.map((i) => i.id);
    expect(ids).not.toContain('first-4b');
    expect(ids).not.toContain('msft-5b');
    expect(ids.every((id) => mini.facts.find((f) => f.id === id)?.scope === 'deal')).toBe(true);
  });

  it('has something to show from the bundled dataset', () => {
    const b = dealBrief(loadDefaultDataset());
    expect(b.items.length).toBeGreaterThan(0);
    expect(b.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
