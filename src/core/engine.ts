/**
 * The engine's front door: build once per dataset, then assess and annotate
 * pages. Pure: no DOM, no browser APIs.
 */
import type { Dataset } from './schema';
import type { AnalyzeOptions, Annotation, Assessment, PageInput, PageResult } from './types';
import { Matcher, leftmostLongest, type Pattern } from './matcher';

export interface Engine {
  readonly dataset: Dataset;
  /** Page-level decision: is this page about the deal? */
  assess(input: PageInput): Assessment;
  /** Annotations for blocks of a page already judged about the deal. */
  annotate(blocks: readonly string[], date: string, options?: AnalyzeOptions): Annotation[];
  /** assess + annotate (no annotations at all when the page is not about the deal). */
  analyze(input: PageInput, options?: AnalyzeOptions): PageResult;
}

type Payload = { type: 'term'; id: string };

export function createEngine(dataset: Dataset): Engine {
  const patterns: Pattern<Payload>[] = [];
  for (const t of dataset.terms) {
    for (const f of t.forms) patterns.push({ text: f, payload: { type: 'term', id: t.id } });
    for (const f of t.exactForms) patterns.push({ text: f, payload: { type: 'term', id: t.id }, exact: true });
  }
  const matcher = new Matcher(patterns);
  const today = () => new Date().toISOString().slice(0, 10);

  const engine: Engine = {
    dataset,
    assess(input) {
      const text = [input.title ?? '', ...input.blocks].join('\n').toLowerCase();
      const amazon = /\b(amazon|aws)\b/.test(text);
      const anthropic = /\banthropic\b/.test(text);
      const about = amazon && anthropic;
      return { about, score: about ? 1 : 0, reason: about ? 'both parties named' : 'parties not both named' };
    },
    annotate(blocks, _date, options = {}) {
      const out: Annotation[] = [];
      blocks.forEach((text, block) => {
        for (const h of leftmostLongest(matcher.findAll(text))) {
          out.push({ block, start: h.start, end: h.end, entryId: h.payload.id, kind: 'term' });
        }
      });
      return options.kinds ? out.filter((a) => options.kinds!.includes(a.kind)) : out;
    },
    analyze(input, options = {}) {
      const a = engine.assess(input);
      const date = input.published ?? options.today ?? today();
      return { ...a, date, annotations: a.about ? engine.annotate(input.blocks, date, options) : [] };
    },
  };
  return engine;
}
