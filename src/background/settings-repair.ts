/**
 * Replaces invalid stored settings with their repaired form, once, and leaves a
 * notice for the options page. Runs when the background starts and whenever
 * storage.sync changes (another device, a corrupt import, a newer version).
 */
import browser from 'webextension-polyfill';
import { SETTINGS_KEY, readSettings } from '../core/settings';
import { NOTICE_KEY, type SettingsNotice } from '../core/settings-notice';

/** Check `raw` (the stored value); when it needed repair, store the repaired settings and the notice. */
export async function repairSettings(raw: unknown): Promise<boolean> {
  const { settings, problem } = readSettings(raw);
  if (!problem) return false;
  const notice: SettingsNotice = { code: problem.code, fields: problem.fields.slice(0, 8), at: new Date().toISOString() };
  await browser.storage.local.set({ [NOTICE_KEY]: notice });
  await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
  return true;
}

export async function repairStoredSettings(): Promise<boolean> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return repairSettings(stored[SETTINGS_KEY]);
}
