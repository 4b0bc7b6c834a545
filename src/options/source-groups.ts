/** The dataset's sources grouped for the options page: primary, press, analysis; newest first within each. Pure. */
import type { Source } from '../core/schema';

export const SOURCE_KINDS = ['primary', 'press', 'analysis'] as const;

export function groupSources(sources: readonly Source[]): { kind: Source['kind']; sources: Source[] }[] {
  return SOURCE_KINDS.map((kind) => ({
    kind,
    sources: sources.filter((s) => s.kind === kind).sort((a, b) => b.date.localeCompare(a.date) || a.publisher.localeCompare(b.publisher)),
  })).filter((g) => g.sources.length > 0);
}
