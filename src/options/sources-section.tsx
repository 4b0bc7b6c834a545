/** Reference sources: each dataset source with a switch, grouped primary / press / analysis. */
import { dataset } from '../ui/dataset';
import { setSourceOn } from '../core/settings-edit';
import { formatDate, t } from '../ui/i18n';
import { sourceKindLabel } from '../ui/labels';
import { Switch } from '../ui/switch';
import { groupSources } from './source-groups';
import type { SectionProps } from './sites-section';

const groups = groupSources(dataset.sources);

export function SourcesSection({ settings, save }: SectionProps) {
  const known = new Set(dataset.sources.map((s) => s.id));
  const off = settings.disabledSources.filter((id) => known.has(id)).length;
  return (
    <section aria-labelledby="sources-title" class="card">
      <h2 id="sources-title">{t('sourcesTitle')}</h2>
      <p class="muted">{t('sourcesIntro')}</p>
      {off > 0 && (
        <p>
          {t('sourcesOff', off)}{' '}
          <button type="button" class="link" onClick={() => void save({ ...settings, disabledSources: [] })}>
            {t('sourcesAllOn')}
          </button>
        </p>
      )}
      {groups.map((g) => (
        <fieldset key={g.kind} class="source-group" data-kind={g.kind}>
          <legend>{sourceKindLabel(g.kind)}</legend>
          <ul class="source-list">
            {g.sources.map((s) => (
              <li key={s.id} data-source={s.id}>
                <Switch name={`source-${s.id}`} checked={!settings.disabledSources.includes(s.id)} onChange={(v) => void save(setSourceOn(settings, s.id, v))}>
                  <span class="source-publisher">{s.publisher}</span> <span class="source-title">{s.title}</span>{' '}
                  <span class="muted">({formatDate(s.date, s.datePrecision)})</span>
                </Switch>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </section>
  );
}
