/**
 * Background entry (Chrome service worker, Firefox event page). Every listener
 * is added synchronously at the top level so a restarted worker receives the
 * event that woke it. The work itself lives in the modules named for it.
 */
import browser from 'webextension-polyfill';
import { ToBackground, type TabState } from '../core/messages';
import { SETTINGS_KEY } from '../core/settings';
import { showBadge } from './badge';
import { repairSettings, repairStoredSettings } from './settings-repair';
import { reconcileSiteScripts } from './site-scripts';
import { createTabStore, type SessionArea } from './tab-store';
import type { TabEvent } from './tab-state';

const session = (browser.storage as { session?: SessionArea }).session ?? null;
const tabs = createTabStore(session);

async function update(e: TabEvent): Promise<void> {
  const changed = await tabs.apply(e);
  if (changed) await showBadge(changed.tabId, changed.tab);
}

browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender): Promise<TabState | null> | undefined => {
  const parsed = ToBackground.safeParse(raw);
  if (!parsed.success) return undefined;
  const msg = parsed.data;
  if (msg.type === 'page-summary') {
    // Only content scripts speak for a tab; extension pages have no sender.tab.
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.id !== browser.runtime.id) return undefined;
    void update({ type: 'summary', tabId, frameId: sender.frameId ?? 0, summary: msg });
    return undefined;
  }
  return tabs.get(msg.tabId).then((t) => t ?? null);
});

browser.tabs.onUpdated.addListener((tabId, info) => {
  if (info.status === 'loading') void update({ type: 'navigate', tabId, ...(info.url ? { url: info.url } : {}) });
});
browser.tabs.onRemoved.addListener((tabId) => void update({ type: 'remove', tabId }));

browser.permissions.onAdded.addListener(() => void reconcileSiteScripts());
browser.permissions.onRemoved.addListener(() => void reconcileSiteScripts());

browser.storage.onChanged.addListener((changes, area) => {
  const change = changes[SETTINGS_KEY];
  if (area !== 'sync' || !change) return;
  void repairSettings(change.newValue).catch(() => undefined);
  void reconcileSiteScripts();
});

// Each start (install, browser start, worker wake-up): repair settings and reconcile scripts.
void repairStoredSettings()
  .catch(() => undefined)
  .then(() => reconcileSiteScripts());
