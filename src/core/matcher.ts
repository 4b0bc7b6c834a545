/**
 * One Aho–Corasick automaton over every phrase the engine looks for (term
 * forms, party names, cue words, claim phrases), built once per dataset and
 * run once per block. Matching is case-insensitive and folds quotes, dashes
 * and runs of white space; matches must start and end on word boundaries
 * (a pattern ending in `*` may end mid-word: `invest*`). Patterns marked
 * exact must also match the page's letter case ("AWS" but not "aws").
 *
 * Hot path: transitions live in one Map keyed by state × 65536 + folded char
 * code, folding is a table lookup, and the offsets needed to find where a
 * match began sit in a small ring buffer, so a pass allocates only its hits.
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

/** Folded code of every UTF-16 unit below this bound, precomputed. */
const TABLE_SIZE = 0x3100;
const FOLD = (() => {
  const t = new Uint16Array(TABLE_SIZE);
  for (let i = 0; i < TABLE_SIZE; i++) t[i] = foldChar(String.fromCharCode(i), true).charCodeAt(0);
  return t;
})();
const SPACE = 32;
const RING = 256; // longer than any pattern
/** Shared by every call: findAll is synchronous and never re-entered. */
const RING_BUFFER = new Int32Array(RING);

function foldCode(c: number): number {
  return c < TABLE_SIZE ? FOLD[c]! : foldChar(String.fromCharCode(c), true).charCodeAt(0);
}

export class Matcher<P> {
  private readonly next = new Map<number, number>();
  private fail: Int32Array = new Int32Array(1);
  private readonly outs: Out<P>[][] = [[]];
  private states = 1;
  readonly size: number;

  constructor(patterns: readonly Pattern<P>[]) {
    let n = 0;
    for (const p of patterns) {
      const prefix = p.text.endsWith('*');
      const raw = prefix ? p.text.slice(0, -1) : p.text;
      const key = foldPhrase(raw, true);
      if (!key || key.length >= RING) continue;
      let s = 0;
      for (let k = 0; k < key.length; k++) {
        const code = key.charCodeAt(k);
        let t = this.next.get(s * 65536 + code);
        if (t === undefined) {
          t = this.states++;
          this.outs.push([]);
          this.next.set(s * 65536 + code, t);
        }
        s = t;
      }
      this.outs[s]!.push({ len: key.length, payload: p.payload, exact: p.exact ? foldPhrase(raw, false) : null, prefix });
      n++;
    }
    this.size = n;
    this.buildFailureLinks();
  }

  private buildFailureLinks(): void {
    const children: [number, number][][] = Array.from({ length: this.states }, () => []);
    for (const [k, t] of this.next) children[Math.floor(k / 65536)]!.push([k % 65536, t]);
    this.fail = new Int32Array(this.states);
    const queue: number[] = children[0]!.map(([, t]) => t);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      for (const [c, t] of children[s]!) {
        queue.push(t);
        let f = this.fail[s]!;
        while (f && !this.next.has(f * 65536 + c)) f = this.fail[f]!;
        const g = this.next.get(f * 65536 + c);
        this.fail[t] = g !== undefined && g !== t ? g : 0;
        const inherited = this.outs[this.fail[t]!]!;
        if (inherited.length) this.outs[t] = this.outs[t]!.concat(inherited);
      }
    }
  }

  /** Every match in `text`, in order of end offset. */
  findAll(text: string): Hit<P>[] {
    const hits: Hit<P>[] = [];
    // ring[k % RING] = text offset of the k-th folded unit fed to the automaton
    const ring = RING_BUFFER;
    let fed = 0;
    let s = 0;
    let prevSpace = true;
    const next = this.next;
    const fail = this.fail;
    for (let i = 0; i < text.length; i++) {
      const c = foldCode(text.charCodeAt(i));
      if (c === SPACE) {
        if (prevSpace) continue;
        prevSpace = true;
      } else prevSpace = false;
      ring[fed % RING] = i;
      fed++;
      let t = next.get(s * 65536 + c);
      while (t === undefined && s) {
        s = fail[s]!;
        t = next.get(s * 65536 + c);
      }
      s = t ?? 0;
      const outs = this.outs[s]!;
      if (!outs.length) continue;
      for (const o of outs) {
        const start = ring[(fed - o.len) % RING]!;
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
