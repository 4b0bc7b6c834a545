/**
 * "The deal in brief": the key verified figures of the deal itself, shown
 * when the page has nothing to annotate. Pure: picks from the dataset.
 *
 * Which figures are key is read from the dataset rather than listed by hand:
 * the figures that conflict rules and caveats guard most often are the ones
 * the press gets wrong, so the ones a reader most needs.
 */
import { formatFact } from '../core/explain';
import type { Dataset, Fact } from '../core/schema';

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

/** How often other entries point at each fact (conflict rules, caveats, the fact's own links). */
function references(ds: Pick<Dataset, 'facts' | 'caveats' | 'conflicts'>): Map<string, number> {
  const n = new Map<string, number>();
  const add = (id: string) => n.set(id, (n.get(id) ?? 0) + 1);
  for (const r of ds.conflicts) {
    r.facts.forEach(add);
    if (r.match.type === 'figure') add(r.match.fact);
  }
  for (const c of ds.caveats) c.appliesTo.forEach(add);
  for (const f of ds.facts) {
    f.caveats.forEach(() => add(f.id));
    if (f.conflict) add(f.id);
  }
  return n;
}

const current = (f: Fact) => f.scope === 'deal' && f.status === 'confirmed' && !f.supersededBy.length && !f.validUntil && formatFact(f) !== undefined;

/**
 * Up to `max` confirmed figures of the deal as announced (valid from the
 * announcement on; earlier rounds only if the deal itself has too few), the
 * most referenced first, shown in dataset order.
 */
export function dealBrief(ds: Pick<Dataset, 'facts' | 'caveats' | 'conflicts' | 'story'>, max = 6): DealBrief {
  const refs = references(ds);
  const all = ds.facts.filter(current);
  const announced = all.filter((f) => (f.validFrom ?? '') >= ds.story.announced);
  const pool = announced.length >= Math.min(3, max) ? announced : all;
  const order = new Map(ds.facts.map((f, i) => [f.id, i]));
  const picked = [...pool]
    .sort((a, b) => (refs.get(b.id) ?? 0) - (refs.get(a.id) ?? 0) || order.get(a.id)! - order.get(b.id)!)
    .slice(0, max)
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const items = picked.map((f) => ({ id: f.id, title: f.title, value: formatFact(f)!, status: f.status, asOf: f.asOf }));
  const asOf = items.reduce<string | null>((m, i) => (m === null || i.asOf > m ? i.asOf : m), null);
  return { title: ds.story.title, asOf, items };
}
