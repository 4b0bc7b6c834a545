/**
 * The one stylesheet for the wrappers, installed only on pages about the deal.
 *
 * Marks must add no layout, so the rules touch paint only (text decoration,
 * background tint, outline on focus). Page CSS is hostile (`* { display:block }`,
 * `p > * { font-size: 80% }`): `all: unset !important` at higher specificity than
 * any plain selector puts the wrapper back to a neutral inline box that inherits
 * everything from its parent, then the decoration is set on top.
 *
 * Kinds differ by line style, not colour alone: term dotted, fact solid, caveat
 * wavy, conflict double with a tint. Colours are mixed with `currentColor`, so
 * they follow the site's own text colour and stay legible on light and dark
 * pages whatever the system scheme; `prefers-color-scheme: dark` only lightens
 * the base hues a little more.
 */
import type { Intensity } from '../core/settings';

export const MARK_TAG = 'deal-lens-mark';

const SEL = `${MARK_TAG}[data-deal-lens-kind][data-deal-lens-id]`;

const HUES = {
  light: { term: '#1d4ed8', fact: '#15803d', caveat: '#b45309', conflict: '#b91c1c' },
  dark: { term: '#60a5fa', fact: '#4ade80', caveat: '#fbbf24', conflict: '#f87171' },
} as const;

const LINE = { term: 'dotted', fact: 'solid', caveat: 'wavy', conflict: 'double' } as const;

const LEVELS: Record<Intensity, { thickness: string; hue: number; tint: number; hover: number }> = {
  subtle: { thickness: '1px', hue: 55, tint: 8, hover: 10 },
  normal: { thickness: '1.5px', hue: 70, tint: 14, hover: 14 },
  strong: { thickness: '2px', hue: 85, tint: 22, hover: 20 },
};

function kindRules(scheme: 'light' | 'dark', level: (typeof LEVELS)[Intensity]): string {
  return (Object.keys(LINE) as (keyof typeof LINE)[])
    .map((kind) => {
      const hue = HUES[scheme][kind];
      const tint = kind === 'conflict' ? `background-color:color-mix(in srgb,${hue} ${level.tint}%,transparent)!important;` : '';
      return (
        `${SEL}[data-deal-lens-kind="${kind}"]{text-decoration-color:color-mix(in srgb,${hue} ${level.hue}%,currentColor)!important;${tint}}` +
        `${SEL}[data-deal-lens-kind="${kind}"]:hover,${SEL}[data-deal-lens-kind="${kind}"][data-deal-lens-open]{background-color:color-mix(in srgb,${hue} ${level.hover + (kind === 'conflict' ? level.tint : 0)}%,transparent)!important}` +
        `${SEL}[data-deal-lens-kind="${kind}"]:focus-visible{outline:2px solid color-mix(in srgb,${hue} 80%,currentColor)!important}`
      );
    })
    .join('');
}

const built = new Map<Intensity, string>();

/** The wrapper stylesheet for one highlight intensity (built once per intensity: every install asks for it). */
export function markCss(intensity: Intensity = 'normal'): string {
  let css = built.get(intensity);
  if (css === undefined) built.set(intensity, (css = buildCss(intensity)));
  return css;
}

function buildCss(intensity: Intensity): string {
  const level = LEVELS[intensity];
  const lines = (Object.keys(LINE) as (keyof typeof LINE)[]).map((k) => `${SEL}[data-deal-lens-kind="${k}"]{text-decoration-style:${LINE[k]}!important}`).join('');
  return (
    `${SEL}{all:unset!important;display:inline!important;cursor:help!important;` +
    `text-decoration-line:underline!important;text-decoration-thickness:${level.thickness}!important;` +
    `text-underline-offset:.2em!important;text-decoration-skip-ink:none!important;` +
    `border-radius:2px!important;-webkit-box-decoration-break:clone!important;box-decoration-break:clone!important}` +
    // page rules such as `*::after { content: ""; display: block }` must not give our wrapper boxes of its own
    `${SEL}::before,${SEL}::after{content:none!important;display:none!important}` +
    `${SEL}:focus{outline:none!important}` +
    `${SEL}:focus-visible{outline-offset:1px!important}` +
    lines +
    kindRules('light', level) +
    `@media (prefers-color-scheme:dark){${kindRules('dark', level)}}` +
    `@media (forced-colors:active){${SEL}{text-decoration-color:LinkText!important;background-color:transparent!important}${SEL}:focus-visible{outline:2px solid Highlight!important}}`
  );
}
