/**
 * Compiles a dataset into the engine's lookup tables: one automaton over every
 * phrase (terms, parties, deal words, fact cues, claim phrases, markers) and
 * per-fact arrays. Built once per dataset (per page load in the browser).
 */
import type { ConflictRule, Dataset, Fact } from './schema';
import { Matcher, type Pattern } from './matcher';

export type Payload =
  | { t: 'term'; id: string; subject: boolean }
  | { t: 'party'; key: string; weak: boolean }
  | { t: 'descriptor'; key: string }
  | { t: 'deal' }
  | { t: 'cue'; cues: readonly Cue[] }
  | { t: 'phrase'; rule: number }
  | { t: 'near'; rule: number }
  | { t: 'unless'; rule: number }
  | { t: 'owner'; rule: number }
  | { t: 'marker'; m: Marker };

/** One fact's use of a cue word; all facts using the same word share one automaton pattern. */
export interface Cue {
  fact: number;
  role: 'topic' | 'boost' | 'not';
  /** 1 / number of facts of the same unit that use the word as a topic */
  spec: number;
}

/** Words that make a sentence unsafe to flag: looking back, hedging, or denying. */
export type Marker = 'past' | 'hedge' | 'negation' | 'reported';

const MARKERS: Record<Marker, string[]> = {
  past: [
    'ago', 'previously', 'previous', 'prior to', 'earlier', 'formerly', 'once', 'last year', 'back in', 'at the time was',
    'in 2019', 'in 2020', 'in 2021', 'in 2022', 'in 2023', 'in 2024', 'in 2025', 'since 2023', 'in early 2025', 'in late 2025',
    'was valued', 'had been', 'first round', 'used to',
  ],
  hedge: [
    'could', 'might', 'may', 'would', 'if', 'whether', 'reportedly', 'rumored', 'rumoured', 'speculat*', 'potentially',
    'projected', 'forecast*', 'predict*', 'expects', 'expected to', 'aims to', 'hopes', 'in talks', 'considering', 'proposed', 'reports that', 'offering',
    'targeting', 'targets', 'seeking', 'seeks', 'looking to', 'plans to', 'planning to', 'estimate*',
    'bear case', 'bull case', 'base case', 'worst case', 'best case', 'scenario*', 'had the pledge', 'had the deal',
    'had amazon', 'had anthropic', 'had it been', 'had they', 'what if', 'hypothetical*', 'in that case',
  ],
  reported: [
    'claimed', 'claims that', 'claim that', 'alleged', 'allegedly', 'asserted', 'told readers', 'some reported', 'was reported', 'were reported',
    'some have said', 'critics say', 'critics said', 'erroneously', 'mistakenly', 'misstated', 'misstating', 'misquoted', 'rumour', 'rumor',
    'an earlier version', 'correction', 'corrected', 'we reported', 'it was said', 'according to some', 'suggested that', 'insisted',
    'reports said', 'reports say', 'some reports', 'reported that', 'media reports', 'it has been reported', 'rumoured', 'rumored',
    'making the rounds', 'doing the rounds', 'circulating', 'has circulated', 'floated', 'some put', 'others put',
    'anyone who tells you', 'anyone who says', 'anyone who claims', 'those who say', 'people who say', 'if you hear', 'if you read',
    'you may have heard', 'you may have read', 'you might have heard', 'you might have read',
    'who describe', 'who described', 'who call', 'who called', 'who claim', 'who say', 'who said', 'critics who',
    'described', 'describe it as', 'labeled', 'labelled', 'which said', 'we said', 'we wrote', 'we stated', 'we referred',
    'we described', 'we called', 'told the committee', 'told lawmakers', 'told legislators', 'told senators', 'told mps',
    'testified', 'argued', 'argues that', 'quoted as', 'as though', 'as if', 'tells you', 'told you', 'would have you believe',
    'headlines that', 'any headline', 'called the', 'called it', 'calls it', 'calls the', 'early reports', 'reports gave',
    'reports put', 'reports had', 'investors assume', 'investors assumed', 'markets assume', 'the market assumes', 'many assume',
    'some assume', 'people assume', 'readers assume', 'widely assumed', 'commonly assumed', 'often assumed', 'assume that',
    'assumes that', 'assumed that', 'assuming',
  ],
  negation: ['not', "isn't", "wasn't", "aren't", "doesn't", "didn't", 'never', 'rather than', 'instead of', 'incorrectly', 'wrongly', 'falsely', 'misreported', 'contrary to', 'no longer', 'nor', 'rather', 'nothing', 'neither', 'none of', 'nobody', 'no one'],
};

