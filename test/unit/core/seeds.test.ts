/**
 * The engine on the five labelled seed articles: every labelled item marked
 * with the labelled kind, and no labelled true statement flagged as a conflict.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../../src/core/engine';
import { loadDefaultDataset } from '../../../src/node/load-dataset';
import { scanPage } from '../../../src/node/scan-page';

interface Labels {
  [fixture: string]: {
    mustMark: { text: string; kind: string; id?: string }[];
    mustNotFlag: string[];
  };
}

const DIR = join(process.cwd(), 'test', 'fixtures', 'seeds');
const labels: Labels = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8'));
const engine = createEngine(loadDefaultDataset());

describe.each(Object.keys(labels))('seed fixture %s', (fixture) => {
  const page = scanPage(engine, fixture, readFileSync(join(DIR, fixture), 'utf8'));
  const l = labels[fixture]!;

  it('is about the deal', () => expect(page.about, page.reason).toBe(true));

  it.each(l.mustMark.map((m) => [`${m.kind} "${m.text}"${m.id ? ` (${m.id})` : ''}`, m] as const))('marks %s', (_, m) => {
    const hit = page.annotations.find((a) => a.kind === m.kind && (a.text.includes(m.text) || m.text.includes(a.text)) && (!m.id || a.id === m.id));
    const near = page.annotations.filter((a) => a.text.includes(m.text) || m.text.includes(a.text)).map((a) => `${a.kind}:${a.id}:"${a.text}"`);
    expect(hit, `found instead: ${near.join(', ') || 'nothing'}`).toBeDefined();
  });

  it('flags no labelled true statement', () => {
    const conflicts = page.annotations.filter((a) => a.kind === 'conflict');
    const wrong = conflicts.filter((a) => l.mustNotFlag.some((t) => t.includes(a.text) && a.context.includes(t.slice(0, 40))));
    expect(wrong.map((a) => `${a.id}: "${a.text}" in ${a.context}`)).toEqual([]);
  });
});
