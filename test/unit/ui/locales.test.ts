import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const root = new URL('../../../src/', import.meta.url).pathname;
const load = (lang: string): Messages => JSON.parse(readFileSync(join(root, '_locales', lang, 'messages.json'), 'utf8'));
const en = load('en');
const de = load('de');

/** Every `t('key'` in the popup, options and shared UI code (the tooltip's keys are checked by its own tests). */
function usedKeys(): string[] {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
  const keys = new Set<string>();
  for (const dir of ['popup', 'options', 'ui']) {
    for (const f of files(join(root, dir)).filter((f) => /\.tsx?$/.test(f) && !/[\\/]tooltip[^\\/]*$/.test(f))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('([A-Za-z_]+)'/g)) keys.add(m[1]!);
    }
  }
  return [...keys];
}

describe('locales', () => {
  it('have the same keys in English and German', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('have every key the UI uses', () => {
    const missing = usedKeys().filter((k) => !en[k]);
    expect(missing).toEqual([]);
    expect(usedKeys().length).toBeGreaterThan(50);
  });

  it('define every placeholder they use, the same in both languages', () => {
    for (const [key, m] of Object.entries(en)) {
      for (const msgs of [en, de]) {
        const entry = msgs[key]!;
        const used = [...entry.message.matchAll(/\$([A-Za-z_]+)\$/g)].map((x) => x[1]!.toLowerCase());
        const defined = Object.keys(entry.placeholders ?? {}).map((k) => k.toLowerCase());
        for (const u of used) expect(defined, `${key}: $${u}$`).toContain(u);
        expect(Object.keys(de[key]?.placeholders ?? {}), key).toEqual(Object.keys(m.placeholders ?? {}));
      }
    }
  });

  it('use only message names Chrome accepts (else it refuses the whole extension)', () => {
    for (const msgs of [en, de]) expect(Object.keys(msgs).filter((k) => !/^[A-Za-z0-9_@]+$/.test(k))).toEqual([]);
  });

  it('contain no markup', () => {
    for (const msgs of [en, de]) for (const [key, m] of Object.entries(msgs)) expect(m.message, key).not.toMatch(/<[a-z/]/i);
  });
});
