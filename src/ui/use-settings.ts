/**
 * Preact hook: the current settings, kept in step with storage.sync (another
 * page, another device, the background's repair), and a way to change them.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { SETTINGS_KEY, readSettings, type Settings } from '../core/settings';

export interface SettingsHandle {
  /** null until the first read has finished. */
  settings: Settings | null;
  /** Write new settings; resolves once stored, rejects with the browser's reason (quota, …). */
  save(next: Settings): Promise<void>;
}

export function useSettings(): SettingsHandle {
  const [settings, setSettings] = useState<Settings | null>(null);
  const latest = useRef<Settings | null>(null);
  latest.current = settings;

  useEffect(() => {
    let live = true;
    void browser.storage.sync.get(SETTINGS_KEY).then((r) => live && setSettings(readSettings(r[SETTINGS_KEY]).settings));
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      const c = changes[SETTINGS_KEY];
      if (area === 'sync' && c) setSettings(readSettings(c.newValue).settings);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  const save = useCallback(async (next: Settings) => {
    const before = latest.current;
    setSettings(next);
    try {
      await browser.storage.sync.set({ [SETTINGS_KEY]: next });
    } catch (e) {
      setSettings(before);
      throw e;
    }
  }, []);

  return { settings, save };
}
