import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_SETTINGS,
  INTENSITIES,
  MAX_TOOLTIP_DELAY,
  SETTINGS_VERSION,
  Settings,
  SYNC_ITEM_BUDGET,
  readSettings,
  siteEnabled,
  siteForUrl,
  syncSize,
  type Settings as SettingsT,
} from '../../src/core/settings';
import { DEFAULT_SITES } from '../../src/core/sites';

const domainArb = fc.domain().filter((d) => !d.startsWith('www.') && !['co.uk', 'com.au'].includes(d));
const sourceIdArb = fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}$/);

/** Any valid settings object. */
const settingsArb: fc.Arbitrary<SettingsT> = fc.record({
  version: fc.constant(SETTINGS_VERSION as typeof SETTINGS_VERSION),
  enabled: fc.boolean(),
  disabledSites: fc.uniqueArray(domainArb, { maxLength: 5 }),
  userSites: fc.uniqueArray(domainArb, { maxLength: 5 }),
  disabledSources: fc.uniqueArray(sourceIdArb, { maxLength: 5 }),
  kinds: fc.record({ term: fc.boolean(), fact: fc.boolean(), caveat: fc.boolean(), conflict: fc.boolean() }),
  intensity: fc.constantFrom(...INTENSITIES),
  tooltipDelay: fc.integer({ min: 0, max: MAX_TOOLTIP_DELAY }),
});

