/** The options page: news sites, reference sources, display, backup. */
import { t } from '../ui/i18n';
import { useSettings } from '../ui/use-settings';
import { BackupSection } from './backup-section';
import { DisplaySection } from './display-section';
import { SettingsNoticeBanner } from './settings-notice-banner';
import { SitesSection } from './sites-section';
import { SourcesSection } from './sources-section';

export function Options() {
  const { settings, save } = useSettings();
  return (
    <main class="options" aria-labelledby="options-title">
      <h1 id="options-title">{t('optionsTitle')}</h1>
      <p class="muted">{t('optionsIntro')}</p>
      <SettingsNoticeBanner />
      {settings ? (
        <>
          <SitesSection settings={settings} save={save} />
          <SourcesSection settings={settings} save={save} />
          <DisplaySection settings={settings} save={save} />
          <BackupSection settings={settings} save={save} />
        </>
      ) : (
        <p aria-busy="true">{t('popupLoading')}</p>
      )}
    </main>
  );
}
