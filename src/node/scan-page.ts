/**
 * Runs the engine over a saved page in Node, with the content script's own
 * block extraction (under linkedom), and shapes the result as CONTRACT.md's
 * `scan --json` object.
 */
import { parseHTML } from 'linkedom';
import type { Engine } from '../core/engine';
import type { PageResult } from '../core/types';
import { extractBlocks, readPageMeta } from '../content/extract';
import { explain, indexDataset, type DatasetIndex } from '../core/explain';
import { splitSentences, sentenceAt } from '../core/sentences';

export interface ScannedAnnotation {
  id: string;
  kind: string;
  text: string;
  title: string;
  context: string;
  factId?: string;
}

export interface ScannedPage {
  file: string;
  about: boolean;
  score: number;
  reason: string;
  date: string;
  annotations: ScannedAnnotation[];
}

/** Blocks, title and date of an HTML page, read as the content script reads them. */
export function readHtml(html: string): { blocks: string[]; labels: (string | undefined)[]; title: string; published?: string; modified?: string } {
  const { document } = parseHTML(html);
  const root = document.body ?? document.documentElement;
  const { blocks } = extractBlocks(root);
  const meta = readPageMeta(document as unknown as Document);
  return { blocks: blocks.map((b) => b.text), labels: blocks.map((b) => b.label), title: meta.title, published: meta.published, modified: meta.modified };
}

/** Paragraphs of a Markdown or plain-text article (blank lines delimit; link targets and images dropped). */
export function readText(text: string): { blocks: string[]; title: string } {
  const clean = text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#+\s*/gm, '')
    .replace(/[*_]{1,3}([^*_\n]+)[*_]{1,3}/g, '$1');
  const blocks = clean.split(/\n\s*\n/).map((b) => b.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);
  return { blocks, title: blocks[0] ?? '' };
}

let cachedIndex: { engine: Engine; ix: DatasetIndex } | undefined;

export function toScanned(engine: Engine, file: string, blocks: readonly string[], r: PageResult): ScannedPage {
  if (cachedIndex?.engine !== engine) cachedIndex = { engine, ix: indexDataset(engine.dataset) };
  const ix = cachedIndex.ix;
  const sentenceCache = new Map<number, ReturnType<typeof splitSentences>>();
  return {
    file,
    about: r.about,
    score: r.score,
    reason: r.reason,
    date: r.date,
    annotations: r.annotations.map((a) => {
      const text = blocks[a.block]!;
      let spans = sentenceCache.get(a.block);
      if (!spans) sentenceCache.set(a.block, (spans = splitSentences(text)));
      const s = spans.length ? spans[sentenceAt(spans, a.start)]! : { start: 0, end: text.length };
      const context = text.slice(Math.min(s.start, a.start), Math.max(s.end, a.end)).trim();
      return {
        id: a.entryId,
        kind: a.kind,
        text: text.slice(a.start, a.end),
        title: explain(ix, { entryId: a.entryId, kind: a.kind, factId: a.factId }).title,
        context,
        ...(a.factId && a.factId !== a.entryId ? { factId: a.factId } : {}),
      };
    }),
  };
}

/** Scan one saved page (HTML, or Markdown/plain text by extension). */
export function scanPage(engine: Engine, file: string, content: string, today?: string): ScannedPage {
  const page = /\.(?:md|txt)$/i.test(file) ? readText(content) : readHtml(content);
  const r = engine.analyze(page, { today });
  return toScanned(engine, file, page.blocks, r);
}
