/**
 * One batch of whole news pages the engine has never seen, with labels judged
 * from DEAL-FACTS.md (see the batch folders' labels.json):
 *   about       — true/false, or null when either answer is defensible
 *   mustFlag    — wrong claims: a conflict should overlap each (recall ≥ 0.5 overall);
 *                 `entries` names the conflict entries that fit (another one is reported, not failed)
 *   mustNotFlag — true, hedged or negated statements: no conflict may overlap them
 *   expectMarked — true figures the dataset has a fact for: reported when unmarked (not asserted)
 *   noAnnotations — the page must get no annotation of any kind
 * Any conflict that overlaps no mustFlag text is a false conflict and fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/engine';
import { loadDefaultDataset } from '../../../src/node/load-dataset';
import { readHtml, scanPage, type ScannedAnnotation, type ScannedPage } from '../../../src/node/scan-page';

interface Label {
  about: boolean | null;
  mustFlag: { text: string; why?: string; entries?: string[] }[];
  mustNotFlag: string[];
  expectMarked?: string[];
  noAnnotations?: boolean;
}

export interface BatchOptions {
  /**
   * Whether recall (≥ 0.5 of the wrong claims flagged) is asserted, or only
   * reported: for a batch that measures precision on a kind of claim the engine
   * does not check (derived arithmetic), where every other check still holds.
   */
  recall?: 'assert' | 'report';
}

export function describeUnseenBatch(title: string, folder: string, options: BatchOptions = {}): void {
  const DIR = join(process.cwd(), folder);
  /**
   * Labels are written as a reader copies the text: a no-break or thin space is a
   * space. The page's own characters are kept everywhere else (one for one, so
   * offsets hold).
   */
  const spaced = (t: string) => t.replace(/[\u00a0\u2007\u2009\u202f]/g, ' ');
  const labels = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8')) as Record<string, Label>;
  const engine = createEngine(loadDefaultDataset());

  const pages = new Map<string, { page: ScannedPage; text: string }>();
  for (const file of Object.keys(labels)) {
    const html = readFileSync(join(DIR, file), 'utf8');
    pages.set(file, { page: scanPage(engine, file, html), text: spaced(readHtml(html).blocks.join('\n')) });
  }

  function indexesOf(hay: string, needle: string): number[] {
    hay = spaced(hay);
    needle = spaced(needle);
    const out: number[] = [];
    if (!needle) return out;
    for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
    return out;
  }

  /** Does the annotation's span overlap an occurrence of `phrase` in the annotation's sentence? */
  function overlaps(a: ScannedAnnotation, phrase: string): boolean {
    const ps = indexesOf(a.context, phrase);
    const as = indexesOf(a.context, a.text);
    return ps.some((p) => as.some((s) => s < p + phrase.length && p < s + a.text.length));
  }

  const show = (a: ScannedAnnotation) => `"${a.text}" [${a.kind} ${a.id}] in: ${a.context}`;

  describe(title, () => {
    it('every labelled text occurs verbatim on its page', () => {
      const missing: string[] = [];
      for (const [file, l] of Object.entries(labels)) {
        const { text } = pages.get(file)!;
        for (const t of [...l.mustFlag.map((m) => m.text), ...l.mustNotFlag, ...(l.expectMarked ?? [])]) {
          if (!text.includes(spaced(t))) missing.push(`${file}: ${t}`);
        }
      }
      expect(missing).toEqual([]);
    });

    it.each(Object.keys(labels))('%s: about the deal as labelled', (file) => {
      const want = labels[file]!.about;
      const { page } = pages.get(file)!;
      if (want === null) {
        console.log(`${file}: about=${page.about} (either accepted; ${page.reason})`);
        return;
      }
      expect(page.about, `${file}: ${page.reason} (score ${page.score})`).toBe(want);
    });

    it.each(Object.keys(labels))('%s: no true, hedged or negated statement is flagged', (file) => {
      const { page } = pages.get(file)!;
      const bad = page.annotations
        .filter((a) => a.kind === 'conflict')
        .flatMap((a) => labels[file]!.mustNotFlag.filter((t) => overlaps(a, t)).map((t) => `${t} <- ${show(a)}`));
      expect(bad).toEqual([]);
    });

    it.each(Object.keys(labels))('%s: no false conflicts (every conflict is a labelled wrong claim)', (file) => {
      const { page } = pages.get(file)!;
      const wrong = labels[file]!.mustFlag.map((m) => m.text);
      const stray = page.annotations.filter((a) => a.kind === 'conflict' && !wrong.some((t) => overlaps(a, t)));
      for (const a of stray) console.log(`FALSE CONFLICT ${file}: ${show(a)}`);
      expect(stray.map(show)).toEqual([]);
    });

    it.each(Object.keys(labels).filter((f) => labels[f]!.noAnnotations))('%s: no annotations at all', (file) => {
      const { page } = pages.get(file)!;
      expect(page.annotations.map(show)).toEqual([]);
    });

    it(options.recall === 'report' ? 'recall on wrong claims (reported, not asserted: see the batch file)' : 'recall on wrong claims is at least 0.5 overall', () => {
      let total = 0;
      let hit = 0;
      for (const [file, l] of Object.entries(labels)) {
        const conflicts = pages.get(file)!.page.annotations.filter((a) => a.kind === 'conflict');
        for (const m of l.mustFlag) {
          total++;
          const found = conflicts.find((a) => overlaps(a, m.text));
          if (found) {
            hit++;
            const fits = !m.entries || m.entries.includes(found.id);
            console.log(`${fits ? 'flagged' : 'WRONG ENTRY'} ${file}: "${m.text}" -> ${found.id}${fits ? '' : ` (want ${m.entries!.join(' or ')})`}`);
          } else {
            const other = pages.get(file)!.page.annotations.filter((a) => overlaps(a, m.text)).map((a) => `${a.kind} ${a.id}`);
            console.log(`MISSED ${file}: "${m.text}" (${m.why ?? ''})${other.length ? ` — marked only as ${other.join(', ')}` : ' — no annotation'}`);
          }
        }
      }
      console.log(`recall on wrong claims: ${hit}/${total}`);
      expect(total).toBeGreaterThan(0);
      if (options.recall !== 'report') expect(hit / total).toBeGreaterThanOrEqual(0.5);
    });

    it('reports true figures the dataset knows but the page left unmarked (informational)', () => {
      for (const [file, l] of Object.entries(labels)) {
        const anns = pages.get(file)!.page.annotations.filter((a) => a.kind === 'fact' || a.kind === 'caveat');
        for (const t of l.expectMarked ?? []) {
          if (!anns.some((a) => overlaps(a, t))) console.log(`UNMARKED ${file}: "${t}"`);
        }
      }
    });
  });
}
