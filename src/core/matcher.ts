/**
 * One Aho–Corasick automaton over every phrase the engine looks for (term
 * forms, party names, cue words, claim phrases), built once per dataset and
 * run once per block. Matching is case-insensitive and folds quotes, dashes
 * and runs of white space; matches must start and end on word boundaries
 * (a pattern ending in `*` may end mid-word: `invest*`). Patterns marked
 * exact must also match the page's letter case ("AWS" but not "aws").
 *
 * Hot path: one table lookup folds a character into its alphabet class (the
 * ~40 characters the patterns use, and "anything else"), one more gives the
 * next state: the failure links are folded into a complete transition table
 * at build time (states × classes, 16-bit), so matching never walks a failure
 * chain. The offsets needed to find where a match began sit in a small ring
 * buffer, so a pass allocates only its hits.
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
  /** Folded char code → alphabet class (0: a character no pattern uses), for codes below TABLE_SIZE. */
  private readonly classOf = new Uint8Array(TABLE_SIZE);
  /** The same for folded codes above the table (rare: CJK, symbols). */
  private readonly classOfWide = new Map<number, number>();
  /** Complete transition table (failure links folded in): state × classes + class → state. */
  private delta: Uint16Array | Int32Array = new Uint16Array(0);
  private classes = 1;
  private readonly outs: Out<P>[][] = [[]];
  /** 1 where a state has outputs: the hot loop reads a typed array, not the outs array. */
  private hasOut: Uint8Array = new Uint8Array(1);
  private states = 1;
  readonly size: number;

  constructor(patterns: readonly Pattern<P>[]) {
    // the trie, keyed by state × 65536 + folded code while it is built
    const goto = new Map<number, number>();
    const keys: string[] = [];
    let n = 0;
    for (const p of patterns) {
      const prefix = p.text.endsWith('*');
      const raw = prefix ? p.text.slice(0, -1) : p.text;
      const key = foldPhrase(raw, true);
      if (!key || key.length >= RING) continue;
      keys.push(key);
      let s = 0;
      for (let k = 0; k < key.length; k++) {
        const code = key.charCodeAt(k);
        this.classFor(code, true);
        let t = goto.get(s * 65536 + code);
        if (t === undefined) {
          t = this.states++;
          this.outs.push([]);
          goto.set(s * 65536 + code, t);
        }
        s = t;
      }
      this.outs[s]!.push({ len: key.length, payload: p.payload, exact: p.exact ? foldPhrase(raw, false) : null, prefix });
      n++;
    }
    this.size = n;
    this.buildTable(goto);
  }

  /** The alphabet class of a folded code; `add` gives a new code its own class. */
  private classFor(code: number, add = false): number {
    if (code < TABLE_SIZE) {
      if (!this.classOf[code] && add) this.classOf[code] = this.classes++;
      return this.classOf[code]!;
    }
    let k = this.classOfWide.get(code);
    if (k === undefined && add) this.classOfWide.set(code, (k = this.classes++));
    return k ?? 0;
  }

  /** Aho–Corasick failure links, folded into a complete table so matching never follows a link. */
  private buildTable(goto: Map<number, number>): void {
    const K = this.classes;
    if (K > 255) throw new Error(`matcher alphabet too large (${K} classes)`);
    const children: [number, number][][] = Array.from({ length: this.states }, () => []);
    for (const [key, t] of goto) children[Math.floor(key / 65536)]!.push([this.classFor(key % 65536), t]);
    const delta = this.states < 65536 ? new Uint16Array(this.states * K) : new Int32Array(this.states * K);
    const fail = new Int32Array(this.states);
    // breadth first: a state's failure state is complete before the state itself
    const queue: number[] = [];
    for (const [k, t] of children[0]!) {
      delta[k] = t;
      queue.push(t);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      const f = fail[s]!;
      const row = s * K;
      delta.set(delta.subarray(f * K, f * K + K), row);
      for (const [k, t] of children[s]!) {
        fail[t] = delta[f * K + k]!;
        delta[row + k] = t;
        queue.push(t);
      }
      const inherited = this.outs[f]!;
      if (inherited.length) this.outs[s] = this.outs[s]!.concat(inherited);
    }
    this.delta = delta;
    this.hasOut = new Uint8Array(this.states);
    for (let s = 0; s < this.states; s++) this.hasOut[s] = this.outs[s]!.length ? 1 : 0;
  }

  /** Every match in `text`, in order of end offset. */
  findAll(text: string): Hit<P>[] {
    const hits: Hit<P>[] = [];
    // ring[k % RING] = text offset of the k-th folded unit fed to the automaton
    const ring = RING_BUFFER;
    const delta = this.delta;
    const classOf = this.classOf;
    const hasOut = this.hasOut;
    const K = this.classes;
    const spaceClass = classOf[SPACE]!;
    let fed = 0;
    let s = 0;
    let prevSpace = true;
    for (let i = 0, n = text.length; i < n; i++) {
      const u = text.charCodeAt(i);
      let k: number;
      let space: boolean;
      if (u < TABLE_SIZE) {
        k = classOf[FOLD[u]!]!;
        space = k === spaceClass && FOLD[u] === SPACE;
      } else {
        const c = foldCode(u);
        k = this.classFor(c);
        space = c === SPACE;
      }
      if (space) {
        if (prevSpace) continue;
        prevSpace = true;
      } else prevSpace = false;
      ring[fed & (RING - 1)] = i;
      fed++;
      s = delta[s * K + k]!;
      if (hasOut[s] === 0) continue;
      for (const o of this.outs[s]!) {
        const start = ring[(fed - o.len) & (RING - 1)]!;
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
