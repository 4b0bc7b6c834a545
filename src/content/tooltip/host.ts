/**
 * The one element the tooltip lives under: `<deal-lens-tooltip>` appended to
 * `<html>` (outside `<body>`, so the page's body children and `:last-child`
 * rules are untouched), holding an open shadow root.
 *
 * Isolation: the host's inline style is `all: initial !important` plus fixed
 * positioning, set through the CSSOM (a page CSP may block style attributes in
 * markup, never `element.style`), so page rules cannot reach it; inside, styles
 * come in as constructable stylesheets, which CSP does not govern either.
 *
 * Accessibility: `aria-describedby` cannot point into a shadow root, so the
 * host itself carries the id and `role="tooltip"`; a mark's description is the
 * host's (flattened) text, which includes the shadow content. The host is
 * `display: none` while closed, so it is out of the accessibility tree then.
 */
import { installSheet, type InstalledSheet } from '../stylesheet';

export const HOST_TAG = 'deal-lens-tooltip';
export const HOST_ID = 'deal-lens-tooltip';

export interface TooltipHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** The positioned box inside the shadow root (what floating-ui moves). */
  panel: HTMLElement;
  show(): void;
  hide(): void;
  readonly shown: boolean;
  remove(): void;
}

const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['overflow', 'visible'],
  ['z-index', '2147483647'],
  ['pointer-events', 'auto'],
];

export function createHost(doc: Document, css: string): TooltipHost {
  const host = doc.createElement(HOST_TAG) as HTMLElement;
  host.id = doc.getElementById(HOST_ID) ? `${HOST_ID}-${Math.random().toString(36).slice(2, 8)}` : HOST_ID;
  host.setAttribute('role', 'tooltip');
  for (const [p, v] of HOST_STYLE) host.style.setProperty(p, v, 'important');
  host.style.setProperty('display', 'none', 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet: InstalledSheet = installSheet(shadow, css);
  const panel = doc.createElement('div');
  panel.className = 'dl-panel';
  shadow.appendChild(panel);
  (doc.documentElement ?? doc.body).appendChild(host);
  let shown = false;
  return {
    host,
    shadow,
    panel,
    show() {
      shown = true;
      host.style.setProperty('display', 'block', 'important');
    },
    hide() {
      shown = false;
      host.style.setProperty('display', 'none', 'important');
    },
    get shown() {
      return shown;
    },
    remove() {
      sheet.remove();
      host.remove();
    },
  };
}
