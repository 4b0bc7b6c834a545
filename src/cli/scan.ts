/**
 * npm run scan -- <file.html|dir>... [--json]
 *
 * Runs the content script's engine over saved pages. With --json prints one
 * JSON object per page per line: {"file","about","score","annotations":[{"id","kind","text","title","context"}]}.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../core/engine';
import { loadDefaultDataset } from '../node/load-dataset';
import { scanPage, type ScannedPage } from '../node/scan-page';

const PAGE = /\.(?:html?|xhtml|md|txt)$/i;

function collect(path: string): string[] {
  const st = statSync(path);
  if (st.isDirectory()) return readdirSync(path).sort().flatMap((n) => collect(join(path, n)));
  return PAGE.test(path) ? [path] : [];
}

function report(p: ScannedPage): string {
  const lines = [`${p.file}`, `  about the deal: ${p.about ? 'yes' : 'no'} (score ${p.score}; ${p.reason}; judged as of ${p.date})`];
  if (!p.annotations.length) lines.push('  no annotations');
  for (const kind of ['conflict', 'caveat', 'fact', 'term']) {
    const list = p.annotations.filter((a) => a.kind === kind);
    if (!list.length) continue;
    lines.push(`  ${kind} (${list.length})`);
    for (const a of list) lines.push(`    "${a.text}" → ${a.title} [${a.id}]${kind === 'conflict' || kind === 'caveat' ? `\n        in: ${a.context.slice(0, 160)}` : ''}`);
  }
  return lines.join('\n');
}

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const paths = argv.filter((a) => !a.startsWith('--'));
  if (!paths.length) {
    console.error('usage: npm run scan -- <file.html|dir>... [--json]');
    return 2;
  }
  let files: string[];
  try {
    files = paths.flatMap(collect);
  } catch (e) {
    console.error(`scan: ${(e as Error).message}`);
    return 2;
  }
  if (!files.length) {
    console.error('scan: no .html, .md or .txt files found');
    return 2;
  }
  let engine;
  try {
    engine = createEngine(loadDefaultDataset());
  } catch (e) {
    console.error(`scan: ${(e as Error).message}`);
    return 1;
  }
  for (const file of files) {
    const page = scanPage(engine, file, readFileSync(file, 'utf8'));
    if (json) {
      const { file: f, about, score, annotations } = page;
      console.log(JSON.stringify({ file: f, about, score, annotations: annotations.map(({ id, kind, text, title, context }) => ({ id, kind, text, title, context })) }));
    } else console.log(report(page) + '\n');
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
