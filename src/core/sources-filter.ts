/** Drops facts, caveats and conflicts whose every source the reader switched off. */
import type { Compiled } from './compile';
import type { Annotation } from './types';

const cache = new WeakMap<Compiled, Map<string, readonly string[]>>();

/** Source ids behind each fact, caveat and rule, by entry id (built once per compiled dataset). */
function sourceIndex(c: Compiled): Map<string, readonly string[]> {
  let m = cache.get(c);
  if (!m) {
    m = new Map();
    for (const x of [...c.dataset.facts, ...c.dataset.caveats, ...c.dataset.conflicts]) m.set(x.id, x.sources);
    cache.set(c, m);
  }
  return m;
}

/** The sources behind an annotation; null for terms (definitions, always shown). */
export function sourcesOf(c: Compiled, a: Pick<Annotation, 'entryId' | 'factId' | 'kind'>): string[] | null {
  if (a.kind === 'term') return null;
  const ix = sourceIndex(c);
  const own = ix.get(a.entryId);
  if (!own) return null;
  // a caveat on a figure stands on the caveat's sources and the fact's
  const isCaveat = c.dataset.caveats.some((x) => x.id === a.entryId);
  return isCaveat && a.factId ? [...own, ...(ix.get(a.factId) ?? [])] : [...own];
}

export function filterBySources(c: Compiled, list: Annotation[], disabled: readonly string[]): { kept: Annotation[]; hidden: number } {
  if (!disabled.length) return { kept: list, hidden: 0 };
  const off = new Set(disabled);
  const kept: Annotation[] = [];
  let hidden = 0;
  for (const a of list) {
    const src = sourcesOf(c, a);
    if (src && src.length && src.every((s) => off.has(s))) hidden++;
    else kept.push(a);
  }
  return { kept, hidden };
}
