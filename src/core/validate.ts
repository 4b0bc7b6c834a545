/**
 * Validation of a story folder beyond shape: every problem is reported with the
 * file, the entry id and the field, so a broken data file names itself.
 */
import { z } from 'zod';
import { DATA_FILES, Dataset, Story, Source, Term, Fact, Caveat, ConflictRule } from './schema';

export interface DataProblem {
  file: string;
  entry: string;
  field: string;
  message: string;
}

export class DataError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(`invalid dataset:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'DataError';
  }
}

export function formatProblem(p: DataProblem): string {
  return `  ${p.file}: entry "${p.entry}", field "${p.field}": ${p.message}`;
}

const ENTRY_SCHEMAS = { sources: Source, terms: Term, facts: Fact, caveats: Caveat, conflicts: ConflictRule } as const;

type FileName = keyof typeof DATA_FILES;

/**
 * Validate the parsed JSON of one story folder.
 * @param files parsed contents by file name (`facts.json` …); a missing file is a problem.
 * @param today the build's date, YYYY-MM-DD: no date may be later.
 * @param folder shown in front of file names.
 */
export function validateStory(files: Partial<Record<FileName, unknown>>, today: string, folder = ''): Dataset {
  const problems: DataProblem[] = [];
  const out: Record<string, unknown> = {};
  const prefix = folder ? `${folder.replace(/\/$/, '')}/` : '';

  for (const [file, key] of Object.entries(DATA_FILES) as [FileName, keyof Dataset][]) {
    const raw = files[file];
    const name = prefix + file;
    if (raw === undefined) {
      problems.push({ file: name, entry: '-', field: '-', message: 'file is missing' });
      continue;
    }
    if (key === 'story') {
      const r = Story.safeParse(raw);
      if (r.success) out.story = r.data;
      else problems.push(...zodProblems(name, idOf(raw, 'story'), r.error));
      continue;
    }
    if (!Array.isArray(raw)) {
      problems.push({ file: name, entry: '-', field: '-', message: 'must be a JSON array of entries' });
      continue;
    }
    const schema = ENTRY_SCHEMAS[key as keyof typeof ENTRY_SCHEMAS];
    const good: unknown[] = [];
    raw.forEach((item, i) => {
      const r = schema.safeParse(item);
      if (r.success) good.push(r.data);
      else problems.push(...zodProblems(name, idOf(item, `#${i}`), r.error));
    });
    out[key] = good;
  }
  if (problems.length) throw new DataError(problems);

  const ds = out as Dataset;
  problems.push(...crossCheck(ds, today, prefix));
  if (problems.length) throw new DataError(problems);
  return Dataset.parse(ds);
}

