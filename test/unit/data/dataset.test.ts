/**
 * The bundled dataset: the real one validates cleanly and meets the issue's
 * floors; its wording is plain text and our own; its cross-links agree; and
 * deliberately broken copies fail — through validateStory, loadStory and the
 * build — with the file, the entry id and the field named.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { DataError, validateStory } from '../../../src/core/validate';
import { DATA_FILES } from '../../../src/core/schema';
import { DEFAULT_STORY, loadStory, todayIso } from '../../../src/node/load-dataset';

const ROOT = process.cwd();
const STORY_DIR = join(ROOT, 'data', DEFAULT_STORY);
const SEEDS = resolve(ROOT, '..', 'shared', 'seeds');
const today = todayIso();

type Json = Record<string, any>;
const readFiles = (dir: string): Record<string, unknown> =>
  Object.fromEntries(Object.keys(DATA_FILES).map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]));

const ds = loadStory(STORY_DIR, today, ROOT);

/** Every reader-facing text of every entry, with where it comes from. */
function texts(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const add = (where: string, text: string | undefined) => text !== undefined && out.push({ where, text });
  add('story.title', ds.story.title);
  add('story.body', ds.story.body);
  for (const [kind, list] of [['terms', ds.terms], ['facts', ds.facts], ['caveats', ds.caveats], ['conflicts', ds.conflicts]] as const) {
    for (const e of list as Json[]) {
      for (const field of ['title', 'body', 'deal', 'record', 'why']) add(`${kind}/${e.id}.${field}`, e[field]);
    }
  }
  return out;
}

