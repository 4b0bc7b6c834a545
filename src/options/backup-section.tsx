/** Export the settings as a JSON file, and import one (validated; a bad file changes nothing and says why). */
import { useState } from 'preact/hooks';
import { exportSettings, importSettings, MAX_IMPORT_BYTES, type ImportError } from '../core/settings-edit';
import { t, type MessageKey } from '../ui/i18n';
import type { SectionProps } from './sites-section';

const ERROR_KEYS: Record<ImportError, MessageKey> = {
  'too-large': 'importErrorTooLarge',
  'not-json': 'importErrorNotJson',
  'not-settings': 'importErrorNotSettings',
  invalid: 'importErrorInvalid',
  'unknown-version': 'importErrorVersion',
  'too-big-for-sync': 'importErrorTooLarge',
};

export function BackupSection({ settings, save }: SectionProps) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const download = () => {
    const url = URL.createObjectURL(new Blob([exportSettings(settings)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'deal-lens-settings.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const load = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const r = file.size > MAX_IMPORT_BYTES ? ({ ok: false, error: 'too-large', fields: [] } as const) : importSettings(await file.text());
    if (!r.ok) return setMessage({ ok: false, text: t(ERROR_KEYS[r.error], file.name, r.fields.join(', ')) });
    try {
      await save(r.settings);
      setMessage({ ok: true, text: t(r.migrated ? 'importDoneMigrated' : 'importDone', file.name) });
    } catch {
      setMessage({ ok: false, text: t('importErrorSave', file.name) });
    }
  };

  return (
    <section aria-labelledby="backup-title" class="card">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <p class="muted">{t('backupIntro')}</p>
      <div class="row">
        <button type="button" onClick={download} data-testid="export">
          {t('exportSettings')}
        </button>
        <label class="button" for="import-file">
          {t('importSettings')}
        </label>
        <input id="import-file" class="visually-hidden" type="file" accept="application/json,.json" onChange={(e) => void load(e.currentTarget as HTMLInputElement)} />
      </div>
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'} data-testid="import-result">
          {message.text}
        </p>
      )}
    </section>
  );
}
