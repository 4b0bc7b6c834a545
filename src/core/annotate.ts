/**
 * Turns block scans into annotations: figures judged against the record,
 * claim phrases, and terms; overlaps resolved by priority (conflict > caveat >
 * fact > term, then leftmost-longest).
 */
import type { Compiled } from './compile';
import type { Kind } from './schema';
import type { Annotation } from './types';
import { markersNear, type BlockScan } from './scan';
import { judgeFigure } from './link';
import { sentenceAt } from './sentences';

const PRIORITY: Record<Kind, number> = { conflict: 3, caveat: 2, fact: 1, term: 0 };

/** Figure-level results, also used by the page decision. */
export interface FigureLink {
  block: number;
  start: number;
  end: number;
  fact: number;
  kind: Exclude<Kind, 'term'>;
  entryId: string;
  stated: string;
}

/** Parties named last before each block: a sentence naming nobody belongs to them. */
export function carriedParties(c: Compiled, scans: readonly BlockScan[]): string[][] {
  let last: string[] = [...c.dealParties];
  return scans.map((scan) => {
    const here = last;
    for (let s = scan.parties.length - 1; s >= 0; s--) {
      const strong = scan.parties[s]!.filter((p) => !p.weak).map((p) => p.key);
      if (strong.length) {
        last = [...new Set(strong)];
        break;
      }
    }
    return here;
  });
}

export function linkFigures(c: Compiled, scans: readonly BlockScan[], date: string, carried: readonly string[][]): FigureLink[] {
  const out: FigureLink[] = [];
  scans.forEach((scan, block) => {
    for (const fig of scan.figures) {
      const s = sentenceAt(scan.sentences, fig.start);
      const j = judgeFigure(c, scan, fig, s, date, carried[block] ?? c.dealParties);
      if (j.verdict === 'none') continue;
      const fact = c.facts[j.fact]!;
      const stated = scan.text.slice(fig.spanStart, fig.end);
      if (j.verdict === 'match') {
        const caveat = fact.caveats[0];
        out.push({ block, start: fig.spanStart, end: fig.end, fact: j.fact, kind: caveat ? 'caveat' : 'fact', entryId: caveat ?? fact.id, stated });
      } else {
        const rule = (j.verdict === 'qualifier' ? c.qualifierRules : c.valueRules).get(j.fact)!;
        out.push({ block, start: fig.spanStart, end: fig.end, fact: j.fact, kind: rule.verdict, entryId: rule.id, stated });
      }
    }
  });
  return out;
}

/** Claim phrases whose subject is in the same sentence and that nothing cancels. */
export function phraseAnnotations(c: Compiled, scans: readonly BlockScan[], date: string): Annotation[] {
  const out: Annotation[] = [];
  const judged = date >= c.dataset.story.announced;
  scans.forEach((scan, block) => {
    scan.bySentence.forEach((hits, s) => {
      const near = new Set<number>();
      const unless = new Set<number>();
      for (const h of hits) {
        if (h.payload.t === 'near') near.add(h.payload.rule);
        else if (h.payload.t === 'unless') unless.add(h.payload.rule);
      }
      for (const h of hits) {
        if (h.payload.t !== 'phrase') continue;
        const rule = c.rules[h.payload.rule]!;
        if (rule.match.type !== 'phrase') continue;
        if (rule.match.near.length && !near.has(h.payload.rule)) continue;
        if (unless.has(h.payload.rule)) continue;
        // claims about the 2026 deal are judged only on pages written after it
        if (!judged) continue;
        if (rule.verdict === 'conflict' && markersNear(scan, s, h.start).has('negation')) continue;
        out.push({ block, start: h.start, end: h.end, entryId: rule.id, kind: rule.verdict, factId: rule.facts[0], stated: scan.text.slice(h.start, h.end) });
      }
    });
  });
  return out;
}

export function termAnnotations(scans: readonly BlockScan[]): Annotation[] {
  const out: Annotation[] = [];
  scans.forEach((scan, block) => {
    for (const h of scan.hits) if (h.payload.t === 'term') out.push({ block, start: h.start, end: h.end, entryId: h.payload.id, kind: 'term' });
  });
  return out;
}

/** Highest priority first, then leftmost-longest; no two annotations overlap. */
export function resolveOverlaps(all: Annotation[]): Annotation[] {
  const byBlock = new Map<number, Annotation[]>();
  for (const a of all) {
    if (a.end <= a.start) continue;
    let list = byBlock.get(a.block);
    if (!list) byBlock.set(a.block, (list = []));
    list.push(a);
  }
  const out: Annotation[] = [];
  for (const list of byBlock.values()) {
    list.sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || a.start - b.start || b.end - a.end);
    const kept: Annotation[] = [];
    for (const a of list) if (kept.every((k) => a.end <= k.start || a.start >= k.end)) kept.push(a);
    out.push(...kept);
  }
  return out.sort((a, b) => a.block - b.block || a.start - b.start);
}
