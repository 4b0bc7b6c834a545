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
 * next state from a transition table (states × classes, 16-bit) whose cells
 * are filled on first use by following failure links once, so the build stays
 * small and repeated text never walks a failure chain. The offsets needed to
 * find where a match began sit in a small ring buffer, so a pass allocates
 * only its hits.
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
/** Characters a reader does not see inside a word: a soft hyphen, zero-width spaces and joiners ("Anthro\u00adpic"). */
const IGNORED = 254;
const isIgnorable = (u: number) => u === 0xad || (u >= 0x200b && u <= 0x200d) || u === 0x2060 || u === 0xfeff;
const SPACE = 32;
const RING = 256; // longer than any pattern
/** Shared by every call: findAll is synchronous and never re-entered. */
const RING_BUFFER = new Int32Array(RING);

function foldCode(c: number): number {
  return foldChar(String.fromCharCode(c), true).charCodeAt(0);
}

export class Matcher<P> {
  /** Folded char code → alphabet class (0: a character no pattern uses). */
  private readonly classOfFolded = new Uint8Array(0x10000);
  /**
   * Raw char code → alphabet class, for codes below TABLE_SIZE: folding (quotes,
   * dashes, spaces, case) is done once per distinct character a page uses, not
   * for the whole table up front, and nothing at all is computed at load time.
   */
  private readonly rawClass = new Uint8Array(TABLE_SIZE).fill(UNKNOWN);
  /** The trie: state × classes + class → child state (0: none; the root is nobody's child). */
  private goto: Uint16Array | Int32Array = new Uint16Array(0);
  /** Aho–Corasick failure link of each state. */
  private fail: Int32Array = new Int32Array(1);
  /**
   * The automaton's full transition table, filled on first use of each cell
   * (UNSET until then): matching follows failure links once per (state, class)
   * a page actually meets, and a page load never pays for the ~150,000 cells
   * a complete table has (building it took 10 ms of a cold first pass).
   */
  private delta: Uint16Array | Int32Array = new Uint16Array(0);
  private unset = 0xffff;
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
    const wide = chars + 1 >= 0xffff;
    const trie = wide ? new Int32Array((chars + 1) * K) : new Uint16Array((chars + 1) * K);
    // each state's parent and class, and its depth: the failure links are made in order of depth
    const parent = new Int32Array(chars + 1);
    const via = new Int32Array(chars + 1);
    const depth = new Int32Array(chars + 1);
    for (const { key, raw, p, prefix } of keys) {
      let s = 0;
      for (let k = 0; k < key.length; k++) {
        const cls = this.classFor(key.charCodeAt(k));
        const at = s * K + cls;
        let t = trie[at]!;
        if (t === 0) {
          t = trie[at] = this.states++;
          parent[t] = s;
          via[t] = cls;
          depth[t] = k + 1;
          this.outs.push([]);
        }
        s = t;
      }
      this.outs[s]!.push({ len: key.length, payload: p.payload, exact: p.exact ? foldPhrase(raw, false) : null, prefix });
    }
    this.size = keys.length;
    const n = this.states;
    this.goto = trie.slice(0, n * K);
    this.linkFailures(parent, via, depth);
    this.unset = wide ? -1 : 0xffff;
    this.delta = (wide ? new Int32Array(n * K) : new Uint16Array(n * K)).fill(this.unset);
    this.hasOut = new Uint8Array(n);
    for (let st = 0; st < n; st++) this.hasOut[st] = this.outs[st]!.length ? 1 : 0;
  }

  /** The alphabet class of a folded code; `add` gives a new code its own class. */
  private classFor(folded: number, add = false): number {
    const k = this.classOfFolded[folded]!;
    if (k !== 0 || !add) return k;
    if (this.classes >= IGNORED) throw new Error(`matcher alphabet too large (${this.classes} classes)`);
    this.classOfFolded[folded] = this.classes;
    return this.classes++;
  }

  /** The class of a raw char code (cached below TABLE_SIZE). */
  private rawClassOf(u: number): number {
    const k = isIgnorable(u) ? IGNORED : this.classFor(foldCode(u));
    if (u < TABLE_SIZE) this.rawClass[u] = k;
    return k;
  }

  /** Failure links, shallow states first (a counting sort by depth), and the outputs they inherit. */
  private linkFailures(parent: Int32Array, via: Int32Array, depth: Int32Array): void {
    const K = this.classes;
    const n = this.states;
    const goto = this.goto;
    const fail = (this.fail = new Int32Array(n));
    let maxDepth = 0;
    for (let t = 1; t < n; t++) if (depth[t]! > maxDepth) maxDepth = depth[t]!;
    const start = new Int32Array(maxDepth + 2);
    for (let t = 1; t < n; t++) start[depth[t]! + 1]!++;
    for (let d = 1; d <= maxDepth + 1; d++) start[d]! += start[d - 1]!;
    const order = new Int32Array(n);
    for (let t = 1; t < n; t++) order[start[depth[t]!]!++] = t;
    for (let i = 0; i < n - 1; i++) {
      const t = order[i]!;
      const p = parent[t]!;
      if (p === 0) continue; // depth 1: fails to the root
      const k = via[t]!;
      let f = fail[p]!;
      while (f !== 0 && goto[f * K + k] === 0) f = fail[f]!;
      fail[t] = goto[f * K + k]!;
      const inherited = this.outs[fail[t]!]!;
      if (inherited.length) this.outs[t] = this.outs[t]!.concat(inherited);
    }
  }

  /** The automaton's move from `s` on class `k`, through failure links; remembered in `delta`. */
  private step(s: number, k: number): number {
    const K = this.classes;
    const goto = this.goto;
    let x = s;
    let t = goto[x * K + k]!;
    while (t === 0 && x !== 0) {
      x = this.fail[x]!;
      t = goto[x * K + k]!;
    }
    this.delta[s * K + k] = t;
    return t;
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
    const unset = this.unset;
    let fed = 0;
    let s = 0;
    let prevSpace = true;
    for (let i = 0, n = text.length; i < n; i++) {
      const u = text.charCodeAt(i);
      let k = u < TABLE_SIZE ? rawClass[u]! : UNKNOWN;
      if (k === UNKNOWN) k = this.rawClassOf(u);
      if (k === IGNORED) continue;
      const space = k === spaceClass;
      if (space) {
        if (prevSpace) continue;
        prevSpace = true;
      } else prevSpace = false;
      ring[fed & (RING - 1)] = i;
      fed++;
      const t = delta[s * K + k]!;
      s = t === unset ? this.step(s, k) : t;
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
