import { describe, expect, it } from 'vitest';
import { groupSources } from '../../../src/options/source-groups';
import type { Source } from '../../../src/core/schema';

const s = (id: string, kind: Source['kind'], date: string): Source => ({ id, kind, date, publisher: id, title: id, datePrecision: 'day' }) as Source;

describe('groupSources', () => {
  it('groups primary, press, analysis in that order, newest first, skipping empty groups', () => {
    const g = groupSources([s('a', 'analysis', '2026-01-01'), s('p1', 'primary', '2025-01-01'), s('p2', 'primary', '2026-04-20')]);
    expect(g.map((x) => [x.kind, x.sources.map((y) => y.id)])).toEqual([
      ['primary', ['p2', 'p1']],
      ['analysis', ['a']],
    ]);
  });
});
