/**
 * One Aho–Corasick automaton over every phrase the engine looks for (term
 * forms, party names, cue words, claim phrases), built once per dataset and
 * run once per block. Matching is case-insensitive and folds quotes, dashes
 * and runs of white space; matches must start and end on word boundaries
 * (a pattern ending in `*` may end mid-word: `invest*`). Patterns marked
 * exact must also match the page's letter case ("AWS" but not "aws").
 */
import { foldChar, foldPhrase, isWordChar } from './normalize';

export interface Pattern<P> {
  text: string;
  payload: P;
  exact?: boolean;
}

export interface Hit<P> {
  start: number;
  end: number;
  payload: P;
}

interface Out<P> {
  len: number; // length of the folded pattern (spaces collapsed)
  payload: P;
  exact: string | null; // folded with case kept, for exact patterns
  prefix: boolean;
}

export class Matcher<P> {
  private readonly next: Map<string, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private readonly outs: Out<P>[][] = [[]];
  readonly size: number;

  constructor(patterns: readonly Pattern<P>[]) {
    let n = 0;
    for (const p of patterns) {
      const prefix = p.text.endsWith('*');
      const raw = prefix ? p.text.slice(0, -1) : p.text;
      const key = foldPhrase(raw, true);
      if (!key) continue;
      let s = 0;
      for (const ch of key) {
        // iterate UTF-16 units so offsets stay units
        for (let k = 0; k < ch.length; k++) {
          const c = ch[k]!;
          let t = this.next[s]!.get(c);
          if (t === undefined) {
            t = this.next.length;
            this.next.push(new Map());
            this.fail.push(0);
            this.outs.push([]);
            this.next[s]!.set(c, t);
          }
          s = t;
        }
      }
      this.outs[s]!.push({ len: key.length, payload: p.payload, exact: p.exact ? foldPhrase(raw, false) : null, prefix });
      n++;
    }
    this.size = n;
    // breadth-first failure links
    const queue: number[] = [];
    for (const t of this.next[0]!.values()) queue.push(t);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      for (const [c, t] of this.next[s]!) {
        queue.push(t);
        let f = this.fail[s]!;
        while (f && !this.next[f]!.has(c)) f = this.fail[f]!;
        const g = this.next[f]!.get(c);
        this.fail[t] = g !== undefined && g !== t ? g : 0;
        const inherited = this.outs[this.fail[t]!]!;
        if (inherited.length) this.outs[t] = this.outs[t]!.concat(inherited);
      }
    }
  }

  /** Every match in `text`, in order of end offset. */
  findAll(text: string): Hit<P>[] {
    const hits: Hit<P>[] = [];
    // positions[k] = text offset of the k-th folded unit fed to the automaton
    const positions: number[] = [];
    let s = 0;
    let prevSpace = true;
    for (let i = 0; i < text.length; i++) {
      const c = foldChar(text[i]!, true);
      if (c === ' ') {
        if (prevSpace) continue;
        prevSpace = true;
      } else prevSpace = false;
      positions.push(i);
      while (s && !this.next[s]!.has(c)) s = this.fail[s]!;
      s = this.next[s]!.get(c) ?? 0;
      const outs = this.outs[s]!;
      if (!outs.length) continue;
      for (const o of outs) {
        const start = positions[positions.length - o.len]!;
        const end = i + 1;
        if (isWordChar(text, start - 1) && isWordChar(text, start)) continue;
        if (!o.prefix && isWordChar(text, end) && isWordChar(text, end - 1)) continue;
        if (o.exact !== null && foldPhrase(text.slice(start, end), false) !== o.exact) continue;
        hits.push({ start, end, payload: o.payload });
      }
    }
    return hits;
  }
}

/** Keep the leftmost-longest of overlapping hits. */
export function leftmostLongest<P>(hits: readonly Hit<P>[]): Hit<P>[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit<P>[] = [];
  let reach = -1;
  for (const h of sorted) {
    if (h.start >= reach) {
      out.push(h);
      reach = h.end;
    }
  }
  return out;
}
