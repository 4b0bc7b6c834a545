/**
 * News sites: the default list with a switch each, and the reader's own sites,
 * added by domain. Adding asks the browser for that site's permission at that
 * moment (the request must run inside the click, so nothing is awaited before it).
 */
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { MAX_USER_SITES, type Settings } from '../core/settings';
import { addUserSite, originsFor, removeUserSite, setSiteOn } from '../core/settings-edit';
import { DEFAULT_SITES } from '../core/sites';
import { t } from '../ui/i18n';
import { Switch } from '../ui/switch';
import { siteErrorText } from './site-errors';
import { useGranted } from './use-granted';

export interface SectionProps {
  settings: Settings;
  save(next: Settings): Promise<void>;
}

export function SitesSection({ settings, save }: SectionProps) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const granted = useGranted(settings.userSites);
  const on = (d: string) => !settings.disabledSites.includes(d);

  const add = (ev: Event) => {
    ev.preventDefault();
    setAdded(null);
    const r = addUserSite(settings, input);
    if (!r.ok) {
      setError(siteErrorText(r.error, input.trim()));
      return;
    }
    setError(null);
    browser.permissions
      .request({ origins: originsFor(r.domain) })
      .then(async (ok) => {
        if (!ok) return setError(siteErrorText('denied', r.domain));
        await save(r.settings);
        setInput('');
        setAdded(r.domain);
      })
      .catch(() => setError(siteErrorText('failed', r.domain)));
  };

  const allow = (domain: string) => void browser.permissions.request({ origins: originsFor(domain) }).catch(() => undefined);

  const remove = async (domain: string) => {
    await save(removeUserSite(settings, domain));
    await browser.permissions.remove({ origins: originsFor(domain) }).catch(() => undefined);
  };

  return (
    <section aria-labelledby="sites-title" class="card">
      <h2 id="sites-title">{t('sitesTitle')}</h2>
      <p class="muted">{t('sitesIntro')}</p>

      <h3>{t('sitesYours')}</h3>
      <form class="add-site" onSubmit={add} noValidate>
        <label for="site-input">{t('addSiteLabel')}</label>
        <div class="add-row">
          <input
            id="site-input"
            name="site"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="example.com"
            maxLength={2048}
            value={input}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'site-error site-why' : 'site-why'}
            onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="primary" disabled={settings.userSites.length >= MAX_USER_SITES}>
            {t('addSite')}
          </button>
        </div>
        <p id="site-why" class="muted">
          {t('addSiteWhy')}
        </p>
        {error && (
          <p id="site-error" class="error" role="alert" data-testid="site-error">
            {error}
          </p>
        )}
        {added && (
          <p class="ok" role="status">
            {t('siteAdded', added)}
          </p>
        )}
      </form>
      {settings.userSites.length > 0 ? (
        <ul class="site-list user-sites">
          {settings.userSites.map((d) => (
            <li key={d} data-site={d}>
              <Switch name={`site-${d}`} checked={on(d)} onChange={(v) => void save(setSiteOn(settings, d, v))}>
                {d}
              </Switch>
              {granted && !granted.has(d) && (
                <span class="warn">
                  {t('sitePermissionMissing')}{' '}
                  <button type="button" class="link" onClick={() => allow(d)}>
                    {t('sitePermissionAllow')}
                  </button>
                </span>
              )}
              <button type="button" class="remove" aria-label={t('removeSiteLabel', d)} onClick={() => void remove(d)}>
                {t('removeSite')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('sitesNoneYet')}</p>
      )}

      <h3>{t('sitesDefault')}</h3>
      <ul class="site-list default-sites">
        {DEFAULT_SITES.map((d) => (
          <li key={d} data-site={d}>
            <Switch name={`site-${d}`} checked={on(d)} onChange={(v) => void save(setSiteOn(settings, d, v))}>
              {d}
            </Switch>
          </li>
        ))}
      </ul>
    </section>
  );
}
