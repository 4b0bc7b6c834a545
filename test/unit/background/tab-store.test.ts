import { describe, expect, it } from 'vitest';
import type { PageSummary } from '../../../src/core/messages';
import { createTabStore, type SessionArea } from '../../../src/background/tab-store';

/** An in-memory storage.session that survives the store (as it survives a worker restart). */
function fakeArea(initial: Record<string, unknown> = {}): SessionArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    get: async () => structuredClone(data),
    set: async (items) => void Object.assign(data, structuredClone(items)),
    remove: async (key) => void delete data[key],
  };
}

const summary = (term: number): PageSummary => ({
  type: 'page-summary', url: 'https://www.reuters.com/a', about: true, score: 1, active: true, hidden: 0,
  counts: { term, fact: 0, caveat: 0, conflict: 0 }, items: [],
});

describe('createTabStore', () => {
  it('survives a restart through the session area', async () => {
    const area = fakeArea();
    const first = createTabStore(area);
    await first.apply({ type: 'summary', tabId: 4, frameId: 0, summary: summary(3) });
    const second = createTabStore(area); // a new service worker
    expect((await second.get(4))?.frames[0]?.summary.counts.term).toBe(3);
    await second.apply({ type: 'remove', tabId: 4 });
    expect(area.data).toEqual({});
  });

  it('applies concurrent events in order', async () => {
    const store = createTabStore(fakeArea());
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.apply({ type: 'summary', tabId: 1, frameId: n, summary: summary(n) })));
    expect((await store.get(1))?.frames.map((f) => f.frameId)).toEqual([1, 2, 3, 4, 5]);
  });

  it('drops stored entries that do not validate', async () => {
    const area = fakeArea({ 'tab:1': { tabId: 1, frames: 'junk' }, 'tab:2': { tabId: 3, frames: [] }, other: 1, 'tab:5': { tabId: 5, frames: [] } });
    const store = createTabStore(area);
    expect(await store.get(1)).toBeUndefined();
    expect(await store.get(3)).toBeUndefined();
    expect(await store.get(5)).toEqual({ tabId: 5, frames: [] });
  });

  it('works in memory when there is no session area', async () => {
    const store = createTabStore(null);
    const r = await store.apply({ type: 'summary', tabId: 2, frameId: 0, summary: summary(1) });
    expect(r?.tabId).toBe(2);
    expect(await store.get(2)).toBeDefined();
    expect(await store.apply({ type: 'navigate', tabId: 9 })).toBeNull();
  });
});
