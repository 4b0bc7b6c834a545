/**
 * Styles of the explanation card (tooltip-view.tsx), for a shadow root or an
 * extension page. Light and dark by `prefers-color-scheme`; motion only when
 * the reader has not asked for less. Kinds carry a shape as well as a colour
 * (the swatch repeats the mark's line style).
 */
export const TOOLTIP_CARD_CSS = `
.dl-card {
  --dl-bg: #ffffff; --dl-fg: #1b1b1f; --dl-muted: #55555f; --dl-rule: #e3e3e8; --dl-link: #1d4ed8;
  --dl-term: #1d4ed8; --dl-fact: #15803d; --dl-caveat: #b45309; --dl-conflict: #b91c1c;
  --dl-accent: var(--dl-term);
  box-sizing: border-box;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--dl-fg);
  text-align: start;
  overflow-wrap: anywhere;
}
.dl-card *, .dl-card *::before, .dl-card *::after { box-sizing: border-box; }
@media (prefers-color-scheme: dark) {
  .dl-card {
    --dl-bg: #1f2026; --dl-fg: #ececf1; --dl-muted: #a9a9b6; --dl-rule: #3a3b44; --dl-link: #8ab4ff;
    --dl-term: #7aa7ff; --dl-fact: #4ade80; --dl-caveat: #fbbf24; --dl-conflict: #f87171;
  }
}
.dl-card.dl-fact { --dl-accent: var(--dl-fact); }
.dl-card.dl-caveat { --dl-accent: var(--dl-caveat); }
.dl-card.dl-conflict { --dl-accent: var(--dl-conflict); }
.dl-card p, .dl-card ul, .dl-card dl, .dl-card h2, .dl-card h3 { margin: 0; padding: 0; }
.dl-card > * + * { margin-top: 8px; }
.dl-kind { display: flex; align-items: center; gap: 6px; font-size: 11px; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; color: var(--dl-accent); }
.dl-swatch { display: inline-block; width: 18px; height: 0; border-bottom: 2px dotted var(--dl-accent); }
.dl-fact .dl-swatch { border-bottom-style: solid; }
.dl-caveat .dl-swatch { border-bottom-style: dashed; }
.dl-conflict .dl-swatch { border-bottom: 4px double var(--dl-accent); }
.dl-title { font-size: 15px; font-weight: 650; line-height: 1.3; }
.dl-says { padding: 6px 8px; border-inline-start: 3px solid var(--dl-accent); background: color-mix(in srgb, var(--dl-accent) 10%, transparent); border-radius: 0 4px 4px 0; }
.dl-figure { display: flex; flex-wrap: wrap; gap: 4px 16px; }
.dl-figure dt { font-size: 11px; color: var(--dl-muted); }
.dl-figure dd { margin: 0; font-weight: 600; }
.dl-figure .dl-value { color: var(--dl-accent); }
.dl-why strong, .dl-deal strong { font-weight: 600; }
.dl-card h3 { font-size: 11px; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; color: var(--dl-muted); margin-bottom: 2px; }
.dl-card ul { list-style: none; }
.dl-card li + li { margin-top: 4px; }
.dl-sources { border-top: 1px solid var(--dl-rule); padding-top: 8px; }
.dl-source { color: var(--dl-muted); font-size: 12px; }
.dl-publisher { color: var(--dl-fg); font-weight: 600; }
.dl-source cite { font-style: italic; }
.dl-more { margin-top: 4px; font-size: 12px; color: var(--dl-muted); }
.dl-card a { color: var(--dl-link); text-decoration: underline; text-underline-offset: 2px; }
.dl-card a:focus-visible { outline: 2px solid var(--dl-link); outline-offset: 1px; border-radius: 2px; }
`;
