/**
 * Which tab the popup describes: the active tab of its window, or the tab named
 * by `?tab=<id>` (tests open the popup as a tab of its own, where "active tab"
 * would be the popup itself).
 */
import browser from 'webextension-polyfill';

export interface TabTarget {
  tabId: number;
  /** The tab's URL when the browser lets us see it (activeTab, host permission). */
  url: string | null;
}

export function tabIdFromQuery(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

export async function findTabTarget(search: string): Promise<TabTarget | null> {
  const override = tabIdFromQuery(search);
  if (override !== null) {
    const tab = await browser.tabs.get(override).catch(() => null);
    return tab ? { tabId: override, url: tab.url ?? null } : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { tabId: tab.id, url: tab.url ?? null };
}
