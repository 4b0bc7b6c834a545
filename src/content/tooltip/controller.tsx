/**
 * When the tooltip opens and closes. One per frame, so only one tooltip is
 * ever open. Listens on the document (capture phase, passive where possible)
 * instead of on each mark, so marks added by later passes need nothing.
 *
 * - Hover (mouse, pen): opens after the intent delay; stays open while the
 *   pointer is over the mark or the tooltip; closes shortly after it leaves both
 *   (the grace period lets the pointer cross the gap into the tooltip).
 * - Keyboard focus: opens at once; closes on blur (unless focus moved into the
 *   tooltip) and on Escape. A mark focused by a mouse click behaves like hover.
 * - Touch: a tap on a mark opens it; a tap anywhere else closes it.
 * - The UI (host, shadow root, preact) is created on the first open only.
 */
import { render } from 'preact';
import type { Explanation } from '../../core/explain';
import { TooltipView, type Translate } from '../../ui/tooltip-view';
import { MARK_TAG } from '../mark-style';
import { createHost, type TooltipHost } from './host';
import { PANEL_CSS } from './panel-styles';
import { follow } from './position';

/** Sources listed in a tooltip before "and N more": the popup lists them all. */
const MAX_SOURCES = 3;

/** How long the pointer may be away from both mark and tooltip before it closes. */
const CLOSE_GRACE_MS = 150;

export interface TooltipOptions {
  /** Hover intent delay in ms. */
  delay: number;
  /** The explanation for a wrapper element, or null when it is not one of ours. */
  explain(el: HTMLElement): Explanation | null;
  t: Translate;
}

type OpenedBy = 'hover' | 'focus' | 'touch' | 'reveal';

export class TooltipController {
  private ui: TooltipHost | null = null;
  private current: HTMLElement | null = null;
  private openedBy: OpenedBy | null = null;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private stopFollowing: (() => void) | null = null;
  private listening = false;
  private pointer: { x: number; y: number } | undefined;

  constructor(
    private readonly doc: Document,
    private opts: TooltipOptions,
  ) {}

  setDelay(ms: number): void {
    this.opts = { ...this.opts, delay: ms };
  }

  /** Start listening for hover, focus, keys and taps. */
  start(): void {
    if (this.listening) return;
    this.listening = true;
    this.doc.addEventListener('pointerover', this.onPointerOver, true);
    this.doc.addEventListener('pointerout', this.onPointerOut, true);
    this.doc.addEventListener('pointerdown', this.onPointerDown, true);
    this.doc.addEventListener('focusin', this.onFocusIn, true);
    this.doc.addEventListener('focusout', this.onFocusOut, true);
    this.doc.addEventListener('keydown', this.onKeyDown, true);
  }

  /** Stop listening, close, and remove the host: no trace left. */
  stop(): void {
    this.clearTimers();
    this.close();
    if (this.listening) {
      this.listening = false;
      this.doc.removeEventListener('pointerover', this.onPointerOver, true);
      this.doc.removeEventListener('pointerout', this.onPointerOut, true);
      this.doc.removeEventListener('pointerdown', this.onPointerDown, true);
      this.doc.removeEventListener('focusin', this.onFocusIn, true);
      this.doc.removeEventListener('focusout', this.onFocusOut, true);
      this.doc.removeEventListener('keydown', this.onKeyDown, true);
    }
    if (this.ui) {
      render(null, this.ui.panel);
      this.ui.remove();
      this.ui = null;
    }
  }

  /** The mark whose tooltip is open, if any. */
  get openMark(): HTMLElement | null {
    return this.current;
  }

  /** Open the tooltip of `mark` now (closing any other). Never throws into the page. */
  open(mark: HTMLElement, by: OpenedBy): void {
    try {
      this.show(mark, by);
    } catch (e) {
      console.debug('Deal Lens: tooltip failed', e);
      this.close();
    }
  }