function idOf(item: unknown, fallback: string): string {
  if (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string') return (item as { id: string }).id;
  return fallback;
}

function zodProblems(file: string, entry: string, err: z.ZodError): DataProblem[] {
  return err.issues.map((iss) => ({
    file,
    entry,
    field: iss.path.length ? iss.path.join('.') : '-',
    message: iss.message,
  }));
}

function crossCheck(ds: Dataset, today: string, prefix: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const where = new Map<string, string>();
  const add = (file: string, id: string) => {
    const prev = where.get(id);
    if (prev) problems.push({ file: prefix + file, entry: id, field: 'id', message: `duplicate id (also in ${prev})` });
    else where.set(id, prefix + file);
  };
  ds.sources.forEach((e) => add('sources.json', e.id));
  ds.terms.forEach((e) => add('terms.json', e.id));
  ds.facts.forEach((e) => add('facts.json', e.id));
  ds.caveats.forEach((e) => add('caveats.json', e.id));
  ds.conflicts.forEach((e) => add('conflicts.json', e.id));

  const ids = (xs: { id: string }[]) => new Set(xs.map((x) => x.id));
  const sources = ids(ds.sources);
  const facts = ids(ds.facts);
  const terms = ids(ds.terms);
  const caveats = ids(ds.caveats);
  const conflicts = ids(ds.conflicts);
  const parties = new Set(Object.keys(ds.story.parties));

  const ref = (file: string, entry: string, field: string, value: string, pool: Set<string>, what: string) => {
    if (!pool.has(value)) problems.push({ file: prefix + file, entry, field, message: `"${value}" is not a known ${what}` });
  };
  const date = (file: string, entry: string, field: string, value: string | undefined) => {
    if (value && value > today) problems.push({ file: prefix + file, entry, field, message: `date ${value} is after the build date ${today}` });
  };

  ds.story.dealParties.forEach((p, i) => ref('story.json', ds.story.id, `dealParties.${i}`, p, parties, 'party'));
  date('story.json', ds.story.id, 'announced', ds.story.announced);
  for (const s of ds.sources) date('sources.json', s.id, 'date', s.date);
  for (const t of ds.terms) {
    t.sources.forEach((s, i) => ref('terms.json', t.id, `sources.${i}`, s, sources, 'source'));
    t.caveats.forEach((c, i) => ref('terms.json', t.id, `caveats.${i}`, c, caveats, 'caveat'));
    if (!t.forms.length && !t.exactForms.length) problems.push({ file: prefix + 'terms.json', entry: t.id, field: 'forms', message: 'needs at least one surface form' });
  }
  for (const f of ds.facts) {
    f.sources.forEach((s, i) => ref('facts.json', f.id, `sources.${i}`, s, sources, 'source'));
    f.caveats.forEach((c, i) => ref('facts.json', f.id, `caveats.${i}`, c, caveats, 'caveat'));
    f.supersededBy.forEach((c, i) => ref('facts.json', f.id, `supersededBy.${i}`, c, facts, 'fact'));
    f.parties.forEach((p, i) => ref('facts.json', f.id, `parties.${i}`, p, parties, 'party'));
    if (f.conflict) ref('facts.json', f.id, 'conflict', f.conflict, conflicts, 'conflict rule');
    date('facts.json', f.id, 'asOf', f.asOf);
    date('facts.json', f.id, 'validFrom', f.validFrom);
    if ((f.value === null) !== (f.unit === null)) problems.push({ file: prefix + 'facts.json', entry: f.id, field: 'unit', message: 'value and unit must both be set or both be null' });
    if (f.value !== null && !f.cues) problems.push({ file: prefix + 'facts.json', entry: f.id, field: 'cues', message: 'a fact with a figure needs cues to tie page figures to it' });
    if (f.recheckAfter && f.recheckAfter <= f.asOf) problems.push({ file: prefix + 'facts.json', entry: f.id, field: 'recheckAfter', message: `must come after asOf (${f.asOf})` });
    if (f.status === 'superseded' && !f.validUntil) problems.push({ file: prefix + 'facts.json', entry: f.id, field: 'validUntil', message: 'a superseded fact needs the last day it was current' });
  }
  for (const c of ds.caveats) {
    c.sources.forEach((s, i) => ref('caveats.json', c.id, `sources.${i}`, s, sources, 'source'));
    c.appliesTo.forEach((a, i) => {
      if (!facts.has(a) && !terms.has(a)) problems.push({ file: prefix + 'caveats.json', entry: c.id, field: `appliesTo.${i}`, message: `"${a}" is not a known fact or term` });
    });
    date('caveats.json', c.id, 'asOf', c.asOf);
  }
  for (const r of ds.conflicts) {
    r.sources.forEach((s, i) => ref('conflicts.json', r.id, `sources.${i}`, s, sources, 'source'));
    r.facts.forEach((s, i) => ref('conflicts.json', r.id, `facts.${i}`, s, facts, 'fact'));
    if (r.match.type === 'figure') ref('conflicts.json', r.id, 'match.fact', r.match.fact, facts, 'fact');
    if (r.recheckAfter && r.match.type === 'figure') problems.push({ file: prefix + 'conflicts.json', entry: r.id, field: 'recheckAfter', message: "a figure rule follows its fact's recheckAfter; set it on the fact" });
    if (r.recheckAfter && r.recheckAfter <= r.asOf) problems.push({ file: prefix + 'conflicts.json', entry: r.id, field: 'recheckAfter', message: `must come after asOf (${r.asOf})` });
    date('conflicts.json', r.id, 'asOf', r.asOf);
  }
  return problems;
}
