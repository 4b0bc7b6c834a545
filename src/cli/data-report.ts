/**
 * npm run data:report
 *
 * What the dataset holds and what it covers: counts by kind and status, the
 * facts ledger's rows and the entries that stand for them, and, by running the
 * engine over the five seed fixtures, which seed sentences each entry explains.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../core/engine';
import { loadDefaultDataset } from '../node/load-dataset';
import { scanPage } from '../node/scan-page';

const root = process.cwd();

function count<T>(xs: readonly T[], key: (x: T) => string): string {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
}

/** The ledger map as [row, ids] pairs, whichever of the two shapes the file uses. */
function ledgerRows(raw: unknown): [string, string[]][] {
  if (Array.isArray(raw)) {
    return raw.map((r: Record<string, unknown>) => [String(r.row ?? r.key ?? r.item ?? r.ledger ?? '?'), (r.ids ?? r.entries ?? []) as string[]]);
  }
  if (raw && typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    const inner = (o.rows ?? o.items ?? o) as Record<string, unknown> | unknown[];
    if (Array.isArray(inner)) return ledgerRows(inner);
    return Object.entries(inner).flatMap(([k, v]) => (Array.isArray(v) ? [[k, v as string[]] as [string, string[]]] : []));
  }
  return [];
}

function main(): number {
  let ds;
  try {
    ds = loadDefaultDataset(root);
  } catch (e) {
    console.error(`data:report: ${(e as Error).message}`);
    return 1;
  }
  const ids = new Set([...ds.terms, ...ds.facts, ...ds.caveats, ...ds.conflicts, ...ds.sources].map((x) => x.id));
  console.log(`# Dataset: ${ds.story.title}\n`);
  console.log(`terms ${ds.terms.length} · facts ${ds.facts.length} · caveats ${ds.caveats.length} · conflict rules ${ds.conflicts.length} · sources ${ds.sources.length}`);
  console.log(`facts by status: ${count(ds.facts, (f) => f.status)}`);
  console.log(`facts by scope: ${count(ds.facts, (f) => f.scope)}`);
  console.log(`caveats by status: ${count(ds.caveats, (c) => c.status ?? 'unset')}`);
  console.log(`rules by verdict: ${count(ds.conflicts, (r) => r.verdict)} · by match: ${count(ds.conflicts, (r) => r.match.type)}`);
  console.log(`sources by kind: ${count(ds.sources, (s) => s.kind)}\n`);

  const mapPath = join(root, 'test', 'fixtures', 'ledger-map.json');
  if (existsSync(mapPath)) {
    const rows = ledgerRows(JSON.parse(readFileSync(mapPath, 'utf8')));
    const missing = rows.flatMap(([, xs]) => xs.filter((x) => !ids.has(x)));
    console.log(`## Ledger rows (${rows.length}; ${missing.length ? `unknown ids: ${missing.join(', ')}` : 'every id resolves'})`);
    for (const [row, xs] of rows) console.log(`- ${row}\n    → ${xs.join(', ') || '(none)'}`);
    console.log('');
  } else console.log(`(no ledger map at ${mapPath})\n`);

  const dir = join(root, 'test', 'fixtures', 'seeds');
  const seeds = existsSync(dir) ? readdirSync(dir).filter((f) => /^seed-.*\.html$/.test(f)).sort() : [];
  if (!seeds.length) {
    console.log('(no seed fixtures found)');
    return 0;
  }
  const engine = createEngine(ds);
  const cover = new Map<string, Set<string>>();
  console.log('## Seeds');
  for (const f of seeds) {
    const page = scanPage(engine, f, readFileSync(join(dir, f), 'utf8'));
    console.log(`- ${f}: about=${page.about} score=${page.score}; ${count(page.annotations, (a) => a.kind) || 'no annotations'}`);
    for (const a of page.annotations) {
      let set = cover.get(a.id);
      if (!set) cover.set(a.id, (set = new Set()));
      set.add(`${f}: ${a.context.length > 140 ? a.context.slice(0, 137) + '…' : a.context}`);
    }
  }
  console.log('\n## Seed sentences each entry explains');
  const all = [...ds.facts, ...ds.caveats, ...ds.conflicts, ...ds.terms];
  for (const e of all) {
    const hits = cover.get(e.id);
    if (!hits) continue;
    console.log(`- ${e.id} (${hits.size})`);
    for (const h of [...hits].slice(0, 4)) console.log(`    ${h}`);
    if (hits.size > 4) console.log(`    … ${hits.size - 4} more`);
  }
  const unused = all.filter((e) => !cover.has(e.id)).map((e) => e.id);
  console.log(`\n## Entries no seed sentence triggers (${unused.length})\n${unused.join(', ')}`);
  return 0;
}

process.exitCode = main();