  private show(mark: HTMLElement, by: OpenedBy): void {
    this.clearTimers();
    if (this.current === mark) {
      // a stronger reason keeps it open longer: focus outlives hover
      if (by !== 'hover') this.openedBy = by;
      return;
    }
    const x = this.opts.explain(mark);
    if (!x) return;
    this.close();
    const ui = (this.ui ??= createHost(this.doc, PANEL_CSS));
    render(<TooltipView explanation={x} t={this.opts.t} titleId="dl-title" maxSources={MAX_SOURCES} />, ui.panel);
    ui.panel.setAttribute('aria-labelledby', 'dl-title');
    ui.show();
    this.current = mark;
    this.openedBy = by;
    mark.setAttribute('aria-describedby', ui.host.id);
    mark.setAttribute('data-deal-lens-open', '');
    this.stopFollowing = follow(mark, ui.panel, by === 'hover' ? this.pointer : undefined);
  }

  close(): void {
    // a pending open (the pointer already on another mark) survives the close
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
    this.stopFollowing?.();
    this.stopFollowing = null;
    if (this.current) {
      this.current.removeAttribute('aria-describedby');
      this.current.removeAttribute('data-deal-lens-open');
    }
    this.current = null;
    this.openedBy = null;
    this.ui?.hide();
  }

  private clearTimers(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.openTimer = this.closeTimer = undefined;
  }

  private markOf(target: EventTarget | null): HTMLElement | null {
    const el = target instanceof Element ? target : null;
    return (el?.closest(MARK_TAG) as HTMLElement | null) ?? null;
  }

  private inTooltip(target: EventTarget | null): boolean {
    return !!this.ui && target instanceof Node && (target === this.ui.host || this.ui.host.contains(target));
  }

  private scheduleClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(), CLOSE_GRACE_MS);
  }

  private readonly onPointerOver = (e: PointerEvent) => {
    if (e.pointerType === 'touch') return;
    this.pointer = { x: e.clientX, y: e.clientY };
    if (this.inTooltip(e.target)) {
      clearTimeout(this.closeTimer);
      return;
    }
    const mark = this.markOf(e.target);
    if (!mark) return;
    if (mark === this.current) {
      clearTimeout(this.closeTimer);
      return;
    }
    clearTimeout(this.openTimer);
    this.openTimer = setTimeout(() => {
      if (mark.isConnected) this.open(mark, 'hover');
    }, this.opts.delay);
  };

  private readonly onPointerOut = (e: PointerEvent) => {
    if (e.pointerType === 'touch') return;
    const to = e.relatedTarget;
    const from = this.markOf(e.target) ?? (this.inTooltip(e.target) ? this.current : null);
    if (!from) return;
    // still inside the same mark, or moving between mark and tooltip
    if (this.markOf(to) === from || this.inTooltip(to)) return;
    if (from !== this.current) {
      clearTimeout(this.openTimer); // left before the intent delay ran out
      return;
    }
    if (this.openedBy === 'hover') this.scheduleClose();
  };

  private readonly onPointerDown = (e: PointerEvent) => {
    if (this.inTooltip(e.target)) return;
    const mark = this.markOf(e.target);
    if (e.pointerType === 'touch' && mark) {
      if (mark !== this.current) this.open(mark, 'touch');
      return;
    }
    if (this.current && mark !== this.current) this.close();
  };

  private readonly onFocusIn = (e: FocusEvent) => {
    const mark = this.markOf(e.target);
    if (!mark) return;
    let keyboard = true;
    try {
      keyboard = mark.matches(':focus-visible');
    } catch {
      // engines without :focus-visible: treat every focus as keyboard focus
    }
    this.open(mark, keyboard ? 'focus' : 'hover');
  };

  private readonly onFocusOut = (e: FocusEvent) => {
    const mark = this.markOf(e.target);
    if (!mark || mark !== this.current) return;
    if (this.inTooltip(e.relatedTarget)) return;
    if (this.openedBy === 'focus' || this.openedBy === 'reveal') this.close();
  };

  private readonly onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !this.current) return;
    const mark = this.current;
    const focusWasInside = this.inTooltip(this.doc.activeElement);
    this.close();
    if (focusWasInside) mark.focus({ preventScroll: true });
  };
}
