/**
 * The pages `npm run bench` measures: the largest real news pages of the shared
 * corpus (none about the deal), the five seed fixtures, and a long synthetic page
 * of ~20 deal articles built from the seeds. Also the batch of deal paragraphs
 * the incremental benchmark appends.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchPage {
  name: string;
  group: 'real' | 'seed' | 'synthetic';
  html: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Scripts, refreshes and base URLs out: the page stays still while it is measured. */
function still(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<meta[^>]+http-equiv\s*=\s*["']?refresh[^>]*>/gi, '')
    .replace(/<base\b[^>]*>/gi, '');
}

/** The `count` largest pages of corpus/real by text_chars. */
export function realPages(corpusDir: string, count: number): BenchPage[] {
  const rows = readFileSync(join(corpusDir, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const head = rows[0]!.split('\t');
  const fileCol = head.indexOf('file');
  const charsCol = head.indexOf('text_chars');
  return rows
    .slice(1)
    .map((r) => r.split('\t'))
    .map((c) => ({ file: c[fileCol]!, chars: Number(c[charsCol]) }))
    .sort((a, b) => b.chars - a.chars)
    .slice(0, count)
    .map(({ file }) => ({ name: file.replace(/\.html?$/, ''), group: 'real' as const, html: still(readFileSync(join(corpusDir, file), 'utf8')) }));
}

/** Non-empty lines of a seed text. */
function seedLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

export interface SeedText {
  name: string;
  lines: string[];
}

export function seedTexts(seedsDir: string): SeedText[] {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), lines: seedLines(readFileSync(join(seedsDir, f), 'utf8')) }));
}

const PUBLISHED = '2026-04-22T09:00:00Z';

