/**
 * The facts ledger (../shared/DEAL-FACTS.md) and the dataset stay in step:
 * every table row and every claim item of the ledger is listed in
 * test/fixtures/ledger-map.json with the entries that represent it, and every
 * listed entry exists. The ledger is parsed here, so a row added to it
 * without an entry fails this test.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDefaultDataset } from '../../../src/node/load-dataset';

const ROOT = process.cwd();
const LEDGER = resolve(ROOT, '..', 'shared', 'DEAL-FACTS.md');
const CLAIMS = 'Claims in the seeds that need a caveat or are wrong';
const SOURCES = 'Primary sources named by the seeds';

interface LedgerItem {
  section: string;
  row: string;
  kind: 'table' | 'claim';
}

interface MapRow {
  section: string;
  row: string;
  ids: string[];
}

/** Table rows keyed by their first cell, claim items by the quoted claim and its seed. */
function parseLedger(md: string): { items: LedgerItem[]; sourceTitles: string[] } {
  const items: LedgerItem[] = [];
  const sourceTitles: string[] = [];
  let section = '';
  for (const line of md.split('\n')) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      section = heading[1]!.trim();
      continue;
    }
    if (line.startsWith('|')) {
      const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
      if (cells.every((c) => /^-+$/.test(c)) || cells[0] === 'fact') continue; // separator, header
      items.push({ section, row: cells[0]!, kind: 'table' });
      continue;
    }
    if (section === CLAIMS) {
      const claim = /^- (.*?\(\d{3}\)):/.exec(line);
      if (claim) items.push({ section, row: claim[1]!, kind: 'claim' });
    }
    if (section.startsWith(SOURCES)) {
      const title = /^- [^"]*"([^"]+)"/.exec(line);
      if (title) sourceTitles.push(title[1]!);
    }
  }
  return { items, sourceTitles };
}

function readLedger(): string {
  if (!existsSync(LEDGER)) throw new Error(`the facts ledger is missing: expected it at ${LEDGER} (../shared/DEAL-FACTS.md next to the repository)`);
  return readFileSync(LEDGER, 'utf8');
}

const map: MapRow[] = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'ledger-map.json'), 'utf8')).rows;
const ds = loadDefaultDataset(ROOT);
const kindOf = new Map<string, string>();
for (const [kind, list] of [['source', ds.sources], ['term', ds.terms], ['fact', ds.facts], ['caveat', ds.caveats], ['conflict', ds.conflicts]] as const) {
  for (const e of list) kindOf.set(e.id, kind);
}

describe('facts ledger ↔ dataset', () => {
  it('finds the ledger and reads its rows and claims', () => {
    const { items } = parseLedger(readLedger());
    // the ledger has three tables and a claims list: an empty parse means the format changed
    expect(items.filter((i) => i.kind === 'table').length).toBeGreaterThanOrEqual(20);
    expect(items.filter((i) => i.kind === 'claim').length).toBeGreaterThanOrEqual(10);
  });

  it('lists every ledger row and claim in the map', () => {
    const { items } = parseLedger(readLedger());
    const missing = items.filter((i) => !map.some((m) => m.section === i.section && m.row === i.row));
    expect(missing.map((i) => `${i.section}: ${i.row}`)).toEqual([]);
  });

  it('lists nothing the ledger does not have, and nothing twice', () => {
    const { items } = parseLedger(readLedger());
    const stale = map.filter((m) => !items.some((i) => i.section === m.section && i.row === m.row));
    expect(stale.map((m) => `${m.section}: ${m.row}`)).toEqual([]);
    const keys = map.map((m) => `${m.section}\u0000${m.row}`);
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('maps each row only to entries that exist', () => {
    const unknown = map.flatMap((m) => m.ids.filter((id) => !kindOf.has(id)).map((id) => `${m.row} → ${id}`));
    expect(unknown).toEqual([]);
    expect(map.filter((m) => m.ids.length === 0).map((m) => m.row)).toEqual([]);
  });

  it('represents every table row by at least one fact', () => {
    const { items } = parseLedger(readLedger());
    const rows = map.filter((m) => items.some((i) => i.kind === 'table' && i.section === m.section && i.row === m.row));
    expect(rows.filter((m) => !m.ids.some((id) => kindOf.get(id) === 'fact')).map((m) => m.row)).toEqual([]);
  });

  it('represents every claim by a conflict rule the engine can apply', () => {
    const { items } = parseLedger(readLedger());
    const claims = map.filter((m) => items.some((i) => i.kind === 'claim' && i.section === m.section && i.row === m.row));
    // "Amazon invested $50 billion in OpenAI" is true as a figure: the ledger wants a caveat at most, never a rule
    const noRule = claims.filter((m) => !m.ids.some((id) => kindOf.get(id) === 'conflict' || kindOf.get(id) === 'caveat'));
    expect(noRule.map((m) => m.row)).toEqual([]);
    const ruled = claims.filter((m) => m.ids.some((id) => kindOf.get(id) === 'conflict'));
    expect(ruled.length).toBeGreaterThanOrEqual(claims.length - 1);
  });

  it('cites every primary source the ledger names', () => {
    const { sourceTitles } = parseLedger(readLedger());
    expect(sourceTitles.length).toBeGreaterThanOrEqual(5);
    const have = ds.sources.map((s) => s.title);
    expect(sourceTitles.filter((t) => !have.some((h) => h.startsWith(t)))).toEqual([]);
  });
});
