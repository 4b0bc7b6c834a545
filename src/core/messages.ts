/**
 * Every message between the content script, the background and the popup.
 * Each side validates what it receives with these schemas before acting.
 */
import { z } from 'zod';
import { Kind } from './schema';

export const Counts = z
  .object({ term: z.number().int().min(0), fact: z.number().int().min(0), caveat: z.number().int().min(0), conflict: z.number().int().min(0) })
  .strict();

/** One mark on the page, as the popup lists it. `mark` is its index in reading order. */
export const SummaryItem = z
  .object({
    mark: z.number().int().min(0),
    entryId: z.string().max(100),
    kind: Kind,
    /** The page's exact words. */
    text: z.string().max(500),
    /** The sentence around them. */
    context: z.string().max(1000).default(''),
  })
  .strict();

/** Content script → background (and → popup on request): the page's state after a pass. */
export const PageSummary = z
  .object({
    type: z.literal('page-summary'),
    url: z.string().max(4096),
    about: z.boolean(),
    score: z.number(),
    /** Whether the extension is active on this page (site switched on or annotated by request). */
    active: z.boolean().default(true),
    counts: Counts,
    /** Facts/caveats/conflicts not shown because all their sources are switched off. */
    hidden: z.number().int().min(0).default(0),
    items: z.array(SummaryItem).max(5000),
  })
  .strict();

/** Popup → content script: scroll to a mark and open its tooltip. */
export const Reveal = z.object({ type: z.literal('reveal'), mark: z.number().int().min(0) }).strict();
/** Popup → content script: send the current summary back. */
export const GetSummary = z.object({ type: z.literal('get-summary') }).strict();
/** Popup → background: the stored summary of a tab. */
export const GetTabState = z.object({ type: z.literal('get-tab-state'), tabId: z.number().int() }).strict();

export const ToContent = z.discriminatedUnion('type', [Reveal, GetSummary]);
export const ToBackground = z.discriminatedUnion('type', [PageSummary, GetTabState]);

export type Counts = z.infer<typeof Counts>;
export type SummaryItem = z.infer<typeof SummaryItem>;
export type PageSummary = z.infer<typeof PageSummary>;
export type Reveal = z.infer<typeof Reveal>;
export type ToContent = z.infer<typeof ToContent>;
export type ToBackground = z.infer<typeof ToBackground>;
