/** The sources behind an explanation: publisher, title, date and kind, each a link (its URL, or a search for its title). */
import type { SourceView } from '../core/explain';
import { formatDate, t } from './i18n';
import { sourceKindLabel } from './labels';

export function SourceList({ sources }: { sources: readonly SourceView[] }) {
  if (!sources.length) return null;
  return (
    <ul class="sources" aria-label={t('sourcesLabel')}>
      {sources.map((s) => (
        <li key={s.id}>
          <a href={s.href} target="_blank" rel="noopener noreferrer" title={s.searchOnly ? t('sourceSearchHint') : s.href}>
            {s.publisher}: {s.title}
          </a>{' '}
          <span class="muted">
            ({formatDate(s.date)}, {sourceKindLabel(s.kind)})
          </span>
        </li>
      ))}
    </ul>
  );
}
