import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, MAX_USER_SITES, readSettings, type Settings } from '../../src/core/settings';
import { EXPORT_FORMAT, addUserSite, exportSettings, importSettings, removeUserSite, setKindShown, setSiteOn, setSourceOn } from '../../src/core/settings-edit';

const base = (): Settings => readSettings(undefined).settings;

describe('edits', () => {
  it('switch sites and sources off and on again without repeats', () => {
    let s = setSiteOn(base(), 'reuters.com', false);
    s = setSiteOn(s, 'reuters.com', false);
    expect(s.disabledSites).toEqual(['reuters.com']);
    expect(setSiteOn(s, 'reuters.com', true).disabledSites).toEqual([]);
    s = setSourceOn(setSourceOn(base(), 'src-a', false), 'src-a', false);
    expect(s.disabledSources).toEqual(['src-a']);
    expect(setSourceOn(s, 'src-a', true).disabledSources).toEqual([]);
    expect(setKindShown(base(), 'term', false).kinds).toEqual({ term: false, fact: true, caveat: true, conflict: true });
  });

  it('add a normalised user site and remove it with its switch', () => {
    const r = addUserSite(base(), 'https://www.Example.com/news/1');
    expect(r).toMatchObject({ ok: true, domain: 'example.com' });
    if (!r.ok) return;
    expect(r.settings.userSites).toEqual(['example.com']);
    const off = setSiteOn(r.settings, 'example.com', false);
    expect(removeUserSite(off, 'example.com')).toMatchObject({ userSites: [], disabledSites: [] });
  });

  it('refuse bad input, default sites, repeats and a full list', () => {
    expect(addUserSite(base(), 'javascript:alert(1)')).toEqual({ ok: false, error: 'scheme' });
    expect(addUserSite(base(), '*.com')).toEqual({ ok: false, error: 'all-sites' });
    expect(addUserSite(base(), 'edition.reuters.com')).toEqual({ ok: false, error: 'default' });
    const once = addUserSite(base(), 'example.com');
    if (!once.ok) throw new Error('expected ok');
    expect(addUserSite(once.settings, 'news.example.com')).toEqual({ ok: false, error: 'duplicate' });
    let s = base();
    for (let i = 0; i < MAX_USER_SITES; i++) {
      const r = addUserSite(s, `site${i}.example${i}.org`);
      if (!r.ok) {
        expect(r.error).toBe('full');
        return;
      }
      s = r.settings;
    }
    expect(addUserSite(s, 'one-more.org')).toEqual({ ok: false, error: 'full' });
  });

  it('a parent domain replaces its listed subdomains', () => {
    const a = addUserSite(base(), 'news.example.com');
    if (!a.ok) throw new Error('expected ok');
    const b = addUserSite(a.settings, 'example.com');
    expect(b.ok && b.settings.userSites).toEqual(['example.com']);
  });
});

describe('export and import', () => {
  it('round-trip any settings', () => {
    const s = setKindShown(setSourceOn(base(), 'anthropic-2026-04-20', false), 'caveat', false);
    expect(importSettings(exportSettings(s))).toEqual({ ok: true, settings: s, migrated: false });
  });

  it('refuse what is not a settings file, saying why', () => {
    expect(importSettings('{nope')).toMatchObject({ ok: false, error: 'not-json' });
    expect(importSettings('[]')).toMatchObject({ ok: false, error: 'not-settings' });
    expect(importSettings(JSON.stringify({ settings: DEFAULT_SETTINGS }))).toMatchObject({ ok: false, error: 'not-settings' });
    expect(importSettings(JSON.stringify({ format: EXPORT_FORMAT, settings: null }))).toMatchObject({ ok: false, error: 'invalid' });
    expect(importSettings(' '.repeat(70_000))).toMatchObject({ ok: false, error: 'too-large' });
  });

  it('refuse a file with any bad field instead of half-importing it', () => {
    const text = JSON.stringify({ format: EXPORT_FORMAT, settings: { ...DEFAULT_SETTINGS, enabled: false, tooltipDelay: -5 } });
    expect(importSettings(text)).toEqual({ ok: false, error: 'invalid', fields: ['tooltipDelay'] });
    const future = JSON.stringify({ format: EXPORT_FORMAT, settings: { ...DEFAULT_SETTINGS, version: 9 } });
    expect(importSettings(future)).toMatchObject({ ok: false, error: 'unknown-version' });
  });

  it('migrate a file from version 1', () => {
    const r = importSettings(JSON.stringify({ format: EXPORT_FORMAT, settings: { version: 1, enabled: false } }));
    expect(r).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, enabled: false }, migrated: true });
  });

  it('never throw on any text', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (t) => void importSettings(t)));
  });
});
