/** The page's marks counted by kind, in ledger order. */
import type { Counts } from '../core/messages';
import { t } from '../ui/i18n';
import { kindLabel } from '../ui/labels';
import { LEDGER_ORDER } from './ledger';

export function KindCounts({ counts }: { counts: Counts }) {
  return (
    <ul class="counts" aria-label={t('countsLabel')}>
      {LEDGER_ORDER.map((k) => (
        <li key={k} class={`count kind-${k}`} data-kind={k}>
          <span class="count-num">{counts[k]}</span> <span class="count-label">{kindLabel(k)}</span>
        </li>
      ))}
    </ul>
  );
}
