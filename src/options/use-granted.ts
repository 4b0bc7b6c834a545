/** Preact hook: which of the given sites have their optional host permission right now (revocable at any time). */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { originsFor } from '../core/settings-edit';

export function useGranted(domains: readonly string[]): ReadonlySet<string> | null {
  const [granted, setGranted] = useState<ReadonlySet<string> | null>(null);
  const key = domains.join('\n');
  useEffect(() => {
    let live = true;
    const check = async () => {
      const flags = await Promise.all(domains.map((d) => browser.permissions.contains({ origins: originsFor(d) }).catch(() => false)));
      if (live) setGranted(new Set(domains.filter((_, i) => flags[i])));
    };
    void check();
    const onChange = () => void check();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, [key]);
  return granted;
}