function articleDoc(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>` +
    `<meta property="article:published_time" content="${PUBLISHED}"></head><body>${body}</body></html>`
  );
}

/**
 * The seed fixtures test/fixtures/seeds/seed-00*.html when they exist; else the
 * seed texts, one <p> per line (the first line as the headline).
 */
export function seedPages(repoRoot: string, seeds: SeedText[]): { pages: BenchPage[]; from: string } {
  const dir = join(repoRoot, 'test/fixtures/seeds');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^seed-00\d.*\.html$/.test(f)).sort() : [];
  if (files.length >= 5) {
    return { pages: files.slice(0, 5).map((f) => ({ name: f.replace(/\.html$/, ''), group: 'seed' as const, html: still(readFileSync(join(dir, f), 'utf8')) })), from: 'test/fixtures/seeds/seed-00*.html' };
  }
  const pages = seeds.slice(0, 5).map((s, i) => {
    const [first = '', ...rest] = s.lines;
    const body = `<main><article><h1>${esc(first)}</h1>${rest.map((l) => `<p>${esc(l)}</p>`).join('')}</article></main>`;
    return { name: `seed-00${i}`, group: 'seed' as const, html: articleDoc(first, body) };
  });
  return { pages, from: 'shared/seeds/*.txt wrapped in <p> (fixtures not there yet)' };
}

/** A paragraph with the inline markup news sites use: the first party name linked, the first dollar figure in bold. */
function richParagraph(line: string): string {
  let out = esc(line);
  out = out.replace(/\b(Anthropic|Amazon)\b/, '<a href="#company">$1</a>');
  out = out.replace(/(\$\d+(?:\.\d+)?)\s?(billion|bn|B)\b/, '<strong>$1 $2</strong>');
  return `<p>${out}</p>`;
}

/**
 * ~20 deal articles on one page (a live blog / topic page): each article a run of
 * one seed's paragraphs (rotating seeds and starting points), with page chrome
 * around (nav, sidebar, footer). Aims at 80–100k characters.
 */
export function syntheticPage(seeds: SeedText[], articles = 20, perArticle = 4400): BenchPage {
  const nav = `<header><nav><ul>${['World', 'Business', 'Markets', 'Technology', 'Opinion', 'Video'].map((s) => `<li><a href="#${s}">${s}</a></li>`).join('')}</ul></nav></header>`;
  const parts: string[] = [];
  for (let i = 0; i < articles; i++) {
    const seed = seeds[i % seeds.length]!;
    const body = seed.lines.slice(1);
    const start = Math.floor(i / seeds.length) * 7;
    const paras: string[] = [];
    let chars = 0;
    for (let k = 0; chars < perArticle && k < body.length; k++) {
      const line = body[(start + k) % body.length]!;
      paras.push(richParagraph(line));
      chars += line.length;
    }
    parts.push(
      `<article id="a${i}"><h2>${esc(seed.lines[0]!)}</h2><p class="byline">By Staff Reporter <time datetime="2026-04-2${i % 5}">April 2${i % 5}, 2026</time></p>${paras.join('')}</article>`,
    );
  }
  const aside = `<aside><h3>Most read</h3><ol>${['Rates hold steady as inflation cools', 'Storm season starts early', 'The best phones of the year', 'City council approves budget', 'Five recipes for spring'].map((t) => `<li><a href="#">${t}</a></li>`).join('')}</ol></aside>`;
  const footer = `<footer><p>© 2026 Example News. All rights reserved.</p><p><a href="#">Privacy</a> · <a href="#">Terms</a></p></footer>`;
  const title = 'Amazon and Anthropic: the $25 billion deal, all our coverage';
  return { name: `synthetic-${articles}-articles`, group: 'synthetic', html: articleDoc(title, `${nav}<main><h1>${esc(title)}</h1>${parts.join('')}</main>${aside}${footer}`) };
}

/** A short deal page for the incremental benchmark: one seed's first paragraphs. */
export function shortPage(seeds: SeedText[], paragraphs = 6): BenchPage {
  const s = seeds[1] ?? seeds[0]!;
  const body = `<main><article><h1>${esc(s.lines[0]!)}</h1>${s.lines.slice(1, 1 + paragraphs).map(richParagraph).join('')}</article></main>`;
  return { name: 'short-deal-page', group: 'seed', html: articleDoc(s.lines[0]!, body) };
}

/** `n` deal paragraphs (a dollar figure and a party in each), one per seed in turn: the appended batch. */
export function dealBatch(seeds: SeedText[], n = 5): string {
  const out: string[] = [];
  for (let round = 0; out.length < n && round < 50; round++) {
    for (const s of seeds) {
      const hits = s.lines.filter((l) => l.length >= 150 && l.length <= 700 && /\$\d/.test(l) && /\b(Amazon|AWS)\b/.test(l) && /Anthropic/.test(l));
      const line = hits[round];
      if (line && out.length < n) out.push(richParagraph(line));
    }
  }
  return out.join('');
}

/** ~50 deal phrases, terms and figures, as one regexp for mark.js (longest first, not inside words). */
export const MARKJS_PHRASES = [
  'Amazon Web Services', 'AWS', 'Amazon', 'Anthropic', 'Claude', 'Claude Opus', 'Claude Sonnet', 'Claude Platform',
  'Trainium', 'Trainium2', 'Trainium 2', 'Trn2', 'Trainium3', 'Trainium4', 'Inferentia', 'Graviton', 'Project Rainier',
  'Amazon Bedrock', 'Bedrock', 'Annapurna Labs', 'gigawatt', 'gigawatts', '5 gigawatts', '5GW', '1 GW',
  '$25 billion', '$25bn', '$5 billion', '$20 billion', '$8 billion', '$4 billion', '$100 billion', '$30 billion',
  '$9 billion', '$380 billion', '$61.5 billion', 'up to', 'run-rate', 'run rate', 'annualized revenue',
  'ten years', 'a decade', 'milestones', 'Dario Amodei', 'Andy Jassy', 'Matt Garman', 'Google', 'Microsoft',
  'Nvidia', 'Azure', 'data center', 'data centers', 'compute', 'valuation',
];

export function markjsRegExp(): { source: string; flags: string } {
  const alts = [...MARKJS_PHRASES].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { source: `(?<![\\w$])(?:${alts.join('|')})(?!\\w)`, flags: 'gmi' };
}

/** Median of the finite values (NaN when there are none). */
export const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
