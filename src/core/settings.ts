/**
 * The one versioned settings object in storage.sync (key {@link SETTINGS_KEY}),
 * validated with zod.
 *
 * The content script imports this file, so it uses `zod/mini` imported as a
 * namespace (about 15 KiB minified, against 80+ KiB for classic zod): keep it so.
 * Editing helpers for the options page live in settings-edit.ts.
 */
import * as z from 'zod/mini';
import { DEFAULT_SITES, hostOf, parseSite, siteOf } from './sites';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 2;

/** storage.sync refuses items over 8,192 bytes (key + JSON); stay under it with room to spare. */
export const SYNC_ITEM_BUDGET = 8000;
export const MAX_USER_SITES = 100;
export const MAX_DISABLED_SITES = 100;
export const MAX_DISABLED_SOURCES = 500;
export const MAX_TOOLTIP_DELAY = 2000;

export const KINDS = ['term', 'fact', 'caveat', 'conflict'] as const;
export const INTENSITIES = ['subtle', 'normal', 'strong'] as const;

/** A domain as {@link parseSite} returns it (already normalised). */
const Domain = z.string().check(
  z.maxLength(253),
  z.refine((s) => {
    const p = parseSite(s);
    return p.ok && p.domain === s;
  }, 'must be a normalised domain such as example.com'),
);
/** Dataset ids: lowercase words joined by hyphens (see schema.ts `Id`). */
const SourceId = z.string().check(z.maxLength(100), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

const unique = z.refine<string[]>((xs) => new Set(xs).size === xs.length, 'must not repeat entries');

/** One schema per field, so a bad field can be replaced without losing the others. */
const FIELDS = {
  /** Master switch: off means nothing is annotated anywhere. */
  enabled: z.boolean(),
  /** Listed sites (default or user-added) the reader switched off, by listed domain. */
  disabledSites: z.array(Domain).check(z.maxLength(MAX_DISABLED_SITES), unique),
  /** Sites the reader added in the options page (each has its optional host permission). */
  userSites: z.array(Domain).check(z.maxLength(MAX_USER_SITES), unique),
  /** Dataset source ids switched off: entries backed only by these are not shown. */
  disabledSources: z.array(SourceId).check(z.maxLength(MAX_DISABLED_SOURCES), unique),
  /** Which kinds of annotation are marked. */
  kinds: z.strictObject({ term: z.boolean(), fact: z.boolean(), caveat: z.boolean(), conflict: z.boolean() }),
  /** How strongly marks are coloured. */
  intensity: z.enum(INTENSITIES),
  /** Hover intent delay before a tooltip opens, in milliseconds. */
  tooltipDelay: z.int().check(z.minimum(0), z.maximum(MAX_TOOLTIP_DELAY)),
};
type FieldName = keyof typeof FIELDS;

export const Settings = z.strictObject({ version: z.literal(SETTINGS_VERSION), ...FIELDS });
export type Settings = z.infer<typeof Settings>;
export type Kind = (typeof KINDS)[number];
export type Intensity = (typeof INTENSITIES)[number];

/** Frozen all the way down: shared by every reader, so nobody may change it in place. */
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  disabledSites: Object.freeze([]),
  userSites: Object.freeze([]),
  disabledSources: Object.freeze([]),
  kinds: Object.freeze({ term: true, fact: true, caveat: true, conflict: true }),
  intensity: 'normal',
  tooltipDelay: 300,
}) as unknown as Settings;

/**
 * What was wrong with the stored value. `code` picks the localised sentence the
 * options page shows; `fields` names what was replaced; `message` is the same in
 * English for logs and tests.
 */
export interface SettingsProblem {
  code: 'invalid' | 'unknown-version' | 'migrated';
  fields: string[];
  message: string;
}

/** Fresh copy of the defaults (callers may mutate what they get). */
export function defaultSettings(): Settings {
  return structuredCloneSettings(DEFAULT_SETTINGS);
}

