/**
 * Keeping the tooltip next to its mark and inside the viewport, with
 * floating-ui: below the mark by default, flipped above when there is no room,
 * shifted sideways at the edges, shrunk (it scrolls inside) when neither side
 * has room for all of it, on the line the pointer is on for marks that wrap,
 * and hidden while the mark is scrolled out of sight in a scrolling container.
 * `autoUpdate` follows scrolling (window and containers), resizes and layout
 * shifts until the returned cleanup runs.
 */
import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size } from '@floating-ui/dom';

const EDGE = 8;

export function follow(reference: HTMLElement, panel: HTMLElement, pointer?: { x: number; y: number }): () => void {
  const update = () => {
    if (!reference.isConnected) return;
    void computePosition(reference, panel, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(pointer ? { x: pointer.x, y: pointer.y } : {}),
        offset(6),
        flip({ padding: EDGE, fallbackAxisSideDirection: 'none' }),
        shift({ padding: EDGE }),
        size({
          padding: EDGE,
          apply({ availableHeight, availableWidth, elements }) {
            elements.floating.style.setProperty('max-height', `${Math.max(80, Math.floor(availableHeight))}px`);
            elements.floating.style.setProperty('max-width', `${Math.max(160, Math.min(380, Math.floor(availableWidth)))}px`);
          },
        }),
        hide({ strategy: 'referenceHidden' }),
      ],
    }).then(({ x, y, middlewareData }) => {
      panel.style.setProperty('left', `${Math.round(x)}px`);
      panel.style.setProperty('top', `${Math.round(y)}px`);
      if (middlewareData.hide?.referenceHidden) panel.setAttribute('data-hidden', '');
      else panel.removeAttribute('data-hidden');
    });
  };
  return autoUpdate(reference, panel, update);
}