describe('the real dataset', () => {
  it('validates with no problems', () => {
    expect(() => validateStory(readFiles(STORY_DIR), today, 'data/' + DEFAULT_STORY)).not.toThrow();
  });

  it('meets the floors: 20 terms, 30 facts, 10 caveats, 12 conflict rules', () => {
    expect(ds.terms.length).toBeGreaterThanOrEqual(20);
    expect(ds.facts.length).toBeGreaterThanOrEqual(30);
    expect(ds.caveats.length).toBeGreaterThanOrEqual(10);
    expect(ds.conflicts.length).toBeGreaterThanOrEqual(12);
  });

  it('writes titles and bodies as short plain text', () => {
    const bad = texts().filter(({ where, text }) => /<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i.test(text) || (where.endsWith('.title') && text.length > 60) || text.split(/\s+/).length > 70);
    expect(bad.map((b) => b.where)).toEqual([]);
  });

  it('uses its own wording: no eight-word run copied from a seed article', () => {
    if (!existsSync(SEEDS)) throw new Error(`seed articles missing: expected them at ${SEEDS}`);
    const words = (s: string) => s.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[\p{L}\p{N}$%.']+/gu) ?? [];
    const grams = new Set<string>();
    for (const f of readdirSync(SEEDS)) {
      const w = words(readFileSync(join(SEEDS, f), 'utf8'));
      for (let i = 0; i + 8 <= w.length; i++) grams.add(w.slice(i, i + 8).join(' '));
    }
    const copied = texts().filter(({ text }) => {
      const w = words(text);
      for (let i = 0; i + 8 <= w.length; i++) if (grams.has(w.slice(i, i + 8).join(' '))) return true;
      return false;
    });
    expect(copied.map((c) => `${c.where}: ${c.text}`)).toEqual([]);
  });

  it('keeps caveat links consistent in both directions', () => {
    // a caveat qualifies what lists it, and everything it qualifies lists it
    const listed = new Set<string>();
    for (const e of [...ds.facts, ...ds.terms]) for (const c of e.caveats) listed.add(`${c}>${e.id}`);
    const applies = new Set<string>();
    for (const c of ds.caveats) for (const a of c.appliesTo) applies.add(`${c.id}>${a}`);
    expect([...listed].filter((x) => !applies.has(x))).toEqual([]);
    expect([...applies].filter((x) => !listed.has(x))).toEqual([]);
  });

  it('guards each figure rule from its fact, and only facts with a figure', () => {
    const seen = new Set<string>();
    for (const r of ds.conflicts) {
      if (r.match.type !== 'figure') continue;
      const fact = ds.facts.find((f) => f.id === (r.match as { fact: string }).fact)!;
      expect(fact.value, r.id).not.toBeNull();
      // a fact has at most one rule on its value and one on its qualifier; its own `conflict` names one of them
      const key = `${fact.id}:${r.match.on}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      expect(fact.conflict, r.id).toBeDefined();
    }
    for (const f of ds.facts.filter((x) => x.conflict)) {
      const r = ds.conflicts.find((c) => c.id === f.conflict)!;
      expect(r.match.type === 'figure' && r.match.fact, f.id).toBe(f.id);
    }
  });

  it('puts wildcards only at the end of cue words', () => {
    const bad = ds.facts.flatMap((f) => [...(f.cues?.topic ?? []), ...(f.cues?.boost ?? []), ...(f.cues?.not ?? [])].filter((w) => w.slice(0, -1).includes('*')).map((w) => `${f.id}: ${w}`));
    expect(bad).toEqual([]);
  });

  it('tells apart facts with the same figure by their cues or their parties', () => {
    const clash: string[] = [];
    const figures = ds.facts.filter((f) => f.value !== null && f.cues);
    for (let i = 0; i < figures.length; i++) {
      for (let j = i + 1; j < figures.length; j++) {
        const a = figures[i]!;
        const b = figures[j]!;
        if (a.unit !== b.unit || a.value !== b.value) continue;
        const shared = a.cues!.topic.filter((w) => b.cues!.topic.includes(w));
        const sameParties = a.parties.join() === b.parties.join();
        if (shared.length && sameParties) clash.push(`${a.id} / ${b.id}: ${shared.join(', ')}`);
      }
    }
    expect(clash).toEqual([]);
  });

  it('dates superseded facts and points them at what replaced them', () => {
    const superseded = ds.facts.filter((f) => f.status === 'superseded');
    expect(superseded.length).toBeGreaterThanOrEqual(1);
    for (const f of superseded) {
      expect(f.validFrom && f.validUntil && f.validFrom <= f.validUntil, f.id).toBe(true);
      expect(f.supersededBy.length, f.id).toBeGreaterThan(0);
    }
  });

  it('cites the five seed articles as sources, without invented URLs', () => {
    const seeds = ds.sources.filter((s) => /^seed-00[0-4]$/.test(s.id));
    expect(seeds.map((s) => s.id).sort()).toEqual(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']);
    expect(seeds.every((s) => s.kind === 'analysis' || s.kind === 'press')).toBe(true);
    expect(seeds.find((s) => s.id === 'seed-002')!.publisher).toBe('TechVisor');
    expect(ds.sources.filter((s) => s.url !== undefined).map((s) => s.id)).toEqual([]);
  });
});

// ---------- broken copies ----------

interface Breakage {
  name: string;
  file: string;
  entry: string;
  field: string;
  message: RegExp;
  /** Mutates the parsed JSON of `file` (or returns raw text to write instead). */
  apply: (data: any) => any;
}

const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

const BREAKAGES: Breakage[] = [
  {
    name: 'duplicate id',
    file: 'facts.json',
    entry: 'trainium',
    field: 'id',
    message: /duplicate id \(also in .*terms\.json\)/,
    // a fact reusing a term's id: the later file reports it
    apply: (facts) => [...facts, { ...facts.find((f: Json) => f.id === 'compute-capacity-5gw'), id: 'trainium' }],
  },
  {
    name: 'dangling source reference',
    file: 'facts.json',
    entry: 'amazon-investment-now-5b',
    field: 'sources.0',
    message: /"no-such-source" is not a known source/,
    apply: (facts) => facts.map((f: Json) => (f.id === 'amazon-investment-now-5b' ? { ...f, sources: ['no-such-source'] } : f)),
  },
  {
    name: 'impossible date',
    file: 'caveats.json',
    entry: 'total-33b-ceiling',
    field: 'asOf',
    message: /not a real calendar date/,
    apply: (cs) => cs.map((c: Json) => (c.id === 'total-33b-ceiling' ? { ...c, asOf: '2026-02-30' } : c)),
  },
  {
    name: 'HTML in a body',
    file: 'terms.json',
    entry: 'trainium',
    field: 'body',
    message: /plain text/,
    apply: (terms) => terms.map((t: Json) => (t.id === 'trainium' ? { ...t, body: 'Amazon\'s <b>AI chip</b> family.' } : t)),
  },
  {
    name: 'recheck date before the record',
    file: 'facts.json',
    entry: 'anthropic-valuation-380b',
    field: 'recheckAfter',
    message: /must come after asOf/,
    apply: (facts) => facts.map((f: Json) => (f.id === 'anthropic-valuation-380b' ? { ...f, recheckAfter: '2020-01-01' } : f)),
  },
  {
    name: 'fact without sources',
    file: 'facts.json',
    entry: 'run-rate-30b',
    field: 'sources',
    message: /at least one source/,
    apply: (facts) => facts.map((f: Json) => (f.id === 'run-rate-30b' ? { ...f, sources: [] } : f)),
  },
  {
    name: 'invalid JSON',
    file: 'conflicts.json',
    entry: '-',
    field: '-',
    message: /not valid JSON/,
    apply: () => '[ { "id": "valuation-not-380b", ',
  },
  {
    name: 'date in the future',
    file: 'sources.json',
    entry: 'ap-2026-04-21',
    field: 'date',
    message: /after the build date/,
    apply: (ss) => ss.map((s: Json) => (s.id === 'ap-2026-04-21' ? { ...s, date: tomorrow } : s)),
  },
];

const tmpRoots: string[] = [];
afterAll(() => {
  for (const d of tmpRoots) rmSync(d, { recursive: true, force: true });
});

/** A data root holding one copy of the story with `b` applied; returns the root and the story folder. */
function brokenCopy(b: Breakage): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'deal-lens-data-'));
  tmpRoots.push(root);
  const dir = join(root, DEFAULT_STORY);
  cpSync(STORY_DIR, dir, { recursive: true });
  const path = join(dir, b.file);
  const out = b.apply(JSON.parse(readFileSync(path, 'utf8')));
  writeFileSync(path, typeof out === 'string' ? out : JSON.stringify(out, null, 2));
  return { root, dir };
}

/** The one line a problem is reported on, in validate.ts's format. */
const lineFor = (b: Breakage) => new RegExp(`${b.file.replace('.', '\\.')}: entry "${b.entry}", field "${b.field.replace('.', '\\.')}": .*${b.message.source}`);

describe.each(BREAKAGES)('a copy with $name', (b) => {
  const { root, dir } = brokenCopy(b);

  it('is rejected by validateStory with file, entry and field', () => {
    if (b.file === 'conflicts.json' && b.entry === '-') {
      // unparsable JSON never reaches validateStory: the loader reports it (next test)
      expect(() => JSON.parse(readFileSync(join(dir, b.file), 'utf8'))).toThrow();
      return;
    }
    let err: unknown;
    try {
      validateStory(readFiles(dir), today, DEFAULT_STORY);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    const problems = (err as DataError).problems;
    expect(problems.some((p) => p.file === `${DEFAULT_STORY}/${b.file}` && p.entry === b.entry && p.field === b.field && b.message.test(p.message)), JSON.stringify(problems)).toBe(true);
  });

  it('is rejected by loadStory naming file, entry and field', () => {
    expect(() => loadStory(dir, today, root)).toThrow(lineFor(b));
  });

  it('fails the build with the same message', () => {
    const out = 'dist-data-broken';
    const r = spawnSync(process.execPath, ['build.mjs', '--data', root, '--outdir', out, '--quiet'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    rmSync(join(ROOT, out), { recursive: true, force: true });
    expect(r.status, r.stdout + r.stderr).not.toBe(0);
    expect(r.stderr).toMatch(/build failed/);
    expect(r.stderr).toMatch(lineFor(b));
  }, 60_000);
});

describe('build.mjs --outdir', () => {
  it('writes to an absolute folder where it says, not under the project root', () => {
    const out = mkdtempSync(join(tmpdir(), 'deal-lens-out-'));
    try {
      const r = spawnSync(process.execPath, ['build.mjs', '--outdir', out, '--quiet'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(existsSync(join(out, 'chrome', 'manifest.json'))).toBe(true);
      expect(existsSync(join(out, 'firefox', 'manifest.json'))).toBe(true);
      expect(existsSync(join(ROOT, out))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
