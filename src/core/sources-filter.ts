/** Drops facts, caveats and conflicts whose every source the reader switched off. */
import type { Compiled } from './compile';
import type { Annotation } from './types';

export function sourcesOf(c: Compiled, a: Pick<Annotation, 'entryId' | 'factId'>): string[] | null {
  const ds = c.dataset;
  const fact = a.factId ? ds.facts.find((f) => f.id === a.factId) : undefined;
  const f = ds.facts.find((x) => x.id === a.entryId);
  if (f) return f.sources;
  const cv = ds.caveats.find((x) => x.id === a.entryId);
  if (cv) return [...cv.sources, ...(fact?.sources ?? [])];
  const r = ds.conflicts.find((x) => x.id === a.entryId);
  if (r) return r.sources;
  return null; // terms are definitions, not claims: always shown
}

export function filterBySources(c: Compiled, list: Annotation[], disabled: readonly string[]): { kept: Annotation[]; hidden: number } {
  if (!disabled.length) return { kept: list, hidden: 0 };
  const off = new Set(disabled);
  const kept: Annotation[] = [];
  let hidden = 0;
  for (const a of list) {
    const src = a.kind === 'term' ? null : sourcesOf(c, a);
    if (src && src.length && src.every((s) => off.has(s))) hidden++;
    else kept.push(a);
  }
  return { kept, hidden };
}
