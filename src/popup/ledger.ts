/**
 * The popup's claim ledger of a page, as plain data: conflicts and caveats
 * first, one row per mark (each is a claim in the page's own words), then
 * facts and terms, one row per entry with every mark it has. Pure.
 */
import { explain, type DatasetIndex, type Explanation } from '../core/explain';
import type { Counts, TabState } from '../core/messages';
import type { Kind } from '../core/settings';

/** Where a mark is: its frame and its index in that frame's reading order. */
export interface MarkRef {
  frameId: number;
  mark: number;
}

export interface LedgerRow {
  /** Stable key for lists. */
  key: string;
  kind: Kind;
  entryId: string;
  /** The page's words at the first mark. */
  text: string;
  /** The sentence around the first mark. */
  context: string;
  /** Every mark of this row in reading order; the popup reveals them in turn. */
  marks: MarkRef[];
  explanation: Explanation;
}

export const LEDGER_ORDER: readonly Kind[] = ['conflict', 'caveat', 'fact', 'term'];
const PER_MARK = new Set<Kind>(['conflict', 'caveat']);

export function buildLedger(tab: TabState | null, ix: DatasetIndex): LedgerRow[] {
  const rows = new Map<string, LedgerRow>();
  for (const { frameId, summary } of tab?.frames ?? []) {
    if (!summary.active) continue;
    for (const item of [...summary.items].sort((a, b) => a.mark - b.mark)) {
      const key = PER_MARK.has(item.kind) ? `${item.kind}:${frameId}:${item.mark}` : `${item.kind}:${item.entryId}`;
      const ref = { frameId, mark: item.mark };
      const row = rows.get(key);
      if (row) {
        row.marks.push(ref);
        continue;
      }
      rows.set(key, {
        key,
        kind: item.kind,
        entryId: item.entryId,
        text: item.text,
        context: item.context,
        marks: [ref],
        explanation: explain(ix, { entryId: item.entryId, kind: item.kind, text: item.text, ...(item.factId ? { factId: item.factId } : {}) }),
      });
    }
  }
  return LEDGER_ORDER.flatMap((k) => [...rows.values()].filter((r) => r.kind === k));
}

/** Marks per kind over the active frames (what the badge counts). */
export function ledgerCounts(tab: TabState | null): Counts {
  const counts: Counts = { term: 0, fact: 0, caveat: 0, conflict: 0 };
  for (const { summary } of tab?.frames ?? []) {
    if (!summary.active) continue;
    for (const k of LEDGER_ORDER) counts[k] += summary.counts[k];
  }
  return counts;
}
