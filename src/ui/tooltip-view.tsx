/**
 * One annotation's explanation as a card: the in-page tooltip renders it, and
 * the popup may reuse it (or `SourceList`) for its claim ledger. Pure preact
 * over the view model of core/explain.ts; every string goes through `t`, so the
 * caller decides where text comes from (`browser.i18n.getMessage` in the
 * extension, the English messages.json in tests).
 */
import type { Explanation, SourceView } from '../core/explain';
import type { Status } from '../core/schema';

/** Message keys the card uses (all in src/_locales/<lang>/messages.json). */
export type TooltipKey =
  | 'tooltipKind_term'
  | 'tooltipKind_fact'
  | 'tooltipKind_caveat'
  | 'tooltipKind_conflict'
  | 'tooltipSays'
  | 'tooltipSaysNoRecord'
  | 'tooltipVerified'
  | 'tooltipAsOf'
  | 'tooltipStatus'
  | 'tooltipWhy'
  | 'tooltipInDeal'
  | 'tooltipSince'
  | 'tooltipContext'
  | 'tooltipSources'
  | 'tooltipMoreSources'
  | 'tooltipSearch'
  | 'tooltipOpenSource'
  | 'tooltipSourceKind_primary'
  | 'tooltipSourceKind_press'
  | 'tooltipSourceKind_analysis'
  | 'tooltipStatus_confirmed'
  | 'tooltipStatus_self_reported'
  | 'tooltipStatus_single_source'
  | 'tooltipStatus_disputed'
  | 'tooltipStatus_superseded';

/** Message names allow only [A-Za-z0-9_@] (Chrome refuses the extension otherwise): `self-reported` → `self_reported`. */
function statusKey(status: Status): TooltipKey {
  return `tooltipStatus_${status.replace(/-/g, '_')}` as TooltipKey;
}

/** `t(key, substitutions)`, as `browser.i18n.getMessage`. */
export type Translate = (key: TooltipKey, subs?: string[]) => string;

export interface TooltipViewProps {
  explanation: Explanation;
  t: Translate;
  /** id of the title element, for aria-labelledby on a container. */
  titleId?: string;
  /** Show at most this many sources and say how many more there are (the tooltip keeps short; the popup shows all). */
  maxSources?: number;
}

/** The card: kind, title, what the page says against the record, the verified figure, body, context, sources. */
export function TooltipView({ explanation: x, t, titleId, maxSources }: TooltipViewProps) {
  const record = x.record ?? x.figure?.value;
  const contrast = (x.kind === 'conflict' || x.kind === 'caveat') && x.says;
  return (
    <div class={`dl-card dl-${x.kind}`} data-kind={x.kind}>
      <p class="dl-kind">
        <span class="dl-swatch" aria-hidden="true" />
        {t(`tooltipKind_${x.kind}`)}
      </p>
      <h2 class="dl-title" id={titleId}>
        {x.title}
      </h2>
      {contrast ? <p class="dl-says">{record ? t('tooltipSays', [x.says!, record]) : t('tooltipSaysNoRecord', [x.says!])}</p> : null}
      {x.figure ? (
        <dl class="dl-figure">
          <div>
            <dt>{t('tooltipVerified')}</dt>
            <dd class="dl-value">{x.figure.value}</dd>
          </div>
          <div>
            <dt>{t('tooltipAsOf')}</dt>
            <dd>
              <time dateTime={x.figure.asOf}>{x.figure.asOf}</time>
            </dd>
          </div>
          <div>
            <dt>{t('tooltipStatus')}</dt>
            <dd class={`dl-status dl-status-${x.figure.status}`}>{t(statusKey(x.figure.status))}</dd>
          </div>
        </dl>
      ) : null}
      {x.body ? <p class="dl-body">{x.body}</p> : null}
      {x.why ? (
        <p class="dl-why">
          <strong>{t('tooltipWhy')}</strong> {x.why}
        </p>
      ) : null}
      {x.deal ? (
        <p class="dl-deal">
          <strong>{t('tooltipInDeal')}</strong> {x.deal}
        </p>
      ) : null}
      {x.since.length ? (
        <div class="dl-since">
          <h3>{t('tooltipSince')}</h3>
          <ul>
            {x.since.map((s) => (
              <li key={s.title}>
                {s.title}
                {s.value ? `: ${s.value}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {x.caveats.length ? (
        <div class="dl-caveats">
          <h3>{t('tooltipContext')}</h3>
          <ul>
            {x.caveats.map((c) => (
              <li key={c.title}>
                <strong>{c.title}.</strong> {c.body}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {x.sources.length ? <SourceList sources={x.sources} t={t} max={maxSources} /> : null}
    </div>
  );
}

/** Sources with publisher, title, date and kind, each with a link (its URL, or a web search for its title) in a new tab. */
export function SourceList({ sources, t, max }: { sources: readonly SourceView[]; t: Translate; max?: number | undefined }) {
  const shown = max !== undefined && sources.length > max ? sources.slice(0, max) : sources;
  const more = sources.length - shown.length;
  return (
    <div class="dl-sources">
      <h3>{t('tooltipSources')}</h3>
      <ul>
        {shown.map((s) => (
          <li key={s.id} class="dl-source">
            <span class="dl-publisher">{s.publisher}</span>
            {', '}
            <cite>{s.title}</cite>
            {', '}
            <time dateTime={s.date}>{s.date}</time>
            {' · '}
            <span class={`dl-source-kind dl-source-${s.kind}`}>{t(`tooltipSourceKind_${s.kind}`)}</span>
            {' · '}
            <a href={s.href} target="_blank" rel="noopener noreferrer">
              {s.searchOnly ? t('tooltipSearch') : t('tooltipOpenSource')}
            </a>
          </li>
        ))}
      </ul>
      {more > 0 ? <p class="dl-more">{t('tooltipMoreSources', [String(more)])}</p> : null}
    </div>
  );
}
