/** Background: keeps per-tab page state and sets the toolbar badge. */
import browser from 'webextension-polyfill';
import { ToBackground } from '../core/messages';

browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
  const parsed = ToBackground.safeParse(raw);
  if (!parsed.success || sender.tab?.id === undefined) return undefined;
  const msg = parsed.data;
  if (msg.type !== "page-summary") return undefined;
  const total = msg.counts.term + msg.counts.fact + msg.counts.caveat + msg.counts.conflict;
  const tabId = sender.tab.id;
  void browser.action.setBadgeText({ tabId, text: msg.about && total ? String(total) : '' });
  void browser.action.setBadgeBackgroundColor({ tabId, color: msg.counts.conflict ? '#b91c1c' : '#1e3a8a' });
  return undefined;
});
