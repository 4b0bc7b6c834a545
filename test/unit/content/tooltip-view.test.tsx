import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { explain, indexDataset, type Explanation } from '../../../src/core/explain';
import { loadDefaultDataset } from '../../../src/node/load-dataset';
import { TooltipView, type Translate } from '../../../src/ui/tooltip-view';

const dataset = loadDefaultDataset();
const ix = indexDataset(dataset);

/** `browser.i18n.getMessage` over the English messages.json ($1… substitutions into placeholders). */
const messages = JSON.parse(readFileSync('src/_locales/en/messages.json', 'utf8')) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const t: Translate = (key, subs = []) => {
  const m = messages[key];
  if (!m) throw new Error(`missing message ${key}`);
  return m.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
    const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_x, i: string) => subs[Number(i) - 1] ?? '');
  });
};

function renderCard(x: Explanation, maxSources?: number) {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  const g = globalThis as { document?: unknown };
  const prev = g.document;
  g.document = document;
  try {
    const root = document.getElementById('root')!;
    render(<TooltipView explanation={x} t={t} titleId="tt" maxSources={maxSources} />, root as unknown as Element);
    return root as unknown as HTMLElement;
  } finally {
    g.document = prev;
  }
}

describe('TooltipView', () => {
  it('shows a term with its title, body, deal note and sources', () => {
    const term = dataset.terms.find((x) => x.deal && x.sources.length)!;
    const card = renderCard(explain(ix, { entryId: term.id, kind: 'term', text: term.forms[0] }));
    expect(card.querySelector('.dl-kind')!.textContent).toBe('Term');
    expect(card.querySelector('#tt')!.textContent).toBe(term.title);
    expect(card.querySelector('.dl-body')!.textContent).toBe(term.body);
    expect(card.querySelector('.dl-deal')!.textContent).toContain(term.deal!);
    expect(card.querySelector('.dl-says')).toBeNull();
    expect(card.querySelectorAll('.dl-source').length).toBe(new Set(term.sources).size);
  });

  it('shows a fact with its verified value, as-of date and status', () => {
    const fact = dataset.facts.find((f) => f.value !== null && f.qualifier !== 'exact')!;
    const card = renderCard(explain(ix, { entryId: fact.id, kind: 'fact', text: 'x' }));
    const figure = card.querySelector('.dl-figure')!.textContent!;
    expect(figure).toContain('Verified');
    expect(card.querySelector('.dl-value')!.textContent).toMatch(/^(up to|more than|at least|about|less than) /);
    expect(figure).toContain(fact.asOf);
    expect(card.querySelector('.dl-status')!.className).toContain(`dl-status-${fact.status}`);
  });

  it('puts the page\'s words against the record for a conflict, with why and sources', () => {
    const rule = dataset.conflicts.find((c) => c.verdict === 'conflict')!;
    const card = renderCard(explain(ix, { entryId: rule.id, kind: 'conflict', text: 'the page words' }));
    expect(card.querySelector('.dl-kind')!.textContent).toBe('Contradicts the record');
    expect(card.querySelector('.dl-says')!.textContent).toBe(`This article says “the page words” — the record says ${rule.record}`);
    expect(card.querySelector('.dl-why')!.textContent).toContain(rule.why);
    expect(card.querySelectorAll('.dl-source').length).toBeGreaterThan(0);
  });

  it('shows a caveat with the page\'s words and the fact it qualifies', () => {
    const cav = dataset.caveats.find((c) => dataset.facts.some((f) => c.appliesTo.includes(f.id) && f.value !== null))!;
    const fact = dataset.facts.find((f) => cav.appliesTo.includes(f.id) && f.value !== null)!;
    const card = renderCard(explain(ix, { entryId: cav.id, kind: 'caveat', factId: fact.id, text: 'up to X' }));
    expect(card.querySelector('.dl-kind')!.textContent).toBe('Needs context');
    expect(card.querySelector('.dl-says')!.textContent).toMatch(/^This article says “up to X” — the record says .+/);
    expect(card.querySelector('.dl-figure')).not.toBeNull();
  });

  it('links each source safely in a new tab, and caps the list with a count of the rest', () => {
    const fact = dataset.facts.reduce((a, b) => (b.sources.length > a.sources.length ? b : a));
    const x = explain(ix, { entryId: fact.id, kind: 'fact' });
    expect(x.sources.length).toBeGreaterThan(1);
    const card = renderCard(x, 1);
    const links = [...card.querySelectorAll('.dl-source a')];
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe(x.sources[0]!.href);
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(card.querySelector('.dl-source')!.textContent).toContain(x.sources[0]!.publisher);
    expect(card.querySelector('.dl-more')!.textContent).toBe(`and ${x.sources.length - 1} more (all in the popup)`);
    expect(renderCard(x).querySelectorAll('.dl-source')).toHaveLength(x.sources.length);
  });

  it('has every message it uses in English and German', () => {
    const de = JSON.parse(readFileSync('src/_locales/de/messages.json', 'utf8')) as Record<string, unknown>;
    const keys = [...readFileSync('src/ui/tooltip-view.tsx', 'utf8').matchAll(/'(tooltip[A-Za-z_-]+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(10);
    for (const k of keys) {
      // Chrome refuses to load an extension whose message names have other characters
      expect(k).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(messages[k], k).toBeDefined();
      expect(de[k], k).toBeDefined();
    }
  });
});