function structuredCloneSettings(s: Settings): Settings {
  return { ...s, disabledSites: [...s.disabledSites], userSites: [...s.userSites], disabledSources: [...s.disabledSources], kinds: { ...s.kinds } };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Field names can be anything a corrupt store holds: keep them short in notices. */
function label(key: string): string {
  return key.length > 40 ? `${key.slice(0, 37)}…` : key;
}

const ARRAY_FIELDS = new Set<FieldName>(['disabledSites', 'userSites', 'disabledSources']);

/** Keep the good elements of a stored list (deduplicated), so one bad entry does not cost the rest. */
function salvageArray(field: FieldName, v: unknown): { value: unknown; ok: boolean } {
  const whole = FIELDS[field].safeParse(v);
  if (whole.success) return { value: whole.data, ok: true };
  if (!Array.isArray(v)) return { value: undefined, ok: false };
  const element = field === 'disabledSources' ? SourceId : Domain;
  const max = field === 'userSites' ? MAX_USER_SITES : field === 'disabledSites' ? MAX_DISABLED_SITES : MAX_DISABLED_SOURCES;
  const kept = new Set<string>();
  for (const x of v) {
    if (kept.size >= max) break;
    const r = element.safeParse(x);
    if (r.success) kept.add(r.data);
  }
  return { value: [...kept], ok: false };
}

/**
 * Parse what storage.sync holds. Never throws. Missing → defaults, silently.
 * Version 1 → migrated. Unknown version or not an object → defaults. A current
 * version with bad fields keeps its good fields and replaces the rest. Anything
 * but a clean current-version object comes with a problem to tell the reader.
 * Only known keys are read (own properties), so `__proto__` and friends never
 * reach the result.
 */
export function readSettings(raw: unknown): { settings: Settings; problem: SettingsProblem | null } {
  try {
    return readUnsafe(raw);
  } catch {
    return { settings: defaultSettings(), problem: { code: 'invalid', fields: ['*'], message: 'Stored settings could not be read and were reset to the defaults.' } };
  }
}

function readUnsafe(raw: unknown): { settings: Settings; problem: SettingsProblem | null } {
  if (raw === undefined || raw === null) return { settings: defaultSettings(), problem: null };
  if (!isPlainObject(raw)) {
    return { settings: defaultSettings(), problem: { code: 'invalid', fields: ['*'], message: 'Stored settings were not a settings object and were reset to the defaults.' } };
  }
  const version = Object.hasOwn(raw, 'version') ? raw.version : undefined;
  if (version === 1) return migrateV1(raw);
  if (version !== SETTINGS_VERSION) {
    return {
      settings: defaultSettings(),
      problem: { code: 'unknown-version', fields: ['version'], message: 'Stored settings came from an unknown version of Deal Lens and were reset to the defaults.' },
    };
  }
  const out = defaultSettings() as Record<string, unknown>;
  const bad: string[] = [];
  for (const field of Object.keys(FIELDS) as FieldName[]) {
    if (!Object.hasOwn(raw, field)) {
      bad.push(field);
      continue;
    }
    const v = raw[field];
    if (ARRAY_FIELDS.has(field)) {
      const r = salvageArray(field, v);
      if (r.value !== undefined) out[field] = r.value;
      if (!r.ok) bad.push(field);
      continue;
    }
    const r = FIELDS[field].safeParse(v);
    if (r.success) out[field] = r.data;
    else bad.push(field);
  }
  for (const key of Object.keys(raw)) if (key !== 'version' && !Object.hasOwn(FIELDS, key)) bad.push(label(key));
  const settings = out as Settings;
  if (!bad.length) return { settings, problem: null };
  const shown = bad.slice(0, 8);
  return {
    settings,
    problem: {
      code: 'invalid',
      fields: shown,
      message: `Some stored settings were invalid (${shown.join(', ')}${bad.length > shown.length ? ', …' : ''}) and were reset to their defaults.`,
    },
  };
}

/** Version 1 held only the master switch. */
function migrateV1(raw: Record<string, unknown>): { settings: Settings; problem: SettingsProblem } {
  const settings = defaultSettings();
  const enabled = Object.hasOwn(raw, 'enabled') ? raw.enabled : undefined;
  if (typeof enabled === 'boolean') settings.enabled = enabled;
  return { settings, problem: { code: 'migrated', fields: [], message: 'Settings from an older version of Deal Lens were updated to the current version.' } };
}

/** Bytes the settings take in storage.sync (key + JSON, as Chrome counts them). */
export function syncSize(s: Settings): number {
  return new TextEncoder().encode(SETTINGS_KEY + JSON.stringify(s)).length;
}

/** The listed domain a page belongs to and whether it came with the extension or from the reader. */
export function siteForUrl(settings: Pick<Settings, 'userSites'>, url: string): { domain: string; listed: 'default' | 'user' } | null {
  const host = hostOf(url);
  if (!host) return null;
  const user = siteOf(host, settings.userSites);
  const def = siteOf(host, DEFAULT_SITES);
  if (user && (!def || user.length >= def.length)) return { domain: user, listed: 'user' };
  return def ? { domain: def, listed: 'default' } : null;
}

/**
 * Whether Deal Lens annotates `url` on its own: the master switch is on, the
 * site is a default or user-added one, and the reader has not switched it off.
 * ("Annotate this page" in the popup works regardless.)
 */
export function siteEnabled(settings: Settings, url: string): boolean {
  if (!settings.enabled) return false;
  const site = siteForUrl(settings, url);
  return site !== null && !settings.disabledSites.includes(site.domain);
}
