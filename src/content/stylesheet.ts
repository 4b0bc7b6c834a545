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

/**
 * Constructed sheets by target, with the rules each holds: installing again into
 * a target (after an undo, a new highlight intensity, a new controller) adopts a
 * sheet already parsed instead of parsing the same rules again — parsing is most
 * of an install (`all: unset` alone expands to every CSS property). Only a sheet
 * the target has not adopted at the moment is reused, so two installs never share one.
 */
const parsed = new WeakMap<SheetTarget, { sheet: CSSStyleSheet; css: string }[]>();

function adopt(target: SheetTarget, css: string): InstalledSheet | null {
  try {
    const current = target.adoptedStyleSheets;
    const cached = parsed.get(target);
    // a free sheet with these rules, else any free sheet (its rules replaced)
    let entry: { sheet: CSSStyleSheet; css: string } | undefined;
    for (const e of cached ?? []) {
      if (current.includes(e.sheet)) continue;
      entry = e;
      if (e.css === css) break;
    }
    const reused = !!entry;
    if (!entry) {
      const doc = 'defaultView' in target ? target : target.ownerDocument;
      const Ctor = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
      entry = { sheet: new Ctor(), css: '' };
    }
    const { sheet } = entry;
    if (entry.css !== css) {
      sheet.replaceSync(css);
      entry.css = css;
    }
    target.adoptedStyleSheets = [...current, sheet];
    // a sheet this target adopted before needs no second look
    if (!reused) {
      if (!target.adoptedStyleSheets.includes(sheet)) return null;
      if (cached) cached.push(entry);
      else parsed.set(target, [entry]);
    }
    const e = entry;
    // once removed, this handle leaves the sheet alone: a later install may be using it
    let live = true;
    return {
      update: (next) => {
        if (!live) return;
        sheet.replaceSync(next);
        e.css = next;
      },
      remove: () => {
        if (!live) return;
        live = false;
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
