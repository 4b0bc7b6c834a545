/** Content script entry: reads the page, asks the engine, marks what it found. */
import browser from 'webextension-polyfill';
import dataset from 'deal-lens:dataset';
import { createEngine } from '../core/engine';
import type { PageSummary } from '../core/messages';

const engine = createEngine(dataset);
const html = document.documentElement;

function run(): void {
  performance.mark('deal-lens:scan-start');
  html.setAttribute('data-deal-lens-state', 'scanning');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = (n as Text).parentElement;
    if (p && !p.closest('script,style,noscript,template,textarea,code,pre')) nodes.push(n as Text);
  }
  const result = engine.analyze({ blocks: nodes.map((n) => n.data), title: document.title });
  const counts = { term: 0, fact: 0, caveat: 0, conflict: 0 };
  const items: PageSummary['items'] = [];
  for (const a of [...result.annotations].reverse()) {
    const node = nodes[a.block]!;
    const tail = node.splitText(a.start);
    tail.splitText(a.end - a.start);
    const mark = document.createElement('mark');
    mark.setAttribute('data-deal-lens-id', a.entryId);
    mark.setAttribute('data-deal-lens-kind', a.kind);
    mark.tabIndex = 0;
    tail.replaceWith(mark);
    mark.append(tail);
    counts[a.kind]++;
    items.push({ mark: items.length, entryId: a.entryId, kind: a.kind, text: tail.data.slice(0, 500), context: '' });
  }
  html.setAttribute('data-deal-lens-about', result.about ? 'yes' : 'no');
  html.setAttribute('data-deal-lens-state', 'done');
  performance.measure('deal-lens:scan', 'deal-lens:scan-start');
  const msg: PageSummary = { type: 'page-summary', url: location.href, about: result.about, score: result.score, active: true, hidden: 0, counts, items };
  browser.runtime.sendMessage(msg).catch(() => undefined);
}

run();
