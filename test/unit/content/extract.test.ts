import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import fc from 'fast-check';
import { blockOf, extractBlocks, isoDay, readPageMeta, type Block } from '../../../src/content/extract';

function doc(html: string): Document {
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document as unknown as Document;
}

const texts = (blocks: Block[]) => blocks.map((b) => b.text);

/** Every piece's node data sits at its offset in the block text, and pieces tile the text. */
function checkPieces(b: Block) {
  let at = 0;
  for (const p of b.pieces) {
    expect(p.start).toBe(at);
    expect(b.text.slice(p.start, p.start + p.node.data.length)).toBe(p.node.data);
    at += p.node.data.length;
  }
  expect(at).toBe(b.text.length);
}

describe('extractBlocks', () => {
  it('joins inline elements into one block and maps offsets back to text nodes', () => {
    const d = doc('<p>Amazon adds $100 <b>billion</b> to <a href="#">Anthropic</a>.</p>');
    const { blocks } = extractBlocks(d.body);
    expect(texts(blocks)).toEqual(['Amazon adds $100 billion to Anthropic.']);
    const b = blocks[0]!;
    expect(b.pieces.map((p) => p.node.data)).toEqual(['Amazon adds $100 ', 'billion', ' to ', 'Anthropic', '.']);
    checkPieces(b);
    const at = b.text.indexOf('billion');
    const piece = b.pieces.find((p) => p.start <= at && at < p.start + p.node.data.length)!;
    expect(piece.node.parentElement!.tagName).toBe('B');
  });

  it('splits at block elements, including nested ones and line breaks', () => {
    const d = doc('<div>Lead <p>First para</p>tail text<ul><li>one</li><li>two <i>it</i></li></ul><h2>Head</h2>a<br>b</div>');
    expect(texts(extractBlocks(d.body).blocks)).toEqual(['Lead ', 'First para', 'tail text', 'one', 'two it', 'Head', 'a', 'b']);
  });

  it('treats table cells as blocks and drops whitespace-only blocks', () => {
    const d = doc('<table>\n <tr>\n  <td>Amazon</td>\n  <td>$5 billion</td>\n </tr>\n</table>');
    expect(texts(extractBlocks(d.body).blocks)).toEqual(['Amazon', '$5 billion']);
  });

  it('skips non-prose elements, hidden, aria-hidden, contenteditable, closed details/dialogs and our tooltip host', () => {
    const d = doc(`<p>keep 1</p>
      <script>var Anthropic = 1</script><style>p{}</style><noscript>ns</noscript><template><p>tpl</p></template>
      <textarea>ta</textarea><select><option>opt</option></select><code>code</code><pre>pre</pre>
      <svg><text>svg</text></svg><math><mi>m</mi></math><button>btn</button>
      <div hidden><p>hidden</p></div><div aria-hidden="true">ah</div><div aria-hidden="false">keep 2</div>
      <div contenteditable="true">ce</div><div contenteditable="">ce2</div><div contenteditable="false">keep 3</div>
      <details><summary>s</summary><p>closed</p></details><details open><p>keep 4</p></details><dialog><p>closed dialog</p></dialog>
      <deal-lens-tooltip>ours</deal-lens-tooltip><p>keep <span>5</span></p>`);
    expect(texts(extractBlocks(d.body).blocks).map((t) => t.trim())).toEqual(['keep 1', 'keep 2', 'keep 3', 'keep 4', 'keep 5']);
  });

  it('honours the visibility and skip options', () => {
    const d = doc('<p class="a">one</p><p class="b">two <span class="x">three</span></p>');
    const { blocks } = extractBlocks(d.body, { isVisible: (el) => !el.classList.contains('a'), skip: (el) => el.classList.contains('x') });
    expect(texts(blocks)).toEqual(['two ']);
  });

  it('walks a Document root, a text root and an inline root', () => {
    const d = doc('<p>Hello <b>world</b></p>');
    d.title = 'T';
    expect(texts(extractBlocks(d as unknown as Node).blocks)).toEqual(['Hello world']);
    const b = d.querySelector('b')!;
    expect(texts(extractBlocks(b.firstChild!).blocks)).toEqual(['world']);
    expect(texts(extractBlocks(b).blocks)).toEqual(['world']);
  });

  it('reads wrapper text of earlier passes as ordinary inline text', () => {
    const d = doc('<p>The <deal-lens-mark data-deal-lens-id="aws">AWS</deal-lens-mark> deal</p>');
    expect(texts(extractBlocks(d.body).blocks)).toEqual(['The AWS deal']);
  });

  it('keeps every text node exactly once, in document order (random trees)', () => {
    const tags = ['p', 'div', 'span', 'b', 'li', 'a', 'em', 'section', 'br'];
    const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.stringMatching(/^[a-z $.]{0,8}$/),
        fc.tuple(fc.constantFrom(...tags), fc.array(tie('node'), { maxLength: 4 })).map(([t, kids]) => (t === 'br' ? '<br>' : `<${t}>${kids.join('')}</${t}>`)),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 5 }), (parts) => {
        const d = doc(parts.join(''));
        const { blocks } = extractBlocks(d.body);
        for (const b of blocks) checkPieces(b);
        const all: Text[] = [];
        const walk = (n: Node) => {
          if (n.nodeType === 3) all.push(n as Text);
          for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
        };
        walk(d.body);
        // blocks hold every text node of a non-blank block, in document order, each once
        const seen = blocks.flatMap((b) => b.pieces.map((p) => p.node));
        expect(seen).toEqual(all.filter((t) => seen.includes(t)));
        expect(new Set(seen).size).toBe(seen.length);
        // and no non-blank text is lost
        const lost = all.filter((t) => !seen.includes(t) && /\S/.test(t.data));
        expect(lost).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('extractBlocks labels', () => {
  const labels = (html: string) => extractBlocks(doc(html).body).blocks.map((b) => [b.text, b.label]);
  it("gives a table cell its caption, its row's first cell and its column header", () => {
    const html = '<table><caption>AI deals</caption><thead><tr><th>Deal</th><th>Term</th></tr></thead><tbody><tr><th scope="row">Amazon and Anthropic</th><td>5 years</td></tr></tbody></table>';
    expect(labels(html)).toEqual([
      ['AI deals', undefined],
      ['Deal', undefined],
      ['Term', undefined],
      ['Amazon and Anthropic', 'AI deals — Deal'],
      ['5 years', 'AI deals — Amazon and Anthropic — Term'],
    ]);
  });
  it("gives a <dd> its <dt> (and the list's heading), an answer its <summary>, a list item its lead-in", () => {
    expect(labels('<h3>Deal at a glance</h3><dl><dt>Upfront</dt><dd>$5 billion</dd></dl>')).toContainEqual(['$5 billion', 'Deal at a glance — Upfront']);
    expect(labels('<details open><summary>How long does the pledge run?</summary><p>Ten years.</p></details>')).toContainEqual(['Ten years.', 'How long does the pledge run?']);
    expect(labels('<p>Key numbers:</p><ul><li>Compute: up to 5 GW</li></ul>')).toContainEqual(['Compute: up to 5 GW', 'Key numbers']);
  });
  it('labels nothing else: prose, long cells, a list after an ordinary paragraph', () => {
    expect(labels('<p>Amazon will invest $5 billion.</p><p>More text.</p><ul><li>One</li></ul>').map(([, l]) => l)).toEqual([undefined, undefined, undefined]);
    const long = 'x'.repeat(130);
    expect(labels(`<table><tr><th>H</th></tr><tr><td>${long}</td></tr></table>`)[1]).toEqual([long, undefined]);
  });
});

describe('blockOf', () => {
  it('finds the enclosing block, not a line break, else the fallback', () => {
    const d = doc('<div id="d"><p id="p">a <b>b</b></p>c</div>');
    const b = d.querySelector('b')!;
    expect(blockOf(b.firstChild!, d.body).id).toBe('p');
    expect(blockOf(d.getElementById('d')!.lastChild!, d.body).id).toBe('d');
    expect(blockOf(d.body, d.body)).toBe(d.body);
  });
});

describe('readPageMeta', () => {
  const page = (head: string, body = '') =>
    parseHTML(`<!doctype html><html><head><title> A title </title>${head}</head><body>${body}</body></html>`).document as unknown as Document;

  it('takes article:published_time first, as the publisher\'s calendar day', () => {
    const d = page('<meta property="article:published_time" content="2026-04-21T01:30:00+09:00"><script type="application/ld+json">{"datePublished":"2026-01-01"}</script>');
    expect(readPageMeta(d)).toEqual({ title: 'A title', published: '2026-04-21' });
  });

  it('falls back to JSON-LD datePublished, also nested in @graph, skipping broken blocks', () => {
    const d = page('<script type="application/ld+json">{broken</script><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2026-04-20T12:00:00Z"}]}</script>');
    expect(readPageMeta(d).published).toBe('2026-04-20');
  });

  it('reads the last-modified day from article:modified_time or JSON-LD dateModified', () => {
    expect(readPageMeta(page('<meta property="article:published_time" content="2021-06-14"><meta property="article:modified_time" content="2026-05-03T14:22:48Z">'))).toEqual({ title: 'A title', published: '2021-06-14', modified: '2026-05-03' });
    expect(readPageMeta(page('<script type="application/ld+json">{"datePublished":"2021-06-14T10:02:11Z","dateModified":"2026-05-03T14:22:48Z"}</script>'))).toEqual({ title: 'A title', published: '2021-06-14', modified: '2026-05-03' });
  });

  it('falls back to <time datetime> inside the article', () => {
    const d = page('', '<header><time datetime="2020-01-01">old</time></header><article><time datetime="2026-04-22">Apr 22</time></article>');
    expect(readPageMeta(d).published).toBe('2026-04-22');
  });

  it('reads the other names publishers give the day (Dublin Core, parsely, plain "date"), and a datePublished <time> anywhere', () => {
    expect(readPageMeta(page('<meta name="DC.date.issued" content="2026-05-14">')).published).toBe('2026-05-14');
    expect(readPageMeta(page('<meta name="date" content="2026-04-23T08:00:00Z">')).published).toBe('2026-04-23');
    expect(readPageMeta(page('<meta name="parsely-pub-date" content="2026-04-24">')).published).toBe('2026-04-24');
    expect(readPageMeta(page('', '<header><time itemprop="datePublished" datetime="2026-04-28">Apr 28</time></header>')).published).toBe('2026-04-28');
  });

  it('gives no date when none is stated or the stated one is not a real day', () => {
    expect(readPageMeta(page('')).published).toBeUndefined();
    expect(readPageMeta(page('<meta property="article:published_time" content="2026-02-30">')).published).toBeUndefined();
    expect('published' in readPageMeta(page(''))).toBe(false);
  });

  it('isoDay accepts only real YYYY-MM-DD prefixes', () => {
    expect(isoDay('2026-04-21')).toBe('2026-04-21');
    expect(isoDay('April 21, 2026')).toBeUndefined();
    expect(isoDay('2026-13-01')).toBeUndefined();
    expect(isoDay(null)).toBeUndefined();
  });
});
