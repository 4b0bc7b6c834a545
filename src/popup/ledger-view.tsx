/**
 * The claim ledger: one list item per row; the row's heading is a button that
 * reveals its mark in the page (each press moves to the row's next mark).
 */
import { useState } from 'preact/hooks';
import { formatDate, t } from '../ui/i18n';
import { SourceList } from '../ui/source-list';
import { kindLabel } from '../ui/labels';
import { LEDGER_ORDER, type LedgerRow } from './ledger';

export interface LedgerProps {
  rows: readonly LedgerRow[];
  onReveal(frameId: number, mark: number): void;
}

export function Ledger({ rows, onReveal }: LedgerProps) {
  return (
    <section class="ledger" aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t('ledgerTitle')}</h2>
      {LEDGER_ORDER.map((kind) => {
        const own = rows.filter((r) => r.kind === kind);
        if (!own.length) return null;
        return (
          <div key={kind} class={`ledger-group kind-${kind}`}>
            <h3>{kindLabel(kind)}</h3>
            <ol>
              {own.map((r) => (
                <Row key={r.key} row={r} onReveal={onReveal} />
              ))}
            </ol>
          </div>
        );
      })}
    </section>
  );
}

function Row({ row, onReveal }: { row: LedgerRow; onReveal: LedgerProps['onReveal'] }) {
  const [next, setNext] = useState(0);
  const e = row.explanation;
  const n = row.marks.length;
  const claim = row.kind === 'conflict' || row.kind === 'caveat';
  const go = () => {
    const ref = row.marks[next % n]!;
    setNext(next + 1);
    onReveal(ref.frameId, ref.mark);
  };
  return (
    <li class={`row kind-${row.kind}`} data-entry-id={row.entryId} data-kind={row.kind}>
      <button type="button" class="row-go" onClick={go} data-mark={row.marks[next % n]!.mark} aria-label={t('revealLabel', e.title, n)}>
        <span class="row-title">{e.title}</span>
        {n > 1 && <span class="row-count">×{n}</span>}
      </button>
      {claim && (
        <dl class="row-detail">
          <dt>{t('pageSays')}</dt>
          <dd class="says">“{row.text}”</dd>
          <dt>{t('recordSays')}</dt>
          <dd>
            {e.record ?? e.body}
            {e.figure && (
              <span class="figure">
                {' '}
                {t('figureAsOf', e.figure.value, formatDate(e.figure.asOf))}
              </span>
            )}
          </dd>
          {e.why && (
            <>
              <dt>{t('why')}</dt>
              <dd>{e.why}</dd>
            </>
          )}
        </dl>
      )}
      {!claim && e.figure && <p class="figure">{t('figureAsOf', e.figure.value, formatDate(e.figure.asOf))}</p>}
      {!claim && !e.figure && row.text && <p class="muted says">“{row.text}”</p>}
      {e.sources.length > 0 && (
        <details class="row-sources">
          <summary>{t('sourcesCount', e.sources.length)}</summary>
          <SourceList sources={e.sources} />
        </details>
      )}
    </li>
  );
}
