/**
 * Pure edits of the settings object for the popup and the options page, and
 * the settings file format for export/import. Each edit returns a new object;
 * the caller writes it to storage.sync.
 */
import { MAX_USER_SITES, SETTINGS_VERSION, SYNC_ITEM_BUDGET, readSettings, syncSize, type Kind, type Settings, type SettingsProblem } from './settings';
import { isDefaultSite, parseSite, siteOf, type SiteError } from './sites';

/** Switch a listed site (default or user-added) on or off. */
export function setSiteOn(s: Settings, domain: string, on: boolean): Settings {
  const rest = s.disabledSites.filter((d) => d !== domain);
  return { ...s, disabledSites: on ? rest : [...rest, domain] };
}

export function setSourceOn(s: Settings, sourceId: string, on: boolean): Settings {
  const rest = s.disabledSources.filter((d) => d !== sourceId);
  return { ...s, disabledSources: on ? rest : [...rest, sourceId] };
}

export function setKindShown(s: Settings, kind: Kind, shown: boolean): Settings {
  return { ...s, kinds: { ...s.kinds, [kind]: shown } };
}

export type AddSiteResult = { ok: true; domain: string; settings: Settings } | { ok: false; error: SiteError | 'default' | 'duplicate' | 'full' };

/**
 * Add a site the reader typed. Refuses what {@link parseSite} refuses, sites the
 * extension already covers (a default site or a subdomain of one, or of a site
 * already added) and a list that would no longer fit in storage.sync.
 */
export function addUserSite(s: Settings, input: string): AddSiteResult {
  const p = parseSite(input);
  if (!p.ok) return p;
  if (isDefaultSite(p.domain)) return { ok: false, error: 'default' };
  if (siteOf(p.domain, s.userSites)) return { ok: false, error: 'duplicate' };
  // A new parent domain replaces the subdomains already listed under it.
  const userSites = [...s.userSites.filter((d) => !d.endsWith(`.${p.domain}`)), p.domain];
  const next = { ...s, userSites, disabledSites: s.disabledSites.filter((d) => d !== p.domain) };
  if (userSites.length > MAX_USER_SITES || syncSize(next) > SYNC_ITEM_BUDGET) return { ok: false, error: 'full' };
  return { ok: true, domain: p.domain, settings: next };
}

export function removeUserSite(s: Settings, domain: string): Settings {
  return { ...s, userSites: s.userSites.filter((d) => d !== domain), disabledSites: s.disabledSites.filter((d) => d !== domain) };
}

/** The match pattern the optional host permission is requested for: the domain and its subdomains. */
export function originsFor(domain: string): string[] {
  return [`*://*.${domain}/*`];
}

/** Marker of an exported settings file, so an unrelated JSON file is recognised as such. */
export const EXPORT_FORMAT = 'deal-lens-settings';
/** Anything larger is not a settings file (the settings fit in 8 KB). */
export const MAX_IMPORT_BYTES = 64 * 1024;

export function exportSettings(s: Settings, now = new Date()): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: SETTINGS_VERSION, exported: now.toISOString(), settings: s }, null, 2)}\n`;
}

export type ImportError = 'too-large' | 'not-json' | 'not-settings' | 'invalid' | 'unknown-version' | 'too-big-for-sync';
export type ImportResult = { ok: true; settings: Settings; migrated: boolean } | { ok: false; error: ImportError; fields: string[] };

/**
 * Read an exported settings file. All or nothing: a file with any invalid field
 * is refused (and says which), so importing never half-changes the settings.
 * Files from older versions are migrated.
 */
export function importSettings(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: 'too-large', fields: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json', fields: [] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !Object.hasOwn(json, 'settings') || (json as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: 'not-settings', fields: [] };
  }
  const stored = (json as { settings: unknown }).settings;
  if (typeof stored !== 'object' || stored === null) return { ok: false, error: 'invalid', fields: ['settings'] };
  const { settings, problem } = readSettings(stored);
  if (problem && problem.code !== 'migrated') return { ok: false, error: problem.code, fields: problem.fields };
  if (syncSize(settings) > SYNC_ITEM_BUDGET) return { ok: false, error: 'too-big-for-sync', fields: [] };
  return { ok: true, settings, migrated: problem?.code === 'migrated' };
}

export type { SettingsProblem };
