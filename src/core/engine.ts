/**
 * The engine's front door: compile once per dataset, then assess and annotate
 * pages. Pure: no DOM, no browser APIs.
 */
import type { Dataset, Kind } from './schema';
import type { AnalyzeOptions, Annotation, Assessment, PageInput, PageResult } from './types';
import { compile, type Compiled } from './compile';
import { scanBlock, type BlockScan } from './scan';
import { carriedParties, correctedByNote, linkFigures, phraseAnnotations, resolveOverlaps, storyBlocks, termAnnotations, type FigureLink } from './annotate';
import { assess, partyPrecheck } from './relevance';
import { filterBySources } from './sources-filter';

export interface Engine {
  readonly dataset: Dataset;
  /**
   * The cheapest possible no: false when the texts together (e.g. the title and
   * the page's whole `textContent`) do not name both parties, so nothing else need run.
   */
  mightBeAbout(...texts: string[]): boolean;
  /** Page-level decision: is this page about the deal? */
  assess(input: PageInput, options?: AnalyzeOptions): Assessment;
  /** Annotations for blocks of a page already judged about the deal (incremental passes). */
  annotate(blocks: readonly string[], date: string, options?: AnalyzeOptions, labels?: readonly (string | undefined)[]): Annotation[];
  /** assess + annotate (no annotations at all when the page is not about the deal). */
  analyze(input: PageInput, options?: AnalyzeOptions): PageResult;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function createEngine(dataset: Dataset): Engine {
  // compiled on first need: a page that fails the pre-check never pays for the automaton
  let compiled: Compiled | undefined;
  const C = () => (compiled ??= compile(dataset));
  const mightBeAboutDeal = partyPrecheck(dataset);

  const judgeDate = (input: PageInput, options: AnalyzeOptions) => input.published ?? options.today ?? todayIso();

  function scanAll(blocks: readonly string[]): BlockScan[] {
    return blocks.map((t) => scanBlock(C(), t));
  }

  function annotations(scans: BlockScan[], links: FigureLink[], date: string, options: AnalyzeOptions): { list: Annotation[]; hidden: number } {
    const standing = (a: { kind: Kind; block: number; entryId: string; stated?: string }) => !correctedByNote(C(), scans, a);
    const figures: Annotation[] = links.filter(standing).map((l) => ({ block: l.block, start: l.start, end: l.end, entryId: l.entryId, kind: l.kind, factId: C().facts[l.fact]!.id, stated: l.stated }));
    const phrases = phraseAnnotations(C(), scans, date, options.published).filter(standing);
    const claimed = new Set([...figures, ...phrases].map((a) => a.block));
    const all: Annotation[] = [...figures, ...phrases, ...termAnnotations(scans, storyBlocks(C(), scans, claimed))];
    const resolved = resolveOverlaps(all);
    const { kept, hidden } = filterBySources(C(), resolved, options.disabledSources ?? []);
    const kinds = options.kinds ? new Set<Kind>(options.kinds) : null;
    return { list: kinds ? kept.filter((a) => kinds.has(a.kind)) : kept, hidden };
  }

  /** A page that labels itself satire or parody (in its title or a short tag such as "SATIRE") makes no claims to check. */
  const SATIRE = /\b(?:satire|satirical|parody|spoof)\b/i;
  const satireTag = (blocks: readonly string[]) => blocks.some((b) => b.length <= 60 && SATIRE.test(b));
  const isSatire = (input: PageInput) => SATIRE.test(input.title ?? '') || satireTag(input.blocks);
  const noConflicts = (list: Annotation[]) => list.filter((x) => x.kind !== 'conflict');

  const isCurrentMatch = (l: FigureLink) => l.kind !== 'conflict' && (C().facts[l.fact]!.validFrom ?? '') >= C().dataset.story.announced;

  const engine: Engine = {
    dataset,
    mightBeAbout: (...texts) => mightBeAboutDeal(texts),
    assess(input, options = {}) {
      if (!mightBeAboutDeal([input.title ?? '', ...input.blocks])) return { about: false, score: 0, reason: 'the two parties are not both named' };
      const scans = scanAll(input.blocks);
      const date = judgeDate(input, options);
      const carried = carriedParties(C(), scans);
      const links = linkFigures(C(), scans, date, carried, input.published, input.labels);
      return assess(C(), scans, input.title ? scanBlock(C(), input.title) : undefined, links, carried);
    },
    annotate(blocks, date, options = {}, labels) {
      const scans = scanAll(blocks);
      const links = linkFigures(C(), scans, date, carriedParties(C(), scans), options.published, labels);
      const list = annotations(scans, links, date, options).list;
      return options.satire || satireTag(blocks) ? noConflicts(list) : list;
    },
    analyze(input, options = {}) {
      let date = judgeDate(input, options);
      if (!mightBeAboutDeal([input.title ?? '', ...input.blocks])) {
        return { about: false, score: 0, reason: 'the two parties are not both named', date, annotations: [], hidden: 0 };
      }
      const scans = scanAll(input.blocks);
      const carried = carriedParties(C(), scans);
      let published = input.published;
      let links = linkFigures(C(), scans, date, carried, published, input.labels);
      // A page first published before the deal and changed since (a company profile kept up to
      // date) that states the deal's current figures is read as of its last change.
      const announced = C().dataset.story.announced;
      if (published && published < announced && input.modified && input.modified >= announced) {
        const later = linkFigures(C(), scans, input.modified, carried, input.modified, input.labels);
        if (later.some((l) => isCurrentMatch(l))) {
          date = published = input.modified;
          links = later;
        }
      }
      // An undated page that states none of the current stage's figures is read as an
      // older stage: judged as of the eve of the announcement, so the record of its day
      // applies and today's claims rules do not.
      if (!published && !links.some((l) => isCurrentMatch(l))) {
        date = dayBefore(announced);
        links = linkFigures(C(), scans, date, carried, published, input.labels);
      }
      const a = assess(C(), scans, input.title ? scanBlock(C(), input.title) : undefined, links, carried);
      if (!a.about) return { ...a, date, annotations: [], hidden: 0 };
      const { list, hidden } = annotations(scans, links, date, { ...options, published });
      return isSatire(input) ? { ...a, date, satire: true, annotations: noConflicts(list), hidden } : { ...a, date, annotations: list, hidden };
    },
  };
  return engine;
}
