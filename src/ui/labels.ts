/** Localised names of the dataset's enums, shared by popup and options. */
import type { SourceView } from '../core/explain';
import type { Kind } from '../core/settings';
import { t, type MessageKey } from './i18n';

const KIND_PLURAL: Record<Kind, MessageKey> = { conflict: 'kindConflicts', caveat: 'kindCaveats', fact: 'kindFacts', term: 'kindTerms' };
const SOURCE_KIND: Record<SourceView['kind'], MessageKey> = { primary: 'sourceKindPrimary', press: 'sourceKindPress', analysis: 'sourceKindAnalysis' };

export function kindLabel(kind: Kind): string {
  return t(KIND_PLURAL[kind]);
}

export function sourceKindLabel(kind: SourceView['kind']): string {
  return t(SOURCE_KIND[kind]);
}
