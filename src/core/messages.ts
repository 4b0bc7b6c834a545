/**
 * Every message between the content script, the background and the popup.
 * Each side validates what it receives with these schemas before acting.
 *
 * Written with `zod/mini` imported as a namespace so the content script can
 * validate messages for about 15 KiB (classic zod costs 80+ KiB minified).
 */
import * as z from 'zod/mini';

const count = () => z.int().check(z.minimum(0));

/** Annotation kinds; the same four as schema.ts `Kind` (a unit test keeps them equal). */
export const MessageKind = z.enum(['term', 'fact', 'caveat', 'conflict']);

export const Counts = z.strictObject({ term: count(), fact: count(), caveat: count(), conflict: count() });

/** One mark on the page, as the popup lists it. `mark` is its index in reading order. */
export const SummaryItem = z.strictObject({
  mark: count(),
  entryId: z.string().check(z.maxLength(100)),
  kind: MessageKind,
  /** The fact a figure was compared with (conflicts and caveats on figures), for "what the record says". */
  factId: z.optional(z.string().check(z.maxLength(100))),
  /** The page's exact words. */
  text: z.string().check(z.maxLength(500)),
  /** The sentence around them. */
  context: z._default(z.string().check(z.maxLength(1000)), ''),
});

/** Content script → background (and → popup on request): the page's state after a pass. */
export const PageSummary = z.strictObject({
  type: z.literal('page-summary'),
  url: z.string().check(z.maxLength(4096)),
  about: z.boolean(),
  score: z.number(),
  /** Whether the extension is active on this page (site switched on or annotated by request). */
  active: z._default(z.boolean(), true),
  counts: Counts,
  /** Facts/caveats/conflicts not shown because all their sources are switched off. */
  hidden: z._default(count(), 0),
  items: z.array(SummaryItem).check(z.maxLength(5000)),
});

/** Popup → content script: scroll to a mark and open its tooltip. */
export const Reveal = z.strictObject({ type: z.literal('reveal'), mark: count() });
/** Popup → content script: send the current summary back. */
export const GetSummary = z.strictObject({ type: z.literal('get-summary') });
/**
 * Popup → content script: annotate this page now although its site is not
 * switched on ("Annotate this page", after the popup injected content.js with
 * activeTab). Answered with the page's summary once the pass is done.
 */
export const Annotate = z.strictObject({ type: z.literal('annotate') });
/** Popup → background: the stored summary of a tab. */
export const GetTabState = z.strictObject({ type: z.literal('get-tab-state'), tabId: z.int() });

export const ToContent = z.discriminatedUnion('type', [Reveal, GetSummary, Annotate]);
export const ToBackground = z.discriminatedUnion('type', [PageSummary, GetTabState]);

/** What the background keeps of one frame of a tab. */
export const FrameState = z.strictObject({ frameId: z.int().check(z.minimum(0)), summary: PageSummary });
/** Background → popup: the answer to get-tab-state (frames in frame-id order; top frame is 0). */
export const TabState = z.strictObject({ tabId: z.int(), frames: z.array(FrameState).check(z.maxLength(100)) });
export const TabStateReply = z.nullable(TabState);

export type Counts = z.infer<typeof Counts>;
export type SummaryItem = z.infer<typeof SummaryItem>;
export type PageSummary = z.infer<typeof PageSummary>;
/** A summary as built by a sender, before defaults are filled in. */
export type PageSummaryInput = z.input<typeof PageSummary>;
export type Reveal = z.infer<typeof Reveal>;
export type Annotate = z.infer<typeof Annotate>;
export type ToContent = z.infer<typeof ToContent>;
export type ToBackground = z.infer<typeof ToBackground>;
export type FrameState = z.infer<typeof FrameState>;
export type TabState = z.infer<typeof TabState>;