describe('readSettings', () => {
  it('gives the defaults, without a problem, when nothing is stored', () => {
    expect(readSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problem: null });
  });

  it('never throws on any JSON value and always returns valid settings', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const { settings } = readSettings(v);
        expect(Settings.safeParse(settings).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it('survives objects that look like settings but are not', () => {
    const anything = fc.record(
      {
        version: fc.oneof(fc.constant(SETTINGS_VERSION), fc.jsonValue()),
        enabled: fc.jsonValue(),
        disabledSites: fc.oneof(fc.array(fc.oneof(fc.string(), domainArb, fc.jsonValue())), fc.jsonValue()),
        userSites: fc.oneof(fc.array(fc.oneof(fc.string(), domainArb)), fc.jsonValue()),
        disabledSources: fc.oneof(fc.array(fc.oneof(fc.string(), sourceIdArb)), fc.jsonValue()),
        kinds: fc.jsonValue(),
        intensity: fc.oneof(fc.constantFrom(...INTENSITIES), fc.string()),
        tooltipDelay: fc.oneof(fc.integer(), fc.double()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(anything, (v) => {
        const { settings, problem } = readSettings(v);
        expect(Settings.safeParse(settings).success).toBe(true);
        if (Settings.safeParse(v).success) expect(problem).toBeNull();
        else expect(problem).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('round-trips valid settings unchanged and without a problem', () => {
    fc.assert(
      fc.property(settingsArb, (s) => {
        expect(readSettings(JSON.parse(JSON.stringify(s)))).toEqual({ settings: s, problem: null });
      }),
    );
  });

  it('keeps the good fields and resets the bad ones, naming them', () => {
    const stored = { ...DEFAULT_SETTINGS, enabled: false, tooltipDelay: 'soon', intensity: 'x'.repeat(100_000), kinds: { term: false, fact: true, caveat: true, conflict: true } };
    const { settings, problem } = readSettings(stored);
    expect(settings.enabled).toBe(false);
    expect(settings.kinds.term).toBe(false);
    expect(settings.tooltipDelay).toBe(DEFAULT_SETTINGS.tooltipDelay);
    expect(settings.intensity).toBe(DEFAULT_SETTINGS.intensity);
    expect(problem?.code).toBe('invalid');
    expect(problem?.fields).toEqual(['intensity', 'tooltipDelay']);
    expect(problem?.message.length).toBeLessThan(300);
  });

  it('keeps the valid entries of a list with bad ones', () => {
    const stored = { ...DEFAULT_SETTINGS, userSites: ['example.org', 'javascript:alert(1)', 42, '*', 'example.org', 'x'.repeat(1e6)] };
    const { settings, problem } = readSettings(stored);
    expect(settings.userSites).toEqual(['example.org']);
    expect(problem?.fields).toEqual(['userSites']);
  });

  it('replaces an unknown version with the defaults and says so', () => {
    for (const version of [3, 99, '2', null, -1]) {
      const r = readSettings({ ...DEFAULT_SETTINGS, enabled: false, version });
      expect(r.settings).toEqual(DEFAULT_SETTINGS);
      expect(r.problem?.code).toBe('unknown-version');
    }
  });

  it('migrates version 1, keeping the master switch', () => {
    const r = readSettings({ version: 1, enabled: false });
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
    expect(r.problem?.code).toBe('migrated');
  });

  it('replaces wrong top-level types with the defaults', () => {
    for (const v of ['settings', 42, true, [DEFAULT_SETTINGS], new Date(0)]) {
      const r = readSettings(v);
      expect(r.settings).toEqual(DEFAULT_SETTINGS);
      expect(r.problem?.code).toBe('invalid');
    }
  });

  it('ignores prototype-pollution keys and does not pollute', () => {
    const stored = JSON.parse(
      `{"version":${SETTINGS_VERSION},"enabled":true,"disabledSites":[],"userSites":[],"disabledSources":[],"kinds":{"term":true,"fact":true,"caveat":true,"conflict":true,"__proto__":{"polluted":1}},"intensity":"normal","tooltipDelay":300,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}`,
    );
    const { settings, problem } = readSettings(stored);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(settings, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
    expect(problem?.fields).toContain('__proto__');
    expect(problem?.fields).toContain('constructor');
    expect(problem?.fields).toContain('kinds');
  });

  it('shortens huge unknown keys in the notice', () => {
    const key = 'k'.repeat(10_000);
    const { problem } = readSettings({ ...DEFAULT_SETTINGS, [key]: 1 });
    expect(problem?.message.length).toBeLessThan(300);
  });

  it('returns a fresh object each time (callers may edit it)', () => {
    const a = readSettings(undefined).settings;
    a.userSites.push('example.com');
    expect(readSettings(undefined).settings.userSites).toEqual([]);
    expect(Object.isFrozen(DEFAULT_SETTINGS.userSites)).toBe(true);
  });
});

describe('siteEnabled', () => {
  const s = (over: Partial<SettingsT>): SettingsT => ({ ...DEFAULT_SETTINGS, ...over });

  it('is on for every default site and its subdomains, http and https', () => {
    for (const d of DEFAULT_SITES) {
      expect(siteEnabled(DEFAULT_SETTINGS, `https://${d}/a`)).toBe(true);
      expect(siteEnabled(DEFAULT_SETTINGS, `http://www.${d}/a`)).toBe(true);
    }
  });

  it('is off for other sites, lookalikes and non-web URLs', () => {
    expect(siteEnabled(DEFAULT_SETTINGS, 'https://example.com/')).toBe(false);
    expect(siteEnabled(DEFAULT_SETTINGS, 'https://notreuters.com/')).toBe(false);
    expect(siteEnabled(DEFAULT_SETTINGS, 'https://reuters.com.evil.net/')).toBe(false);
    expect(siteEnabled(DEFAULT_SETTINGS, 'file:///tmp/reuters.com.html')).toBe(false);
  });

  it('follows the per-site switch, the user list and the master switch', () => {
    expect(siteEnabled(s({ disabledSites: ['reuters.com'] }), 'https://www.reuters.com/x')).toBe(false);
    expect(siteEnabled(s({ disabledSites: ['reuters.com'] }), 'https://apnews.com/x')).toBe(true);
    expect(siteEnabled(s({ userSites: ['example.com'] }), 'https://news.example.com/x')).toBe(true);
    expect(siteEnabled(s({ userSites: ['example.com'], disabledSites: ['example.com'] }), 'https://example.com/')).toBe(false);
    expect(siteEnabled(s({ enabled: false }), 'https://www.reuters.com/x')).toBe(false);
  });

  it('names the listed domain a page belongs to', () => {
    expect(siteForUrl(DEFAULT_SETTINGS, 'https://www.bbc.co.uk/news')).toEqual({ domain: 'bbc.co.uk', listed: 'default' });
    expect(siteForUrl(s({ userSites: ['example.com'] }), 'https://a.example.com/')).toEqual({ domain: 'example.com', listed: 'user' });
    expect(siteForUrl(DEFAULT_SETTINGS, 'about:blank')).toBeNull();
  });
});

describe('syncSize', () => {
  it('keeps the defaults far below the storage.sync item limit', () => {
    expect(syncSize(DEFAULT_SETTINGS)).toBeLessThan(SYNC_ITEM_BUDGET / 10);
  });
});

describe('readSettings on repeated list entries', () => {
  it('drops the repeats and says so', () => {
    const { settings, problem } = readSettings({ ...DEFAULT_SETTINGS, disabledSources: ['a', 'b', 'a'] });
    expect(settings.disabledSources).toEqual(['a', 'b']);
    expect(problem?.fields).toEqual(['disabledSources']);
  });
});
