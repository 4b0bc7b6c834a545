/** The one versioned settings object in storage.sync, validated with zod. */
import { z } from 'zod';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export const Settings = z
  .object({
    version: z.literal(SETTINGS_VERSION),
    enabled: z.boolean(),
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { version: SETTINGS_VERSION, enabled: true };

/** Parse what storage holds; anything invalid gives the defaults and says so. */
export function readSettings(raw: unknown): { settings: Settings; problem: string | null } {
  if (raw === undefined) return { settings: DEFAULT_SETTINGS, problem: null };
  const r = Settings.safeParse(raw);
  return r.success ? { settings: r.data, problem: null } : { settings: DEFAULT_SETTINGS, problem: 'Stored settings were invalid and have been reset to the defaults.' };
}
