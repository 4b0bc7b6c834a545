/**
 * The page's state after a pass, as the background and the popup read it
 * (`page-summary` in core/messages.ts): counts by kind and one item per mark,
 * in reading order, with the page's words and the sentence around them.
 */
import type { PageSummary, SummaryItem } from '../core/messages';
import { sentenceAt, splitSentences } from '../core/sentences';
import type { MarkRecord } from './marks';

const MAX_TEXT = 500;
const MAX_CONTEXT = 1000;
const MAX_ITEMS = 5000;

/** The sentence of `blockText` that holds [start, end), whitespace collapsed, cut to the schema's limit. */
export function sentenceOf(blockText: string, start: number, end: number): string {
  const spans = splitSentences(blockText);
  if (!spans.length) return '';
  const first = spans[sentenceAt(spans, start)]!;
  const last = spans[sentenceAt(spans, Math.max(start, end - 1))]!;
  const s = blockText.slice(first.start, Math.max(first.end, last.end)).replace(/\s+/g, ' ').trim();
  return s.length > MAX_CONTEXT ? `${s.slice(0, MAX_CONTEXT - 1)}…` : s;
}

export interface SummaryState {
  url: string;
  about: boolean;
  score: number;
  active: boolean;
  hidden: number;
}

/** Each mark's sentence, worked out once: a summary after every pass must not re-split the whole page. */
const contexts = new WeakMap<MarkRecord, string>();

function contextOf(r: MarkRecord): string {
  let c = contexts.get(r);
  if (c === undefined) {
    c = sentenceOf(r.blockText, r.start, r.end);
    contexts.set(r, c);
  }
  return c;
}

/** Build the page summary from the live marks (already in reading order). */
export function buildSummary(state: SummaryState, records: readonly MarkRecord[]): PageSummary {
  const counts = { term: 0, fact: 0, caveat: 0, conflict: 0 };
  const items: SummaryItem[] = [];
  for (const r of records) {
    counts[r.kind]++;
    if (items.length < MAX_ITEMS) {
      items.push({
        mark: items.length,
        entryId: r.entryId,
        kind: r.kind,
        text: r.text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT),
        context: contextOf(r),
      });
    }
  }
  return {
    type: 'page-summary',
    url: state.url.slice(0, 4096),
    about: state.about,
    score: state.score,
    active: state.active,
    counts,
    hidden: state.hidden,
    items,
  };
}
