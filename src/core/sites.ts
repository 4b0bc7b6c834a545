/**
 * The news sites Deal Lens runs on, and how a typed-in site becomes a domain.
 *
 * Pure and zod-free: the content script imports this to decide whether it may
 * run, so it has to stay small. The default list here is the single source of
 * truth; a unit test checks that manifest.json's content_scripts matches equal
 * {@link DEFAULT_MATCHES}.
 */

/** Default news sites (any subdomain, http and https). CONTRACT.md, "Sites". */
export const DEFAULT_SITES: readonly string[] = [
  'reuters.com',
  'apnews.com',
  'cnbc.com',
  'theverge.com',
  'techcrunch.com',
  'bloomberg.com',
  'ft.com',
  'nytimes.com',
  'wsj.com',
  'engadget.com',
  'geekwire.com',
  'arstechnica.com',
  'wired.com',
  'axios.com',
  'businessinsider.com',
  'theguardian.com',
  'bbc.com',
  'bbc.co.uk',
  'washingtonpost.com',
  'fortune.com',
];

/** `*://*.example.com/*`: the domain itself and every subdomain, http and https. */
export function matchPatternFor(domain: string): string {
  return `*://*.${domain}/*`;
}

/** The content_scripts matches of the manifest, derived from {@link DEFAULT_SITES}. */
export const DEFAULT_MATCHES: readonly string[] = DEFAULT_SITES.map(matchPatternFor);

/**
 * Suffixes under which anyone can register a name: adding one would cover
 * thousands of unrelated sites, as a wildcard would. Not the full Public Suffix
 * List (too big to bundle for this); single labels (`com`) are caught anyway.
 */
const PUBLIC_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'me.uk', 'ac.uk', 'gov.uk', 'ltd.uk', 'plc.uk', 'net.uk',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au',
  'co.nz', 'org.nz', 'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp',
  'co.kr', 'or.kr', 'co.in', 'net.in', 'org.in', 'co.za', 'org.za',
  'com.br', 'com.cn', 'net.cn', 'org.cn', 'com.mx', 'com.tr', 'com.sg', 'com.hk', 'com.tw',
  'com.ar', 'com.co', 'com.es', 'com.pl', 'co.il', 'co.id', 'com.my', 'com.ph', 'com.vn',
  'github.io', 'blogspot.com', 'appspot.com', 'herokuapp.com', 'netlify.app', 'vercel.app', 'pages.dev', 'web.app',
]);

/** Why a typed-in site was refused; the UI turns the code into a localised sentence. */
export type SiteError = 'empty' | 'too-long' | 'scheme' | 'all-sites' | 'wildcard' | 'not-a-domain';

export type SiteParse = { ok: true; domain: string } | { ok: false; error: SiteError };

/** Longest input worth parsing: a URL with a path may be long, a domain is at most 253. */
const MAX_INPUT = 2048;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** `name:` at the start, unless it is `host:port`. */
const SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d+(?:[/?#]|$))/i;

/**
 * Turn what a reader typed into the domain to store: `https://www.example.com/path`
 * → `example.com`, `*.example.com` → `example.com` (subdomains are always
 * included). Refuses other schemes (`javascript:`, `file:`), wildcards that would
 * grant every site (`*`, `*.*`, `*.com`, `*.co.uk`), IP addresses and anything
 * that is not a registrable domain name.
 */
export function parseSite(input: string): SiteParse {
  const raw = input.trim();
  if (!raw) return { ok: false, error: 'empty' };
  if (raw.length > MAX_INPUT) return { ok: false, error: 'too-long' };

  let rest = raw;
  const scheme = SCHEME.exec(raw);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    if (name === '*' || (name !== 'http' && name !== 'https')) return { ok: false, error: 'scheme' };
    if (!raw.slice(scheme[0].length).startsWith('//')) return { ok: false, error: 'not-a-domain' };
    rest = raw.slice(scheme[0].length + 2);
  } else if (rest.startsWith('*://')) {
    rest = rest.slice(4);
  }

  // The host is everything before the first path, query or fragment character.
  let host = rest.split(/[/?#\\]/, 1)[0] ?? '';
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  host = host.replace(/:\d*$/, '');

  let wildcard = false;
  if (host.startsWith('*.')) {
    wildcard = true;
    host = host.slice(2);
  }
  if (host.includes('*')) return { ok: false, error: /^[*.]+$/.test(host) ? 'all-sites' : 'wildcard' };
  if (host === '' && wildcard) return { ok: false, error: 'all-sites' };

  let hostname: string;
  try {
    // The URL parser lowercases and converts internationalised names to punycode.
    hostname = new URL(`https://${host}/`).hostname;
  } catch {
    return { ok: false, error: host === '' ? 'empty' : 'not-a-domain' };
  }
  if (hostname.endsWith('.')) hostname = hostname.slice(0, -1);
  // `www.example.com` → `example.com`, but `www.com` is a site of its own.
  if (hostname.startsWith('www.') && hostname.split('.').length > 2) hostname = hostname.slice(4);

  if (hostname.length > 253 || hostname.startsWith('[')) return { ok: false, error: 'not-a-domain' };
  const labels = hostname.split('.');
  if (labels.length === 1 && wildcard) return { ok: false, error: 'all-sites' };
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return { ok: false, error: 'not-a-domain' };
  const tld = labels[labels.length - 1]!;
  if (/^\d+$/.test(tld)) return { ok: false, error: 'not-a-domain' }; // an IPv4 address
  if (PUBLIC_SUFFIXES.has(hostname)) return { ok: false, error: 'all-sites' };
  return { ok: true, domain: hostname };
}

/** Whether `domain` is one of the default sites or a subdomain of one. */
export function isDefaultSite(domain: string): boolean {
  return siteOf(domain, DEFAULT_SITES) !== null;
}

/** The host of an http(s) URL, lowercased, without a trailing dot; null for anything else. */
export function hostOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  return u.hostname.replace(/\.$/, '') || null;
}

/** The listed domain a host belongs to (itself or a parent), the longest match winning. */
export function siteOf(host: string, domains: readonly string[]): string | null {
  let best: string | null = null;
  for (const d of domains) {
    if ((host === d || host.endsWith(`.${d}`)) && (best === null || d.length > best.length)) best = d;
  }
  return best;
}
