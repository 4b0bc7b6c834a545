/** Shows a tab's state on the toolbar button. */
import browser from 'webextension-polyfill';
import type { TabState } from '../core/messages';
import { BADGE_TEXT_COLOR, badgeFor } from './tab-state';

export async function showBadge(tabId: number, tab: TabState | undefined): Promise<void> {
  const badge = badgeFor(tab);
  // The tab may have closed meanwhile: the browser then rejects, which is fine.
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    browser.action.setBadgeTextColor?.({ tabId, color: BADGE_TEXT_COLOR }),
  ]).catch(() => undefined);
}
