/**
 * The notice the options page shows once after stored settings were repaired.
 * The background writes it to storage.local when it replaces invalid settings;
 * the options page shows it and deletes it.
 */
import * as z from 'zod/mini';

export const NOTICE_KEY = 'settingsNotice';

export const SettingsNotice = z.strictObject({
  code: z.enum(['invalid', 'unknown-version', 'migrated']),
  fields: z.array(z.string().check(z.maxLength(41))).check(z.maxLength(8)),
  /** When it happened (ISO time). */
  at: z.string().check(z.maxLength(40)),
});
export type SettingsNotice = z.infer<typeof SettingsNotice>;
