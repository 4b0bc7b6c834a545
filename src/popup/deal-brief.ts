/**
 * "The deal in brief": the key verified figures of the deal itself, shown
 * when the page has nothing to annotate. Pure: picks from the dataset.
 */
import { formatFact } from '../core/explain';
import type { Dataset } from '../core/schema';

export interface BriefItem {
  id: string;
  title: string;
  value: string;
  status: string;
  asOf: string;
}

export interface DealBrief {
  title: string;
  /** The latest as-of date among the figures shown. */
  asOf: string | null;
  items: BriefItem[];
}

const CURRENT = new Set(['confirmed', 'self-reported', 'single-source']);

/** Current figures with scope 'deal', in dataset order (the dataset lists the key figures first), at most `max`. */
export function dealBrief(ds: Pick<Dataset, 'facts' | 'story'>, max = 5): DealBrief {
  const items: BriefItem[] = [];
  for (const f of ds.facts) {
    if (items.length >= max) break;
    if (f.scope !== 'deal' || !CURRENT.has(f.status) || f.supersededBy.length || f.validUntil) continue;
    const value = formatFact(f);
    if (value) items.push({ id: f.id, title: f.title, value, status: f.status, asOf: f.asOf });
  }
  const asOf = items.reduce<string | null>((m, i) => (m === null || i.asOf > m ? i.asOf : m), null);
  return { title: ds.story.title, asOf, items };
}
