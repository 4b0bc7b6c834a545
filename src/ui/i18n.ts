/**
 * Every UI string comes from `_locales/<lang>/messages.json` through the i18n
 * API. Keys are typed from the English file, so a missing key fails the build;
 * a unit test keeps the German file's keys and placeholders equal.
 */
import browser from 'webextension-polyfill';
import type en from '../_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/** The message in the browser's language, `$1`… filled from `subs`. Falls back to the key, never to nothing. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  return browser.i18n.getMessage(key, subs.map(String)) || key;
}

/** Sets the document's language and title for screen readers and the tab strip. */
export function localiseDocument(titleKey: MessageKey): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t(titleKey);
}

/** A date (YYYY-MM-DD) as readers of this language write it; `month` precision drops the day (sources dated by month only). */
export function formatDate(iso: string, precision: 'day' | 'month' = 'day'): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  const day = precision === 'day' ? { day: 'numeric' as const } : {};
  return d.toLocaleDateString(browser.i18n.getUILanguage(), { year: 'numeric', month: 'short', ...day, timeZone: 'UTC' });
}
