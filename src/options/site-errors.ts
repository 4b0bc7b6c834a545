/** Sentences for each reason a site could not be added. */
import type { AddSiteResult } from '../core/settings-edit';
import { t, type MessageKey } from '../ui/i18n';

type AddError = Extract<AddSiteResult, { ok: false }>['error'] | 'denied' | 'failed';

const KEYS: Record<AddError, MessageKey> = {
  empty: 'siteErrorEmpty',
  'too-long': 'siteErrorNotDomain',
  scheme: 'siteErrorScheme',
  'all-sites': 'siteErrorAllSites',
  wildcard: 'siteErrorWildcard',
  'not-a-domain': 'siteErrorNotDomain',
  default: 'siteErrorDefault',
  duplicate: 'siteErrorDuplicate',
  full: 'siteErrorFull',
  denied: 'siteErrorDenied',
  failed: 'siteErrorFailed',
};

export function siteErrorText(error: AddError, input: string): string {
  const shown = input.length > 60 ? `${input.slice(0, 57)}…` : input;
  return t(KEYS[error], shown);
}