export interface Compiled {
  dataset: Dataset;
  matcher: Matcher<Payload>;
  facts: Fact[];
  rules: ConflictRule[];
  /** fact index → figure rules guarding it */
  valueRules: Map<number, ConflictRule>;
  qualifierRules: Map<number, ConflictRule>;
  /** parties whose mention tells whose figure it is */
  suitors: Set<string>;
  dealParties: readonly [string, string];
  factIndex: Map<string, number>;
}

export function compile(dataset: Dataset): Compiled {
  const patterns: Pattern<Payload>[] = [];
  const add = (text: string, payload: Payload, exact = false) => patterns.push({ text, payload, exact });
  for (const t of dataset.terms) {
    for (const f of t.forms) add(f, { t: 'term', id: t.id, subject: t.subject });
    for (const f of t.exactForms) add(f, { t: 'term', id: t.id, subject: t.subject }, true);
  }
  for (const [key, p] of Object.entries(dataset.story.parties)) {
    for (const f of p.forms) add(f, { t: 'party', key, weak: isWeakPartyForm(f) });
    for (const f of p.exactForms) add(f, { t: 'party', key, weak: false }, true);
    for (const f of p.descriptors) add(f, { t: 'descriptor', key });
  }
  for (const w of dataset.story.dealWords) add(w, { t: 'deal' });
  const factIndex = new Map<string, number>();
  // a topic word shared by many facts of one unit says little about which one is meant
  const shared = new Map<string, number>();
  const key = (unit: string | null, w: string) => `${unit}|${w.toLowerCase()}`;
  for (const f of dataset.facts) for (const w of new Set(f.cues?.topic ?? [])) shared.set(key(f.unit, w), (shared.get(key(f.unit, w)) ?? 0) + 1);
  const cueWords = new Map<string, { text: string; cues: Cue[] }>();
  const addCue = (w: string, cue: Cue) => {
    const k = w.toLowerCase();
    const entry = cueWords.get(k) ?? { text: w, cues: [] };
    entry.cues.push(cue);
    cueWords.set(k, entry);
  };
  dataset.facts.forEach((f, i) => {
    factIndex.set(f.id, i);
    if (!f.cues) return;
    for (const w of f.cues.topic) addCue(w, { fact: i, role: 'topic', spec: 1 / (shared.get(key(f.unit, w)) ?? 1) });
    for (const w of f.cues.boost) addCue(w, { fact: i, role: 'boost', spec: 1 });
    for (const w of f.cues.not) addCue(w, { fact: i, role: 'not', spec: 1 });
  });
  for (const { text, cues } of cueWords.values()) add(text, { t: 'cue', cues });
  const valueRules = new Map<number, ConflictRule>();
  const qualifierRules = new Map<number, ConflictRule>();
  dataset.conflicts.forEach((r, i) => {
    if (r.match.type === 'phrase') {
      for (const p of r.match.phrases) add(p, { t: 'phrase', rule: i });
      for (const p of r.match.near) add(p, { t: 'near', rule: i });
      for (const p of r.match.unless) add(p, { t: 'unless', rule: i });
      for (const p of r.match.owners) add(p, { t: 'owner', rule: i });
    } else {
      const fi = factIndex.get(r.match.fact);
      if (fi !== undefined) (r.match.on === 'qualifier' ? qualifierRules : valueRules).set(fi, r);
    }
  });
  // a fact may also name its rule directly
  dataset.facts.forEach((f, i) => {
    if (!f.conflict) return;
    const r = dataset.conflicts.find((c) => c.id === f.conflict);
    if (!r) return;
    const on = r.match.type === 'figure' ? r.match.on : 'value';
    const map = on === 'qualifier' ? qualifierRules : valueRules;
    if (!map.has(i)) map.set(i, r);
  });
  for (const [m, words] of Object.entries(MARKERS) as [Marker, string[]][]) for (const w of words) add(w, { t: 'marker', m });

  // every named company can own a figure: Nvidia's $10 billion is no more Amazon's than Microsoft's is
  const suitors = new Set<string>(Object.keys(dataset.story.parties));
  return {
    dataset,
    matcher: new Matcher(patterns),
    facts: dataset.facts,
    rules: dataset.conflicts,
    valueRules,
    qualifierRules,
    suitors,
    dealParties: dataset.story.dealParties,
    factIndex,
  };
}

/** A party name that alone does not prove the company is meant ("Claude" the painter, "Prime"). */
export function isWeakPartyForm(form: string): boolean {
  return /^(?:claude|prime|alexa|gemini|bard)$/i.test(form.trim());
}
