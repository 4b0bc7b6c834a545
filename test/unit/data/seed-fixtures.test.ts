/**
 * The seed fixtures are faithful and their labels are well-formed: each page
 * carries its seed article's text verbatim (our markup only around it) and an
 * April 2026 publication date, and every label quotes text that is on the page
 * and names an entry of the right kind. Whether the engine gets the labels
 * right is test/unit/core/seeds.test.ts's business.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readHtml } from '../../../src/node/scan-page';
import { loadDefaultDataset } from '../../../src/node/load-dataset';

const ROOT = process.cwd();
const DIR = join(ROOT, 'test', 'fixtures', 'seeds');
const SEEDS = resolve(ROOT, '..', 'shared', 'seeds');

interface Label {
  text: string;
  kind: 'term' | 'fact' | 'caveat' | 'conflict';
  id?: string;
}
const labels: Record<string, { mustMark: Label[]; mustNotFlag: string[] }> = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8'));
const ds = loadDefaultDataset(ROOT);

/** Which annotation kinds an entry can appear as. */
const kindsOf = new Map<string, string[]>();
for (const t of ds.terms) kindsOf.set(t.id, ['term']);
for (const f of ds.facts) kindsOf.set(f.id, ['fact']);
for (const c of ds.caveats) kindsOf.set(c.id, ['caveat']);
for (const r of ds.conflicts) kindsOf.set(r.id, [r.verdict]);

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The seed's lines as they must appear on the page: list markers and table pipes are markup. */
function seedPieces(n: number): string[] {
  if (!existsSync(SEEDS)) throw new Error(`seed articles missing: expected them at ${SEEDS}`);
  const file = readdirSync(SEEDS).find((f) => f.startsWith(`00${n}_`));
  if (!file) throw new Error(`seed 00${n} not found in ${SEEDS}`);
  return readFileSync(join(SEEDS, file), 'utf8')
    .split('\n')
    .flatMap((line) => {
      if (/^\|[-|\s]+\|?$/.test(line)) return []; // table separator
      if (line.startsWith('|')) return line.split('|').map((c) => c.trim());
      return [line.replace(/^\s*(?:•|-|\d+\.)\s+/, '')];
    })
    .map(squash)
    .filter(Boolean);
}

describe.each([0, 1, 2, 3, 4])('seed-00%i.html', (n) => {
  const name = `seed-00${n}.html`;
  const page = readHtml(readFileSync(join(DIR, name), 'utf8'));
  const text = squash(page.blocks.join(' '));

  it('carries every line of the seed article verbatim', () => {
    const missing = seedPieces(n).filter((p) => !text.includes(p));
    expect(missing).toEqual([]);
  });

  it('is dated in April 2026, after the announcement', () => {
    expect(page.published).toMatch(/^2026-04-2\d$/);
  });

  it('has labels that quote the page and name entries of their kind', () => {
    const l = labels[name]!;
    expect(l, `no labels for ${name}`).toBeDefined();
    expect(l.mustMark.filter((m) => !text.includes(m.text)).map((m) => m.text)).toEqual([]);
    expect(l.mustNotFlag.filter((t) => !text.includes(squash(t)))).toEqual([]);
    const wrongKind = l.mustMark.filter((m) => m.id && !(kindsOf.get(m.id) ?? []).includes(m.kind));
    expect(wrongKind.map((m) => `${m.kind} ${m.id}`)).toEqual([]);
  });

  it('labels at least five true figures and the key terms', () => {
    const l = labels[name]!;
    expect(l.mustMark.filter((m) => m.kind === 'fact' || m.kind === 'caveat').length).toBeGreaterThanOrEqual(5);
    expect(l.mustMark.filter((m) => m.kind === 'term').length).toBeGreaterThanOrEqual(4);
    expect(l.mustNotFlag.length).toBeGreaterThanOrEqual(5);
  });
});

it('labels a fixture for each seed and nothing else', () => {
  expect(Object.keys(labels).sort()).toEqual([0, 1, 2, 3, 4].map((n) => `seed-00${n}.html`));
});
