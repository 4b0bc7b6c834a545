/**
 * Says once that stored settings were invalid and have been repaired. The
 * background leaves the notice in storage.local; this shows it and deletes it,
 * so it does not come back on the next visit.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { NOTICE_KEY, SettingsNotice } from '../core/settings-notice';
import { t, type MessageKey } from '../ui/i18n';

const KEYS: Record<SettingsNotice['code'], MessageKey> = { invalid: 'noticeInvalid', 'unknown-version': 'noticeUnknownVersion', migrated: 'noticeMigrated' };

export function SettingsNoticeBanner() {
  const [notice, setNotice] = useState<SettingsNotice | null>(null);

  useEffect(() => {
    const take = (raw: unknown) => {
      if (raw === undefined) return;
      const r = SettingsNotice.safeParse(raw);
      if (r.success) setNotice(r.data);
      void browser.storage.local.remove(NOTICE_KEY);
    };
    void browser.storage.local.get(NOTICE_KEY).then((r) => take(r[NOTICE_KEY]));
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && changes[NOTICE_KEY]) take(changes[NOTICE_KEY].newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  if (!notice) return null;
  return (
    <div class="notice" role="alert" data-testid="settings-notice">
      <p>
        {t(KEYS[notice.code])}
        {notice.fields.length > 0 && notice.fields[0] !== '*' && <> {t('noticeFields', notice.fields.join(', '))}</>}
      </p>
      <button type="button" onClick={() => setNotice(null)}>
        {t('dismiss')}
      </button>
    </div>
  );
}
