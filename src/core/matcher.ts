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

/** Raw UTF-16 units below this bound get their class cached in a table, filled as they are seen. */
const TABLE_SIZE = 0x3100;
/** A table slot not filled yet. */
const UNKNOWN = 255;
const SPACE = 32;
const RING = 256; // longer than any pattern
/** Shared by every call: findAll is synchronous and never re-entered. */
const RING_BUFFER = new Int32Array(RING);

function foldCode(c: number): number {
  return foldChar(String.fromCharCode(c), true).charCodeAt(0);
}

export class Matcher<P> {
  /** Folded char code → alphabet class (0: a character no pattern uses). */
  private readonly classOfFolded = new Map<number, number>();
  /**
   * Raw char code → alphabet class, for codes below TABLE_SIZE: folding (quotes,
   * dashes, spaces, case) is done once per distinct character a page uses, not
   * for the whole table up front, and nothing at all is computed at load time.
   */
  private readonly rawClass = new Uint8Array(TABLE_SIZE).fill(UNKNOWN);
  /** Complete transition table (failure links folded in): state × classes + class → state. */
  private delta: Uint16Array | Int32Array = new Uint16Array(0);
  private classes = 1;
  private readonly spaceClass: number;
  private readonly outs: Out<P>[][] = [[]];
  /** 1 where a state has outputs: the hot loop reads a typed array, not the outs array. */
  private hasOut: Uint8Array = new Uint8Array(1);
  private states = 1;
  readonly size: number;

  constructor(patterns: readonly Pattern<P>[]) {
    // white space always has a class of its own: runs of it collapse to one
    this.spaceClass = this.classFor(SPACE, true);
    const keys: { key: string; raw: string; p: Pattern<P>; prefix: boolean }[] = [];
    let chars = 0;
    for (const p of patterns) {
      const prefix = p.text.endsWith('*');
      const raw = prefix ? p.text.slice(0, -1) : p.text;
      const key = foldPhrase(raw, true);
      if (!key || key.length >= RING) continue;
      for (let k = 0; k < key.length; k++) this.classFor(key.charCodeAt(k), true);
      keys.push({ key, raw, p, prefix });
      chars += key.length;
    }
    // the trie, in a table of (at most) one row per pattern character: state × classes + class → child (0: none)
    const K = this.classes;
    const trie = new Int32Array((chars + 1) * K);
    for (const { key, raw, p, prefix } of keys) {
      let s = 0;
      for (let k = 0; k < key.length; k++) {
        const at = s * K + this.classFor(key.charCodeAt(k));
        let t = trie[at]!;
        if (t === 0) {
          t = trie[at] = this.states++;
          this.outs.push([]);
        }
        s = t;
      }
      this.outs[s]!.push({ len: key.length, payload: p.payload, exact: p.exact ? foldPhrase(raw, false) : null, prefix });
    }
    this.size = keys.length;
    this.buildTable(trie);
  }

  /** The alphabet class of a folded code; `add` gives a new code its own class. */
  private classFor(folded: number, add = false): number {
    let k = this.classOfFolded.get(folded);
    if (k === undefined && add) {
      if (this.classes >= UNKNOWN) throw new Error(`matcher alphabet too large (${this.classes} classes)`);
      this.classOfFolded.set(folded, (k = this.classes++));
    }
    return k ?? 0;
  }

  /** The class of a raw char code (cached below TABLE_SIZE). */
  private rawClassOf(u: number): number {
    if (u >= TABLE_SIZE) return this.classFor(foldCode(u));
    const k = this.classFor(foldCode(u));
    this.rawClass[u] = k;
    return k;
  }

  /** Aho–Corasick failure links, folded into the trie's table so matching never follows a link. */
  private buildTable(trie: Int32Array): void {
    const K = this.classes;
    const n = this.states;
    const fail = new Int32Array(n);
    // breadth first: a state's failure state is complete before the state itself
    const queue = new Int32Array(n);
    let tail = 0;
    for (let k = 0; k < K; k++) if (trie[k]) queue[tail++] = trie[k]!;
    for (let head = 0; head < tail; head++) {
      const s = queue[head]!;
      const f = fail[s]!;
      const row = s * K;
      const frow = f * K;
      for (let k = 0; k < K; k++) {
        const t = trie[row + k]!;
        if (t) {
          fail[t] = trie[frow + k]!;
          queue[tail++] = t;
        } else trie[row + k] = trie[frow + k]!;
      }
      const inherited = this.outs[f]!;
      if (inherited.length) this.outs[s] = this.outs[s]!.concat(inherited);
    }
    this.delta = n < 65536 ? Uint16Array.from(trie.subarray(0, n * K)) : trie.slice(0, n * K);
    this.hasOut = new Uint8Array(n);
    for (let s = 0; s < n; s++) this.hasOut[s] = this.outs[s]!.length ? 1 : 0;
  }

  /** Every match in `text`, in order of end offset. */
  findAll(text: string): Hit<P>[] {
    const hits: Hit<P>[] = [];
    // ring[k % RING] = text offset of the k-th folded unit fed to the automaton
    const ring = RING_BUFFER;
    const delta = this.delta;
    const rawClass = this.rawClass;
    const hasOut = this.hasOut;
    const K = this.classes;
    const spaceClass = this.spaceClass;
    let fed = 0;
    let s = 0;
    let prevSpace = true;
    for (let i = 0, n = text.length; i < n; i++) {
      const u = text.charCodeAt(i);
      let k = u < TABLE_SIZE ? rawClass[u]! : UNKNOWN;
      if (k === UNKNOWN) k = this.rawClassOf(u);
      const space = k === spaceClass;
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
