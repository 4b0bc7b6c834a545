/**
 * An on/off switch: a native checkbox with role="switch", so Space toggles it,
 * screen readers say "on"/"off", and the label is clickable.
 */
import type { ComponentChildren } from 'preact';

export interface SwitchProps {
  checked: boolean;
  onChange(checked: boolean): void;
  children: ComponentChildren;
  /** Extra description read after the label (id of an element). */
  describedBy?: string;
  disabled?: boolean;
  /** For tests and styling hooks. */
  name?: string;
}

export function Switch({ checked, onChange, children, describedBy, disabled, name }: SwitchProps) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        name={name}
        checked={checked}
        disabled={disabled}
        aria-checked={checked}
        aria-describedby={describedBy}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span class="switch-track" aria-hidden="true" />
      <span class="switch-label">{children}</span>
    </label>
  );
}
