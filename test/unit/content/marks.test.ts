import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import fc from 'fast-check';
import { extractBlocks, type Block } from '../../../src/content/extract';
import { Marks, MARK_TAG } from '../../../src/content/marks';
import type { Annotation } from '../../../src/core/types';

function page(html: string): Document {
  return parseHTML(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`).document as unknown as Document;
}

/** Annotations for every occurrence of `word` in the blocks, as the engine would give them. */
function find(blocks: Block[], word: string, kind: Annotation['kind'] = 'term', entryId = word.toLowerCase().replace(/[^a-z0-9]+/g, '-')): Annotation[] {
  const out: Annotation[] = [];
  blocks.forEach((b, block) => {
    for (let at = b.text.indexOf(word); at >= 0; at = b.text.indexOf(word, at + word.length)) out.push({ block, start: at, end: at + word.length, entryId, kind });
  });
  return out;
}

const wrappers = (d: Document) => Array.from(d.querySelectorAll(MARK_TAG));

describe('Marks.apply', () => {
  it('wraps exactly the matched text with id, kind and a tab stop', () => {
    const d = page('<p>Amazon invests in Anthropic, and Anthropic spends on AWS.</p>');
    const { blocks } = extractBlocks(d.body);
    const marks = new Marks(d);
    const recs = marks.apply(blocks, [...find(blocks, 'Anthropic'), ...find(blocks, 'AWS', 'fact', 'aws-x')]);
    expect(recs.map((r) => r.text)).toEqual(['Anthropic', 'Anthropic', 'AWS']);
    const els = wrappers(d);
    expect(els.map((e) => [e.textContent, e.getAttribute('data-deal-lens-id'), e.getAttribute('data-deal-lens-kind'), e.getAttribute('tabindex')])).toEqual([
      ['Anthropic', 'anthropic', 'term', '0'],
      ['Anthropic', 'anthropic', 'term', '0'],
      ['AWS', 'aws-x', 'fact', '0'],
    ]);
    expect(d.body.textContent).toBe('Amazon invests in Anthropic, and Anthropic spends on AWS.');
  });

  it('splits a match across inline elements into one wrapper per piece, same id and kind', () => {
    const d = page('<p>Up to $100 <b>billion</b> over ten years.</p>');
    const { blocks } = extractBlocks(d.body);
    const marks = new Marks(d);
    const [rec] = marks.apply(blocks, find(blocks, '$100 billion', 'caveat', 'spend'));
    expect(rec!.elements.map((e) => e.textContent)).toEqual(['$100 ', 'billion']);
    expect(rec!.elements[1]!.parentElement!.tagName).toBe('B');
    expect(wrappers(d).every((e) => e.getAttribute('data-deal-lens-id') === 'spend' && e.getAttribute('data-deal-lens-kind') === 'caveat')).toBe(true);
    expect(marks.recordOf(rec!.elements[1]!)).toBe(rec);
  });

  it('skips whitespace-only pieces, overlapping annotations and text already marked', () => {
    const d = page('<p><i>Amazon</i> <i>Anthropic</i> deal</p>');
    const { blocks } = extractBlocks(d.body);
    const marks = new Marks(d);
    const pair = find(blocks, 'Amazon Anthropic', 'term', 'pair');
    const recs = marks.apply(blocks, [...pair, ...find(blocks, 'Anthropic')]);
    expect(recs).toHaveLength(1);
    expect(recs[0]!.elements.map((e) => e.textContent)).toEqual(['Amazon', 'Anthropic']);
    // a second pass over the same text marks nothing new
    const again = extractBlocks(d.body).blocks;
    expect(again[0]!.text).toBe('Amazon Anthropic deal');
    expect(marks.apply(again, find(again, 'Anthropic'))).toEqual([]);
    expect(wrappers(d)).toHaveLength(2);
  });

  it('skips annotations whose text changed since it was read', () => {
    const d = page('<p>Anthropic news</p>');
    const { blocks } = extractBlocks(d.body);
    (d.querySelector('p')!.firstChild as Text).data = 'Changed news';
    expect(new Marks(d).apply(blocks, find(blocks, 'Anthropic'))).toEqual([]);
    expect(wrappers(d)).toHaveLength(0);
  });

  it('installs one stylesheet with the first wrapper only', () => {
    const d = page('<p>Amazon and Anthropic</p>');
    const { blocks } = extractBlocks(d.body);
    const marks = new Marks(d);
    marks.apply(blocks, []);
    expect(d.querySelectorAll('style')).toHaveLength(0);
    marks.apply(blocks, find(blocks, 'Amazon'));
    marks.apply(extractBlocks(d.body).blocks, find(extractBlocks(d.body).blocks, 'Anthropic'));
    expect(d.querySelectorAll('style')).toHaveLength(1);
    expect(d.querySelector('style')!.textContent).toContain('deal-lens-mark[data-deal-lens-kind]');
  });

  it('takes the annotations in any order, as if sorted by block and start', () => {
    const html = '<p>Amazon invests in Anthropic.</p><p>Anthropic spends $5 <b>billion</b> on AWS.</p>';
    const run = (order: (a: Annotation[]) => Annotation[]) => {
      const d = page(html);
      const { blocks } = extractBlocks(d.body);
      const anns = [...find(blocks, 'Amazon'), ...find(blocks, 'Anthropic'), ...find(blocks, '$5 billion', 'fact', 'x'), ...find(blocks, 'AWS')];
      const recs = new Marks(d).apply(blocks, order(anns));
      return { html: d.body.innerHTML, texts: recs.map((r) => r.text) };
    };
    const sorted = run((a) => [...a].sort((x, y) => x.block - y.block || x.start - y.start));
    expect(sorted.texts).toEqual(['Amazon', 'Anthropic', 'Anthropic', '$5 billion', 'AWS']);
    expect(run((a) => [...a].reverse())).toEqual(sorted);
    expect(run((a) => a)).toEqual(sorted);
  });

  it('finds the record of every wrapper of every pass, also after unmark', () => {
    const d = page('<p id="a">Anthropic one</p><p id="b">Amazon <i>Web</i> Services</p>');
    const marks = new Marks(d);
    const first = extractBlocks(d.getElementById('a')!).blocks;
    const [a] = marks.apply(first, find(first, 'Anthropic'));
    expect(marks.recordOf(a!.elements[0]!)).toBe(a);
    const second = extractBlocks(d.getElementById('b')!).blocks;
    const [b] = marks.apply(second, find(second, 'Amazon Web Services', 'term', 'aws'));
    expect(b!.elements).toHaveLength(3);
    for (const el of b!.elements) expect(marks.recordOf(el)).toBe(b);
    const el = b!.elements[1]!;
    marks.unmark(b!);
    expect(marks.recordOf(el)).toBe(b);
    expect(b!.elements).toEqual([]);
    expect(marks.recordOf(d.body)).toBeUndefined();
  });

  it('dropChanged unmarks the records whose wrapped text the page rewrote, piece by piece', () => {
    const d = page('<p>Anthropic gets $5 <b>billion</b> from Amazon</p>');
    const marks = new Marks(d);
    const { blocks } = extractBlocks(d.body);
    marks.apply(blocks, [...find(blocks, 'Anthropic'), ...find(blocks, '$5 billion', 'fact', 'x'), ...find(blocks, 'Amazon')]);
    expect(marks.dropChanged(d.body)).toBe(0);
    const billion = wrappers(d).find((w) => w.textContent === 'billion')!;
    (billion.firstChild as Text).data = 'million';
    expect(marks.dropChanged(d.body)).toBe(1);
    expect(marks.records().map((r) => r.text)).toEqual(['Anthropic', 'Amazon']);
    const amazon = wrappers(d).find((w) => w.textContent === 'Amazon')!;
    (amazon.firstChild as Text).data = 'Amazon.com';
    expect(marks.dropChanged(amazon.firstChild!)).toBe(1);
    expect(marks.records().map((r) => r.text)).toEqual(['Anthropic']);
    expect(wrappers(d).map((w) => w.textContent)).toEqual(['Anthropic']);
  });

  it('gives every wrapper exactly its own attributes, pass after pass and Marks after Marks on one page', () => {
    const d = page('<p>Anthropic and Anthropic</p>');
    const first = new Marks(d);
    let blocks = extractBlocks(d.body).blocks;
    const [a] = first.apply(blocks, find(blocks, 'Anthropic').slice(0, 1));
    a!.elements[0]!.setAttribute('aria-describedby', 'tip');
    a!.elements[0]!.setAttribute('data-deal-lens-open', '');
    blocks = extractBlocks(d.body).blocks;
    first.apply(blocks, find(blocks, 'Anthropic').slice(1));
    first.undo();
    const second = new Marks(d);
    blocks = extractBlocks(d.body).blocks;
    second.apply(blocks, [...find(blocks, 'Anthropic', 'fact', 'x').slice(0, 1), ...find(blocks, 'Anthropic').slice(1)]);
    const attrs = (w: Element) => w.getAttributeNames().sort().map((n) => `${n}=${w.getAttribute(n)}`);
    expect(wrappers(d).map(attrs)).toEqual([
      ['data-deal-lens-id=x', 'data-deal-lens-kind=fact', 'tabindex=0'],
      ['data-deal-lens-id=anthropic', 'data-deal-lens-kind=term', 'tabindex=0'],
    ]);
  });

  it('lists records in reading order across passes and drops those the page removed', () => {
    const d = page('<p id="a">Anthropic one</p><p id="b">Amazon two</p>');
    const marks = new Marks(d);
    const second = extractBlocks(d.getElementById('b')!).blocks;
    marks.apply(second, find(second, 'Amazon'));
    const first = extractBlocks(d.getElementById('a')!).blocks;
    marks.apply(first, find(first, 'Anthropic'));
    expect(marks.records().map((r) => r.text)).toEqual(['Anthropic', 'Amazon']);
    d.getElementById('a')!.remove();
    expect(marks.records().map((r) => r.text)).toEqual(['Amazon']);
  });
});

describe('Marks.undo', () => {
  it('restores the DOM exactly, with the original Text nodes back in place', () => {
    const html = '<p>Amazon invests $5 <b>billion</b> in Anthropic; Anthropic uses AWS.</p><ul><li>AWS</li></ul>';
    const d = page(html);
    const before = d.body.innerHTML;
    const originals = (() => {
      const out: Text[] = [];
      const walk = (n: Node) => (n.nodeType === 3 ? out.push(n as Text) : Array.from(n.childNodes).forEach(walk));
      walk(d.body);
      return out;
    })();
    const marks = new Marks(d);
    const { blocks } = extractBlocks(d.body);
    marks.apply(blocks, [...find(blocks, 'Anthropic'), ...find(blocks, '$5 billion', 'fact'), ...find(blocks, 'AWS')]);
    // an incremental pass splits a text part the first pass created
    const again = extractBlocks(d.body).blocks;
    marks.apply(again, find(again, 'Amazon'));
    expect(d.body.innerHTML).not.toBe(before);
    marks.undo();
    expect(d.body.innerHTML).toBe(before);
    expect(d.querySelectorAll('style')).toHaveLength(0);
    const after: Text[] = [];
    const walk = (n: Node) => (n.nodeType === 3 ? after.push(n as Text) : Array.from(n.childNodes).forEach(walk));
    walk(d.body);
    expect(after).toHaveLength(originals.length);
    after.forEach((t, i) => expect(t).toBe(originals[i]));
    expect(marks.records()).toEqual([]);
  });

  it('keeps the page\'s own edits to marked text, and removes wrappers the page moved', () => {
    const d = page('<p id="p">Anthropic and Amazon</p><div id="elsewhere"></div>');
    const marks = new Marks(d);
    const { blocks } = extractBlocks(d.body);
    marks.apply(blocks, [...find(blocks, 'Anthropic'), ...find(blocks, 'Amazon')]);
    const [w1, w2] = wrappers(d);
    (w1!.firstChild as Text).data = 'Claude';
    d.getElementById('elsewhere')!.appendChild(w2!);
    marks.undo();
    expect(wrappers(d)).toHaveLength(0);
    expect(d.getElementById('p')!.textContent).toBe('Claude and ');
    expect(d.getElementById('elsewhere')!.textContent).toBe('Amazon');
  });

  it('unmark removes one record\'s wrappers; undo then merges its text back', () => {
    const d = page('<p>Anthropic and Amazon</p>');
    const before = d.body.innerHTML;
    const marks = new Marks(d);
    const { blocks } = extractBlocks(d.body);
    const [a] = marks.apply(blocks, [...find(blocks, 'Anthropic'), ...find(blocks, 'Amazon')]);
    marks.unmark(a!);
    expect(wrappers(d).map((e) => e.textContent)).toEqual(['Amazon']);
    expect(marks.records().map((r) => r.text)).toEqual(['Amazon']);
    marks.undo();
    expect(d.body.innerHTML).toBe(before);
    expect(d.querySelector('p')!.childNodes).toHaveLength(1);
  });

  it('round-trips any page and any set of non-overlapping annotations (property)', () => {
    const words = ['Amazon', 'Anthropic', 'AWS', '$5', 'billion', 'deal'];
    const inline = ['b', 'i', 'a', 'span'];
    const para = fc
      .array(fc.tuple(fc.constantFrom(...words, ' ', ', ', '. '), fc.option(fc.constantFrom(...inline), { nil: undefined })), { minLength: 1, maxLength: 12 })
      .map((parts) => `<p>${parts.map(([w, tag]) => (tag ? `<${tag}>${w}</${tag}>` : w)).join('')}</p>`);
    fc.assert(
      fc.property(fc.array(para, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 12 }), (paras, picks) => {
        const d = page(paras.join(''));
        const before = d.body.innerHTML;
        const text = d.body.textContent;
        const { blocks } = extractBlocks(d.body);
        if (!blocks.length) return;
        const anns: Annotation[] = [];
        for (const [i, pick] of picks.entries()) {
          const block = pick % blocks.length;
          const len = blocks[block]!.text.length;
          const start = (pick * 7 + i) % len;
          const end = Math.min(len, start + 1 + ((pick >> 3) % 15));
          anns.push({ block, start, end, entryId: `e${i}`, kind: 'term' });
        }
        const marks = new Marks(d);
        const recs = marks.apply(blocks, anns);
        expect(d.body.textContent).toBe(text);
        for (const r of recs) {
          // whitespace-only pieces stay unwrapped; everything else of the match is wrapped
          expect(r.elements.every((e) => /\S/.test(e.textContent!))).toBe(true);
          expect(r.elements.map((e) => e.textContent).join('').replace(/\s/g, '')).toBe(r.text.replace(/\s/g, ''));
        }
        marks.undo();
        expect(d.body.innerHTML).toBe(before);
      }),
      { numRuns: 150 },
    );
  });
});
