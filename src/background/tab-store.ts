/**
 * Keeps the per-tab state where a restarted background can find it again:
 * storage.session when the browser has it (a Chrome service worker or Firefox
 * event page is stopped after 30 s idle and would otherwise forget every tab),
 * memory otherwise. Events are applied one at a time, in arrival order.
 */
import { TabState } from '../core/messages';
import { reduceTabs, type TabEvent, type TabStates } from './tab-state';

/** The part of a storage area we use (storage.session, or a stand-in in tests). */
export interface SessionArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

const PREFIX = 'tab:';

export interface TabStore {
  /** Apply an event; resolves with the changed tab's new state (undefined when forgotten), or null when nothing changed. */
  apply(e: TabEvent): Promise<{ tabId: number; tab: TabState | undefined } | null>;
  get(tabId: number): Promise<TabState | undefined>;
}

export function createTabStore(area: SessionArea | null): TabStore {
  let states: Promise<TabStates> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  /** Read once per background lifetime; anything that does not validate is dropped. */
  const load = () =>
    (states ??= (async () => {
      const map = new Map<number, TabState>();
      if (!area) return map;
      const all = await area.get(null).catch(() => ({}) as Record<string, unknown>);
      for (const [key, value] of Object.entries(all)) {
        if (!key.startsWith(PREFIX)) continue;
        const r = TabState.safeParse(value);
        if (r.success && String(r.data.tabId) === key.slice(PREFIX.length)) map.set(r.data.tabId, r.data);
      }
      return map;
    })());

  const apply = (e: TabEvent) => {
    const run = queue.then(async () => {
      const { states: next, changed } = reduceTabs(await load(), e);
      if (changed === null) return null;
      states = Promise.resolve(next);
      const tab = next.get(changed);
      if (area) {
        const key = PREFIX + changed;
        await (tab ? area.set({ [key]: tab }) : area.remove(key)).catch(() => undefined);
      }
      return { tabId: changed, tab };
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const get = async (tabId: number) => {
    await queue;
    return (await load()).get(tabId);
  };

  return { apply, get };
}
