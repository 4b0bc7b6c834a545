/** The toolbar popup: what the current page says about the deal, and the switch for its site. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { dataset } from '../ui/dataset';
import { indexDataset } from '../core/explain';
import { PageSummary, type TabState } from '../core/messages';
import { siteEnabled, siteForUrl } from '../core/settings';
import { setSiteOn } from '../core/settings-edit';
import { hostOf } from '../core/sites';
import { reduceTabs, tabCounts } from '../background/tab-state';
import { t } from '../ui/i18n';
import { Switch } from '../ui/switch';
import { useSettings } from '../ui/use-settings';
import { DealBriefCard } from './deal-brief-card';
import { dealBrief } from './deal-brief';
import { buildLedger } from './ledger';
import { Ledger } from './ledger-view';
import { KindCounts } from './kind-counts';
import { annotatePage, fetchTabState, revealMark } from './page-link';
import { findTabTarget, type TabTarget } from './tab-target';

const index = indexDataset(dataset);
const brief = dealBrief(dataset);

export function Popup({ search }: { search: string }) {
  const [target, setTarget] = useState<TabTarget | null | undefined>(undefined);
  const [tab, setTab] = useState<TabState | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { settings, save } = useSettings();

  useEffect(() => {
    void findTabTarget(search).then(async (tt) => {
      setTarget(tt);
      if (tt) setTab(await fetchTabState(tt.tabId));
      setLoaded(true);
    });
  }, [search]);

  // Later passes (live pages, settings changes) reach every extension page: follow them.
  useEffect(() => {
    if (!target) return;
    const onMessage = (raw: unknown, sender: browser.Runtime.MessageSender) => {
      if (sender.tab?.id !== target.tabId || sender.id !== browser.runtime.id) return undefined;
      const r = PageSummary.safeParse(raw);
      if (r.success) setTab((prev) => reduceTabs(new Map(prev ? [[target.tabId, prev]] : []), { type: 'summary', tabId: target.tabId, frameId: sender.frameId ?? 0, summary: r.data }).states.get(target.tabId) ?? null);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [target]);

  const rows = useMemo(() => buildLedger(tab, index), [tab]);
  const { about, counts, hidden } = tabCounts(tab ?? undefined);
  const top = tab?.frames.find((f) => f.frameId === 0)?.summary;
  const url = top?.url ?? target?.url ?? null;
  const host = url ? hostOf(url) : null;
  const site = settings && url ? siteForUrl(settings, url) : null;
  const enabledHere = settings && url ? siteEnabled(settings, url) : false;
  const active = tab?.frames.some((f) => f.summary.active) ?? false;

  const status = !loaded
    ? t('popupLoading')
    : !target || (!host && !tab)
      ? t('statusCannotRun')
      : active
        ? about
          ? t('statusAbout')
          : t('statusNotAbout')
        : enabledHere
          ? t('statusNoResult')
          : t('statusNotRunning');

  const reveal = async (frameId: number, mark: number) => {
    if (!target) return;
    setError((await revealMark(target.tabId, frameId, mark)) ? null : t('errorPageGone'));
  };

  const annotate = async () => {
    if (!target) return;
    setBusy(true);
    try {
      const summary = await annotatePage(target.tabId);
      if (summary) setTab({ tabId: target.tabId, frames: [{ frameId: 0, summary }] });
      setError(null);
    } catch {
      setError(t('errorCannotAnnotate'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="popup" aria-labelledby="popup-title">
      <header class="popup-header">
        <h1 id="popup-title">{t('extName')}</h1>
        <p class="status" role="status" data-testid="status">
          {status}
        </p>
      </header>

      {settings && host && (
        <section class="site" aria-label={t('siteSectionLabel')}>
          {site && settings.enabled && (
            <Switch name="site" checked={!settings.disabledSites.includes(site.domain)} onChange={(on) => void save(setSiteOn(settings, site.domain, on))}>
              {t('onThisSite', site.domain)}
            </Switch>
          )}
          {!settings.enabled && (
            <Switch name="master" checked={false} onChange={(on) => void save({ ...settings, enabled: on })}>
              {t('masterSwitch')}
            </Switch>
          )}
          {!enabledHere && !active && (
            <div class="annotate">
              <button type="button" class="primary" data-testid="annotate" disabled={busy} onClick={() => void annotate()}>
                {t('annotateThisPage')}
              </button>
              {!site && <p class="muted">{t('annotateHint', host)}</p>}
            </div>
          )}
        </section>
      )}

      {active && about && <KindCounts counts={counts} />}
      {active && hidden > 0 && (
        <p class="hidden-note" data-testid="hidden-note">
          {t('hiddenBySources', hidden)}{' '}
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('chooseSources')}
          </button>
        </p>
      )}

      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}

      {rows.length > 0 ? <Ledger rows={rows} onReveal={reveal} /> : loaded && <DealBriefCard brief={brief} />}

      <footer class="popup-footer">
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </footer>
    </main>
  );
}
