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
  /** marker words of each sentence, with offsets */
  markers: { m: Marker; start: number }[][];
}


const WHOLE = (text: string) => [{ start: 0, end: text.length }];

export function scanBlock(c: Compiled, text: string): BlockScan {
  const hits = c.matcher.findAll(text);
  const figures = parseFigures(text); // returns at once when the block holds no sign of a figure
  // a block with nothing in it needs no sentences, words or groupings
  if (!hits.length && !figures.length) {
    return { text, hits, figures, sentences: WHOLE(text), words: [], bySentence: [[]], parties: [[]], markers: [[]] };
  }
  // sentences matter to figures and claim phrases; a block of terms and names alone is read whole
  const needsSentences = figures.length > 0 || hits.some((h) => h.payload.t === 'phrase');
  const sentences = needsSentences ? splitSentences(text) : WHOLE(text);
  const n = Math.max(1, sentences.length);
  const bySentence: Hit<Payload>[][] = new Array(n);
  const parties: BlockScan['parties'] = new Array(n);
  const markers: BlockScan['markers'] = new Array(n);
  for (let i = 0; i < n; i++) {
    bySentence[i] = [];
    parties[i] = [];
    markers[i] = [];
  }
  for (const h of hits) {
    const s = sentences.length > 1 ? sentenceAt(sentences, h.start) : 0;
    bySentence[s]!.push(h);
    if (h.payload.t === 'party') parties[s]!.push({ key: h.payload.key, start: h.start, end: h.end, weak: h.payload.weak });
    else if (h.payload.t === 'marker') markers[s]!.push({ m: h.payload.m, start: h.start });
  }
  return { text, hits, figures, sentences: sentences.length ? sentences : [{ start: 0, end: text.length }], words: figures.length ? wordStarts(text) : [], bySentence, parties, markers };
}

const CLAUSE_BREAK = /[;:()\u2014\u2013]|\s-\s/g;

/** The clause of sentence `s` around offset `at`: clauses end at ; : ( ) and dashes. */
export function clauseAround(scan: BlockScan, s: number, at: number): { lo: number; hi: number } {
  const sentence = scan.sentences[s]!;
  let lo = sentence.start;
  let hi = sentence.end;
  for (const m of scan.text.slice(sentence.start, sentence.end).matchAll(CLAUSE_BREAK)) {
    const p = sentence.start + m.index!;
    if (p < at) lo = p;
    else {
      hi = p;
      break;
    }
  }
  return { lo, hi };
}

/** White-space separated words in text[from, to) (an empty span counts one, as the markers' distances always have). */
const wordsBetween = (text: string, from: number, to: number) => text.slice(from, to).trim().split(/\s+/).length;

/** Marker kinds in the clause (of sentence `s`) around offset `at`: clauses end at ; : ( ) and dashes. */
export function markersNear(scan: BlockScan, s: number, at: number): Set<Marker> {
  const { lo, hi } = clauseAround(scan, s, at);
  const out = new Set<Marker>();
  for (const x of scan.markers[s]!) {
    if (x.start < lo || x.start >= hi) continue;
    // a denial speaks of what follows it in its clause ("not the $350 billion", "it is not … a single cloud"),
    // or of what stands just before it ("$350 billion is not"); not of a claim two words back and more
    if (x.m === 'negation' && x.start > at && wordsBetween(scan.text, at, x.start) > 3) continue;
    // a look back ("in 2023", "two years ago") dates the words near it, not a long clause's far end
    if (x.m === 'past' && wordsBetween(scan.text, Math.min(at, x.start), Math.max(at, x.start)) > 10) continue;
    // a hedge governs what follows it ("could invest $25 billion"); one far after the figure hedges something else
    if (x.m === 'hedge' && x.start > at && wordsBetween(scan.text, at, x.start) > 5) continue;
    out.add(x.m);
  }
  return out;
}
