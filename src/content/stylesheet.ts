/**
 * Installing one stylesheet into a document or a shadow root, and taking it out
 * again. Constructable stylesheets (`adoptedStyleSheets`) first: a page's strict
 * CSP (`style-src` without 'unsafe-inline') cannot block them and they leave no
 * node in the DOM. Where adopting fails (e.g. a sheet built in a content-script
 * realm that the page's document refuses) a `<style>` element with textContent
 * is the fallback.
 */

export interface InstalledSheet {
  /** Replace the rules (e.g. a new highlight intensity). */
  update(css: string): void;
  /** Take the sheet out; the target is as before. */
  remove(): void;
}

type SheetTarget = Document | ShadowRoot;

function adopt(target: SheetTarget, css: string): InstalledSheet | null {
  try {
    const doc = 'defaultView' in target ? target : target.ownerDocument;
    const Ctor = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
    const sheet = new Ctor();
    sheet.replaceSync(css);
    target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
    if (!target.adoptedStyleSheets.includes(sheet)) return null;
    return {
      update: (next) => sheet.replaceSync(next),
      remove: () => {
        target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
      },
    };
  } catch {
    return null;
  }
}

function styleElement(target: SheetTarget, css: string): InstalledSheet {
  const doc = 'defaultView' in target ? target : target.ownerDocument;
  const style = doc.createElement('style');
  style.textContent = css;
  const parent = 'defaultView' in target ? (target.head ?? target.documentElement) : target;
  parent.appendChild(style);
  return {
    update: (next) => {
      style.textContent = next;
    },
    remove: () => style.remove(),
  };
}

/** Install `css` into `target`, adopted when possible. */
export function installSheet(target: SheetTarget, css: string, opts: { preferElement?: boolean } = {}): InstalledSheet {
  return (!opts.preferElement && adopt(target, css)) || styleElement(target, css);
}
