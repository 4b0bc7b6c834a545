/**
 * The popup's conversation with the tab: its state (from the background, or
 * from the page itself when the background has none), revealing a mark, and
 * annotating a page on request (activeTab + scripting, no lasting permission).
 */
import browser from 'webextension-polyfill';
import { PageSummary, TabStateReply, type Reveal, type TabState } from '../core/messages';

export async function fetchTabState(tabId: number): Promise<TabState | null> {
  const reply = TabStateReply.safeParse(await browser.runtime.sendMessage({ type: 'get-tab-state', tabId }).catch(() => null));
  if (reply.success && reply.data) return reply.data;
  const summary = await askPage(tabId);
  return summary ? { tabId, frames: [{ frameId: 0, summary }] } : null;
}

/** The top frame's own summary; null when no content script answers. */
async function askPage(tabId: number): Promise<PageSummary | null> {
  try {
    const r = PageSummary.safeParse(await browser.tabs.sendMessage(tabId, { type: 'get-summary' }, { frameId: 0 }));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** Scroll the page to a mark and open its tooltip. Resolves false when the page did not answer. */
export async function revealMark(tabId: number, frameId: number, mark: number): Promise<boolean> {
  const msg: Reveal = { type: 'reveal', mark };
  try {
    // The frame answers false when it has no such mark (the page changed meanwhile).
    return (await browser.tabs.sendMessage(tabId, msg, { frameId })) !== false;
  } catch {
    return false;
  }
}

/**
 * Annotate the page once. A content script already there (a switched-off site)
 * is asked directly; otherwise content.js is injected first, which the click
 * on the toolbar button allows through activeTab.
 */
export async function annotatePage(tabId: number): Promise<PageSummary | null> {
  const ask = async () => {
    const r = PageSummary.safeParse(await browser.tabs.sendMessage(tabId, { type: 'annotate' }, { frameId: 0 }));
    return r.success ? r.data : null;
  };
  try {
    return await ask();
  } catch {
    await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
    return ask();
  }
}
