import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, SETTINGS_KEY, readSettings, type Settings } from '../core/settings';

function Popup() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void browser.storage.sync.get(SETTINGS_KEY).then((r) => setSettings(readSettings(r[SETTINGS_KEY]).settings));
  }, []);
  const s = settings ?? DEFAULT_SETTINGS;
  return (
    <main>
      <h1>Deal Lens</h1>
      <label>
        <input
          type="checkbox"
          checked={s.enabled}
          onChange={(e) => {
            const next = { ...s, enabled: (e.target as HTMLInputElement).checked };
            setSettings(next);
            void browser.storage.sync.set({ [SETTINGS_KEY]: next });
          }}
        />
        On
      </label>
    </main>
  );
}
render(<Popup />, document.getElementById('root')!);
