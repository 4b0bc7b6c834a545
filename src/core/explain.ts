/**
 * What a tooltip or the popup shows for one annotation: a plain view model
 * built from the dataset, shared by every UI. Pure; no DOM.
 */
import type { Dataset, Fact, Kind, Source, Status } from './schema';

export interface SourceView {
  id: string;
  publisher: string;
  title: string;
  date: string;
  kind: Source['kind'];
  /** The source's own URL when known, else a web search for its title (opened only if the reader clicks). */
  href: string;
  searchOnly: boolean;
}

export interface FigureView {
  /** e.g. "up to $20 billion". */
  value: string;
  asOf: string;
  status: Status;
}

export interface Explanation {
  entryId: string;
  kind: Kind;
  title: string;
  body: string;
  /** Terms: what the term means for this deal. */
  deal?: string;
  /** Conflicts and caveats: the page's own words. */
  says?: string;
  /** What the record says. */
  record?: string;
  /** Why the page's wording misleads or needs context. */
  why?: string;
  /** Facts: the verified figure. */
  figure?: FigureView;
  /** Superseded facts: what is true now ("since then"). */
  since: { title: string; value?: string }[];
  caveats: { title: string; body: string }[];
  sources: SourceView[];
}

const UNIT_FORMAT: Record<string, (v: number) => string> = {
  usd: (v) => money(v),
  gw: (v) => `${trim(v)} GW`,
  years: (v) => `${trim(v)} ${v === 1 ? 'year' : 'years'}`,
  months: (v) => `${trim(v)} ${v === 1 ? 'month' : 'months'}`,
  percent: (v) => `${trim(v)}%`,
  count: (v) => v.toLocaleString('en-US'),
};

const QUALIFIER_WORDS: Record<Fact['qualifier'], string> = {
  exact: '',
  'up-to': 'up to ',
  'more-than': 'more than ',
  'at-least': 'at least ',
  about: 'about ',
  'less-than': 'less than ',
};

function trim(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(2)));
}

function money(v: number): string {
  if (v >= 1e12) return `$${trim(v / 1e12)} trillion`;
  if (v >= 1e9) return `$${trim(v / 1e9)} billion`;
  if (v >= 1e6) return `$${trim(v / 1e6)} million`;
  return `$${v.toLocaleString('en-US')}`;
}

/** "up to $20 billion", "more than 100,000". */
export function formatFact(f: Pick<Fact, 'value' | 'unit' | 'qualifier'>): string | undefined {
  if (f.value === null || f.unit === null) return undefined;
  return QUALIFIER_WORDS[f.qualifier] + (UNIT_FORMAT[f.unit]?.(f.value) ?? String(f.value));
}

export function searchUrl(s: Pick<Source, 'title' | 'publisher'>): string {
  return `https://duckduckgo.com/?q=${encodeURIComponent(`"${s.title}" ${s.publisher}`)}`;
}

export function sourceView(s: Source): SourceView {
  return { id: s.id, publisher: s.publisher, title: s.title, date: s.date, kind: s.kind, href: s.url ?? searchUrl(s), searchOnly: !s.url };
}

/** Index of a dataset by id, built once. */
export function indexDataset(ds: Dataset) {
  return {
    sources: new Map(ds.sources.map((x) => [x.id, x])),
    terms: new Map(ds.terms.map((x) => [x.id, x])),
    facts: new Map(ds.facts.map((x) => [x.id, x])),
    caveats: new Map(ds.caveats.map((x) => [x.id, x])),
    conflicts: new Map(ds.conflicts.map((x) => [x.id, x])),
  };
}
export type DatasetIndex = ReturnType<typeof indexDataset>;

export interface ExplainInput {
  entryId: string;
  kind: Kind;
  factId?: string;
  /** The page's exact words for this annotation. */
  text?: string;
}

/** Build the explanation for one annotation; unknown ids give a neutral placeholder rather than throwing. */
export function explain(ix: DatasetIndex, a: ExplainInput): Explanation {
  const sources = (ids: readonly string[]) => unique(ids).flatMap((id) => (ix.sources.has(id) ? [sourceView(ix.sources.get(id)!)] : []));
  const caveatsOf = (ids: readonly string[]) => unique(ids).flatMap((id) => (ix.caveats.has(id) ? [{ title: ix.caveats.get(id)!.title, body: ix.caveats.get(id)!.body }] : []));
  const sinceOf = (f: Fact) => f.supersededBy.flatMap((id) => (ix.facts.has(id) ? [{ title: ix.facts.get(id)!.title, value: formatFact(ix.facts.get(id)!) }] : []));
  const base = { entryId: a.entryId, kind: a.kind, since: [] as Explanation['since'], caveats: [] as Explanation['caveats'] };

  const term = ix.terms.get(a.entryId);
  if (term) return { ...base, title: term.title, body: term.body, deal: term.deal, caveats: caveatsOf(term.caveats), sources: sources(term.sources) };

  const fact = ix.facts.get(a.entryId);
  if (fact) {
    const value = formatFact(fact);
    return {
      ...base,
      title: fact.title,
      body: fact.body,
      says: a.text,
      figure: value ? { value, asOf: fact.asOf, status: fact.status } : undefined,
      since: sinceOf(fact),
      caveats: caveatsOf(fact.caveats),
      sources: sources(fact.sources),
    };
  }

  const caveat = ix.caveats.get(a.entryId);
  if (caveat) {
    const fact = a.factId ? ix.facts.get(a.factId) : undefined;
    const value = fact && formatFact(fact);
    return {
      ...base,
      title: caveat.title,
      body: caveat.body,
      says: a.text,
      figure: fact && value ? { value, asOf: fact.asOf, status: fact.status } : undefined,
      sources: sources([...caveat.sources, ...(fact?.sources ?? [])]),
    };
  }

  const rule = ix.conflicts.get(a.entryId);
  if (rule) {
    const facts = unique([...(a.factId ? [a.factId] : []), ...rule.facts]).flatMap((id) => (ix.facts.has(id) ? [ix.facts.get(id)!] : []));
    const first = facts[0];
    const value = first && formatFact(first);
    return {
      ...base,
      title: rule.title,
      body: rule.body,
      says: a.text,
      record: rule.record,
      why: rule.why,
      figure: first && value ? { value, asOf: first.asOf, status: first.status } : undefined,
      caveats: caveatsOf(facts.flatMap((f) => f.caveats)),
      sources: sources([...rule.sources, ...facts.flatMap((f) => f.sources)]),
    };
  }

  return { ...base, title: a.entryId, body: '', sources: [] };
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
