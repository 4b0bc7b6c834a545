/**
 * The tooltip's own chrome inside the shadow root: a fixed box that floating-ui
 * moves, never larger than the viewport (it scrolls inside instead), light and
 * dark, with a short fade only when the reader allows motion.
 */
import { TOOLTIP_CARD_CSS } from '../../ui/tooltip-styles';

export const PANEL_CSS = `
:host { all: initial; }
.dl-panel {
  position: fixed; top: 0; left: 0;
  box-sizing: border-box;
  width: max-content;
  max-width: min(380px, calc(100vw - 16px));
  max-height: calc(100vh - 16px);
  overflow: auto;
  overscroll-behavior: contain;
  padding: 12px 14px;
  background: #ffffff;
  color: #1b1b1f;
  border: 1px solid #d9d9e0;
  border-radius: 8px;
  box-shadow: 0 8px 28px rgba(0, 0, 0, .18), 0 1px 3px rgba(0, 0, 0, .12);
}
.dl-panel[data-hidden] { visibility: hidden; }
@media (prefers-color-scheme: dark) {
  .dl-panel { background: #1f2026; color: #ececf1; border-color: #3a3b44; box-shadow: 0 8px 28px rgba(0, 0, 0, .5); }
}
@media (prefers-reduced-motion: no-preference) {
  .dl-panel { animation: dl-in 120ms ease-out; }
  @keyframes dl-in { from { opacity: 0; } to { opacity: 1; } }
}
@media (forced-colors: active) {
  .dl-panel { border: 1px solid CanvasText; }
}
${TOOLTIP_CARD_CSS}
`;
