/**
 * Accuracy on real pages nobody wrote for us: 193 news pages that are not about
 * the deal (no page judged about it, no annotation), and 2023 newsletter items
 * about the first tranche and its near misses.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../../src/core/engine';
import { loadDefaultDataset } from '../../../src/node/load-dataset';
import { scanPage } from '../../../src/node/scan-page';

const SHARED = join(process.cwd(), '..', 'shared', 'corpus');
if (!existsSync(SHARED)) throw new Error(`corpus not found at ${SHARED}: the tests need ../shared beside the checkout`);

const engine = createEngine(loadDefaultDataset());

function manifest(dir: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const cols = head!.split('\t');
  return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i]!, v])));
}

describe('real news pages not about the deal', () => {
  const rows = manifest(join(SHARED, 'real'));
  it('has the 193 pages', () => expect(rows.length).toBe(193));
  it('judges none about the deal and annotates nothing', () => {
    const wrong: string[] = [];
    for (const row of rows) {
      const page = scanPage(engine, row.file!, readFileSync(join(SHARED, 'real', row.file!), 'utf8'));
      if (page.about || page.annotations.length) wrong.push(`${row.file}: about=${page.about} score=${page.score} (${page.reason}) annotations=${page.annotations.length}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

describe('2023 newsletter items', () => {
  const rows = manifest(join(SHARED, 'real-text'));
  const scan = (file: string) => scanPage(engine, file, readFileSync(join(SHARED, 'real-text', file), 'utf8'));
  it.each(rows.filter((r) => r.about_deal === 'yes').map((r) => r.file!))('%s is about the deal (an older stage of it)', (file) => {
    const page = scan(file);
    expect(page.about, page.reason).toBe(true);
    expect(page.annotations.filter((a) => a.kind === 'conflict')).toEqual([]);
  });
  it.each(rows.filter((r) => r.about_deal === 'no').map((r) => r.file!))('%s is a near miss, not about the deal', (file) => {
    const page = scan(file);
    expect(page.about, page.reason).toBe(false);
    expect(page.annotations).toEqual([]);
  });
});
