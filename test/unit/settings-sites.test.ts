import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_MATCHES, DEFAULT_SITES, hostOf, isDefaultSite, parseSite, siteOf } from '../../src/core/sites';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
  content_scripts: { matches: string[] }[];
};

describe('default sites', () => {
  it('equal the content_scripts matches of manifest.json', () => {
    const matches = manifest.content_scripts.flatMap((c) => c.matches);
    expect([...matches].sort()).toEqual([...DEFAULT_MATCHES].sort());
  });

  it('include every site CONTRACT.md names', () => {
    for (const d of ['reuters.com', 'apnews.com', 'cnbc.com', 'theverge.com', 'techcrunch.com', 'bloomberg.com', 'ft.com', 'nytimes.com', 'wsj.com', 'engadget.com']) {
      expect(DEFAULT_SITES).toContain(d);
    }
  });

  it('are each a normalised domain', () => {
    for (const d of DEFAULT_SITES) expect(parseSite(d)).toEqual({ ok: true, domain: d });
  });
});

describe('parseSite', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM  ', 'example.com'],
    ['https://www.example.com/path?q=1#x', 'example.com'],
    ['http://news.example.co.uk:8080/a', 'news.example.co.uk'],
    ['www.example.com', 'example.com'],
    ['*.example.com', 'example.com'],
    ['*://*.example.com/*', 'example.com'],
    ['example.com.', 'example.com'],
    ['example.com:8443', 'example.com'],
    ['https://user:pw@example.org/', 'example.org'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['www.com', 'www.com'],
  ])('normalises %j to %j', (input, domain) => {
    expect(parseSite(input)).toEqual({ ok: true, domain });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['not a domain', 'not-a-domain'],
    ['javascript:alert(1)', 'scheme'],
    ['JavaScript:void(0)', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['data:text/html,hi', 'scheme'],
    ['ftp://example.com', 'scheme'],
    ['*', 'all-sites'],
    ['*.*', 'all-sites'],
    ['*.com', 'all-sites'],
    ['*://*/*', 'all-sites'],
    ['<all_urls>', 'not-a-domain'],
    ['*.co.uk', 'all-sites'],
    ['co.uk', 'all-sites'],
    ['exa*mple.com', 'wildcard'],
    ['com', 'not-a-domain'],
    ['localhost', 'not-a-domain'],
    ['192.168.0.1', 'not-a-domain'],
    ['[::1]', 'not-a-domain'],
    ['-bad-.com', 'not-a-domain'],
    ['a..b.com', 'not-a-domain'],
    ['http:example.com', 'not-a-domain'],
    [`${'a'.repeat(64)}.com`, 'not-a-domain'],
    ['x'.repeat(5000), 'too-long'],
  ])('refuses %j (%s)', (input, error) => {
    expect(parseSite(input)).toEqual({ ok: false, error });
  });

  it('never throws, and what it accepts it accepts again unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.domain()), (s) => {
        const p = parseSite(s);
        if (p.ok) expect(parseSite(p.domain)).toEqual(p);
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it('accepts every generated domain (minus www.) as itself', () => {
    fc.assert(
      fc.property(fc.domain(), (d) => {
        const p = parseSite(d);
        const labels = d.split('.');
        const expected = d.startsWith('www.') && labels.length > 2 ? d.slice(4) : d;
        if (p.ok) expect(p.domain).toBe(expected);
        else expect(p.error).toBe('all-sites'); // a generated public suffix such as co.uk
      }),
    );
  });
});

describe('hostOf and siteOf', () => {
  it('read only http(s) hosts', () => {
    expect(hostOf('https://www.Reuters.com./x')).toBe('www.reuters.com');
    expect(hostOf('chrome://extensions')).toBeNull();
    expect(hostOf('not a url')).toBeNull();
  });
  it('find the listed parent domain, longest first', () => {
    expect(siteOf('www.bbc.co.uk', ['co.uk', 'bbc.co.uk'])).toBe('bbc.co.uk');
    expect(siteOf('notreuters.com', ['reuters.com'])).toBeNull();
    expect(isDefaultSite('edition.reuters.com')).toBe(true);
    expect(isDefaultSite('example.com')).toBe(false);
  });
});
