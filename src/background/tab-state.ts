/**
 * What the background knows of each tab, as a pure reducer: the content script
 * of each frame reports a page summary; navigation and closing forget it. The
 * badge is derived from the state, never stored. No browser calls here.
 */
import type { Counts, FrameState, PageSummary, TabState } from '../core/messages';

export type TabStates = ReadonlyMap<number, TabState>;

export type TabEvent =
  | { type: 'summary'; tabId: number; frameId: number; summary: PageSummary }
  /** The tab started loading a new document (`url` when the browser tells us). */
  | { type: 'navigate'; tabId: number; url?: string }
  | { type: 'remove'; tabId: number };

/** At most this many frames are remembered per tab (ads can nest dozens of iframes). */
export const MAX_FRAMES = 100;

/** Apply one event; returns the new map and the tab whose state (and badge) changed, if any. */
export function reduceTabs(states: TabStates, e: TabEvent): { states: TabStates; changed: number | null } {
  const prev = states.get(e.tabId);
  switch (e.type) {
    case 'summary': {
      const others = (prev?.frames ?? []).filter((f) => f.frameId !== e.frameId);
      if (others.length >= MAX_FRAMES) return { states, changed: null };
      const frames: FrameState[] = [...others, { frameId: e.frameId, summary: e.summary }].sort((a, b) => a.frameId - b.frameId);
      return { states: withTab(states, e.tabId, { tabId: e.tabId, frames }), changed: e.tabId };
    }
    case 'navigate': {
      if (!prev) return { states, changed: null };
      // A fragment change (#section) keeps the document and its marks.
      const top = prev.frames.find((f) => f.frameId === 0);
      if (e.url !== undefined && top && sameDocument(top.summary.url, e.url)) return { states, changed: null };
      return { states: withoutTab(states, e.tabId), changed: e.tabId };
    }
    case 'remove':
      return prev ? { states: withoutTab(states, e.tabId), changed: e.tabId } : { states, changed: null };
  }
}

function withTab(states: TabStates, tabId: number, tab: TabState): TabStates {
  const next = new Map(states);
  next.set(tabId, tab);
  return next;
}

function withoutTab(states: TabStates, tabId: number): TabStates {
  const next = new Map(states);
  next.delete(tabId);
  return next;
}

/** Same URL but for the fragment. */
export function sameDocument(a: string, b: string): boolean {
  const strip = (u: string) => u.split('#', 1)[0];
  return strip(a) === strip(b);
}

/** Counts summed over the frames whose page is about the deal and where Deal Lens is active. */
export function tabCounts(tab: TabState | undefined): { about: boolean; counts: Counts; hidden: number } {
  const counts: Counts = { term: 0, fact: 0, caveat: 0, conflict: 0 };
  let about = false;
  let hidden = 0;
  for (const { summary } of tab?.frames ?? []) {
    if (!summary.about || !summary.active) continue;
    about = true;
    hidden += summary.hidden;
    for (const k of ['term', 'fact', 'caveat', 'conflict'] as const) counts[k] += summary.counts[k];
  }
  return { about, counts, hidden };
}

export const BADGE_COLOR = '#1e3a8a';
/** Distinct when the page says something the record contradicts. */
export const BADGE_CONFLICT_COLOR = '#b91c1c';
export const BADGE_TEXT_COLOR = '#ffffff';

export interface Badge {
  text: string;
  color: string;
}

/**
 * The badge for a tab: the number of annotations (the marks on the page), red
 * when any is a conflict, empty when the page is not about the deal or has none.
 */
export function badgeFor(tab: TabState | undefined): Badge {
  const { about, counts } = tabCounts(tab);
  const total = counts.term + counts.fact + counts.caveat + counts.conflict;
  if (!about || total === 0) return { text: '', color: BADGE_COLOR };
  return { text: total > 999 ? '999+' : String(total), color: counts.conflict > 0 ? BADGE_CONFLICT_COLOR : BADGE_COLOR };
}
