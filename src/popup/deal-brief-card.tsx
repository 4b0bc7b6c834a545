/** "The deal in brief", for pages with nothing to mark. */
import { formatDate, t } from '../ui/i18n';
import type { DealBrief } from './deal-brief';

export function DealBriefCard({ brief }: { brief: DealBrief }) {
  if (!brief.items.length) return null;
  return (
    <section class="brief card" aria-labelledby="brief-title" data-testid="deal-brief">
      <h2 id="brief-title">{t('dealInBrief')}</h2>
      <dl>
        {brief.items.map((i) => (
          <div key={i.id} class="brief-item">
            <dt>{i.title}</dt>
            <dd>{i.value}</dd>
          </div>
        ))}
      </dl>
      {brief.asOf && <p class="muted">{t('asOf', formatDate(brief.asOf))}</p>}
    </section>
  );
}
