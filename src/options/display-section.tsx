/** Display: the master switch, which kinds to mark, highlight intensity and tooltip delay. */
import { useEffect, useState } from 'preact/hooks';
import { INTENSITIES, KINDS, MAX_TOOLTIP_DELAY, type Intensity } from '../core/settings';
import { setKindShown } from '../core/settings-edit';
import { t, type MessageKey } from '../ui/i18n';
import { kindLabel } from '../ui/labels';
import { Switch } from '../ui/switch';
import type { SectionProps } from './sites-section';

const INTENSITY_KEYS: Record<Intensity, MessageKey> = { subtle: 'intensitySubtle', normal: 'intensityNormal', strong: 'intensityStrong' };
const KIND_HINT: Record<(typeof KINDS)[number], MessageKey> = { term: 'kindHintTerm', fact: 'kindHintFact', caveat: 'kindHintCaveat', conflict: 'kindHintConflict' };

export function DisplaySection({ settings, save }: SectionProps) {
  // The slider shows its value while dragging; storage is written once, on release (storage.sync limits writes).
  const [delay, setDelay] = useState(settings.tooltipDelay);
  useEffect(() => setDelay(settings.tooltipDelay), [settings.tooltipDelay]);

  return (
    <section aria-labelledby="display-title" class="card">
      <h2 id="display-title">{t('displayTitle')}</h2>
      <Switch name="enabled" checked={settings.enabled} onChange={(v) => void save({ ...settings, enabled: v })}>
        {t('masterSwitch')}
      </Switch>

      <fieldset>
        <legend>{t('kindsLegend')}</legend>
        {KINDS.map((k) => (
          <label key={k} class="check">
            <input type="checkbox" name={`kind-${k}`} checked={settings.kinds[k]} onChange={(e) => void save(setKindShown(settings, k, (e.currentTarget as HTMLInputElement).checked))} />
            <span class={`kind-sample kind-${k}`}>{kindLabel(k)}</span> <span class="muted">{t(KIND_HINT[k])}</span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('intensityLegend')}</legend>
        {INTENSITIES.map((i) => (
          <label key={i} class="check">
            <input type="radio" name="intensity" value={i} checked={settings.intensity === i} onChange={() => void save({ ...settings, intensity: i })} />
            {t(INTENSITY_KEYS[i])}
          </label>
        ))}
      </fieldset>

      <div class="delay">
        <label for="delay">{t('delayLabel')}</label>
        <input
          id="delay"
          name="tooltipDelay"
          type="range"
          min={0}
          max={MAX_TOOLTIP_DELAY}
          step={50}
          value={delay}
          aria-valuetext={t('delayValue', delay)}
          onInput={(e) => setDelay(Number((e.currentTarget as HTMLInputElement).value))}
          onChange={(e) => void save({ ...settings, tooltipDelay: Number((e.currentTarget as HTMLInputElement).value) })}
        />
        <output for="delay">{t('delayValue', delay)}</output>
      </div>
    </section>
  );
}
