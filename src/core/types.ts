/** Shapes shared by the engine, the content script, the CLI and the UI. */
import type { Kind } from './schema';

/** One annotation: a span of one block's text explained by one dataset entry. */
export interface Annotation {
  /** Index of the block in the input. */
  block: number;
  /** UTF-16 offsets into the block's text, end exclusive. */
  start: number;
  end: number;
  entryId: string;
  kind: Kind;
  /** For figure and phrase verdicts: the fact the page's words were compared with. */
  factId?: string;
  /** For figures: the value the page states, in the fact's unit (for "the page says X"). */
  stated?: string;
}

/** What the engine reads of a page. */
export interface PageInput {
  /** Text of each block (paragraph, heading, list item, cell), inline pieces joined. */
  blocks: readonly string[];
  /** The document title, if any: it weighs in the page-level decision. */
  title?: string;
  /** The article's publication date (YYYY-MM-DD) when the page gives one. */
  published?: string;
  /**
   * The day the page says it was last changed. Used only for a page first
   * published before the deal that states the deal's current figures (a
   * company profile kept up to date): it is read as of that day.
   */
  modified?: string;
  /**
   * Per block, what a short block is read under when the page's structure says
   * (a cell's row and column headers, a value's term, an answer's question).
   */
  labels?: readonly (string | undefined)[];
}

export interface Assessment {
  about: boolean;
  score: number;
  /** Why, for the CLI and the popup: e.g. "Amazon+Anthropic in 4 blocks, 6 deal words". */
  reason: string;
}

export interface PageResult extends Assessment {
  /** Annotations left out because every source behind them is switched off. */
  hidden: number;
  /** The date the page is judged at (published date, or today). */
  date: string;
  /** The page labels itself satire or parody: it makes no claims to check, so no conflict is reported. */
  satire?: true;
  annotations: Annotation[];
}

/** Options the UI can set: which kinds are shown, which sources are trusted. */
export interface AnalyzeOptions {
  /** The day to judge by when the page gives no date (YYYY-MM-DD). Defaults to today. */
  today?: string;
  /** Kinds to return; all by default. */
  kinds?: readonly Kind[];
  /** Source ids switched off: facts/caveats/conflicts backed only by these are dropped. */
  disabledSources?: readonly string[];
  /**
   * The page's own publication date, for `annotate` (incremental passes; `analyze`
   * reads it from the input): a page dated after a moving record's `recheckAfter`
   * is not told it contradicts it. An undated page is judged as before.
   */
  published?: string;
  /**
   * For `annotate`: the page was found to be satire by `analyze` (its title or a
   * short tag), so the blocks of an incremental pass get no conflict either.
   */
  satire?: boolean;
}
