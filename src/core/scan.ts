/**
 * One block, read once: every automaton hit, every figure, the sentences and
 * word positions. Both the page decision and the annotator work from this.
 */
import type { Compiled, Payload, Marker } from './compile';
import type { Hit } from './matcher';
import { parseFigures, type Figure } from './figures';
import { splitSentences, sentenceAt, wordStarts, type Span } from './sentences';

export interface BlockScan {
  text: string;
  hits: Hit<Payload>[];
  figures: Figure[];
  sentences: Span[];
  words: number[];
  /** hits grouped by sentence index */
  bySentence: Hit<Payload>[][];
  /** parties named in each sentence, with offsets */
  parties: { key: string; start: number; end: number; weak: boolean }[][];
  markers: Set<Marker>[];
}

/** Quick test: could this block hold a figure at all? */
const MAYBE_FIGURE = /[0-9]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|decade|dozen)\b/i;

export function scanBlock(c: Compiled, text: string): BlockScan {
  const hits = c.matcher.findAll(text);
  const figures = MAYBE_FIGURE.test(text) ? parseFigures(text) : [];
  const sentences = splitSentences(text);
  const n = Math.max(1, sentences.length);
  const bySentence: Hit<Payload>[][] = Array.from({ length: n }, () => []);
  const parties: BlockScan['parties'] = Array.from({ length: n }, () => []);
  const markers: Set<Marker>[] = Array.from({ length: n }, () => new Set());
  for (const h of hits) {
    const s = sentences.length ? sentenceAt(sentences, h.start) : 0;
    bySentence[s]!.push(h);
    if (h.payload.t === 'party') parties[s]!.push({ key: h.payload.key, start: h.start, end: h.end, weak: h.payload.weak });
    else if (h.payload.t === 'marker') markers[s]!.add(h.payload.m);
  }
  return { text, hits, figures, sentences: sentences.length ? sentences : [{ start: 0, end: text.length }], words: figures.length ? wordStarts(text) : [], bySentence, parties, markers };
}
