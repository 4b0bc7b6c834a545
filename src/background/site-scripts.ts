/**
 * Content scripts for the sites a reader added: registered with
 * `scripting.registerContentScripts` while the site's optional host permission
 * is granted, unregistered when it is revoked (Firefox users can revoke in the
 * add-ons manager). Modelled on webext-dynamic-content-scripts, but keyed by
 * script id and reconciled from the browser's own lists, so nothing depends on
 * memory a stopped service worker has lost.
 */
import browser from 'webextension-polyfill';
import { SETTINGS_KEY, readSettings } from '../core/settings';
import { originsFor } from '../core/settings-edit';
import { matchPatternFor } from '../core/sites';
import { planSiteScripts, scriptIdFor } from './site-script-plan';

/** The user-added sites whose host permission is granted right now. */
async function grantedUserSites(): Promise<string[]> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  const { settings } = readSettings(stored[SETTINGS_KEY]);
  const granted = await Promise.all(settings.userSites.map((d) => browser.permissions.contains({ origins: originsFor(d) }).catch(() => false)));
  return settings.userSites.filter((_, i) => granted[i]);
}

let running: Promise<void> = Promise.resolve();

/**
 * Make the registered scripts match the granted user sites. Calls are queued:
 * two overlapping runs would register the same id twice, which the browser refuses.
 * Sites that gain a script are also annotated in the tabs already open on them.
 */
export function reconcileSiteScripts(): Promise<void> {
  running = running.then(reconcileOnce, reconcileOnce).catch((e: unknown) => console.warn('Deal Lens: could not update site scripts', e));
  return running;
}

async function reconcileOnce(): Promise<void> {
  const wanted = await grantedUserSites();
  const registered = await browser.scripting.getRegisteredContentScripts();
  const plan = planSiteScripts(
    registered.map((s) => s.id),
    wanted,
  );
  if (plan.unregister.length) await browser.scripting.unregisterContentScripts({ ids: plan.unregister });
  if (!plan.register.length) return;
  await browser.scripting.registerContentScripts(
    plan.register.map((d) => ({ id: scriptIdFor(d), matches: [matchPatternFor(d)], js: ['content.js'], runAt: 'document_idle' as const, allFrames: true })),
  );
  await injectIntoOpenTabs(plan.register);
}

/** A registered script only runs on pages loaded from now on: reach the tabs already showing the site. */
async function injectIntoOpenTabs(domains: readonly string[]): Promise<void> {
  const tabs = await browser.tabs.query({ url: domains.map(matchPatternFor) }).catch(() => []);
  await Promise.all(
    tabs.map((t) =>
      t.id === undefined ? undefined : browser.scripting.executeScript({ target: { tabId: t.id, allFrames: true }, files: ['content.js'] }).catch(() => undefined),
    ),
  );
}
