/**
 * Content script entry, one per frame: wires the page controller to the
 * extension — settings from storage.sync (re-applied live on change), the
 * page summary to the background, and the popup's `reveal`, `get-summary` and
 * `annotate` messages (each validated with zod before anything happens).
 *
 * Double injection: the popup's "Annotate this page" may run content.js again
 * with scripting.executeScript in a frame where it already runs. A symbol on
 * the content-script global (the isolated world, invisible to the page) marks
 * the first run; a second run only asks the first to annotate regardless of
 * the site list, and stops.
 */
import browser from 'webextension-polyfill';
import dataset from 'deal-lens:dataset';
import { createEngine } from '../core/engine';
import { explain, indexDataset, type DatasetIndex } from '../core/explain';
import { ToContent, type PageSummary } from '../core/messages';
import { KINDS, SETTINGS_KEY, readSettings, siteEnabled, siteForUrl, type Settings } from '../core/settings';
import type { Translate } from '../ui/tooltip-view';
import { PageController, type ViewSettings } from './page-controller';

const INSTANCE = Symbol.for('deal-lens:content');

interface Instance {
  /** Annotate now, whatever the settings say for this site (the popup asked). */
  force(): void;
}

type Global = typeof globalThis & { [INSTANCE]?: Instance };

function viewSettings(s: Settings): ViewSettings {
  return {
    kinds: KINDS.filter((k) => s.kinds[k]),
    disabledSources: s.disabledSources,
    intensity: s.intensity,
    tooltipDelay: s.tooltipDelay,
  };
}

/**
 * Whether this frame annotates on its own. A page on no list can only run this
 * script because the popup injected it ("Annotate this page"), so it does;
 * a listed site follows its switch and the master switch.
 */
function allowed(s: Settings, url: string): boolean {
  return siteForUrl(s, url) === null || siteEnabled(s, url);
}

function start(): Instance {
  const engine = createEngine(dataset);
  let index: DatasetIndex | null = null;
  const t: Translate = (key, subs) => browser.i18n.getMessage(key, subs) || key;
  let forced = false;
  let frameReported = false;
  let settings: Settings = readSettings(undefined).settings;

  const controller = new PageController(
    {
      win: window,
      engine,
      t,
      explain: (r) => explain((index ??= indexDataset(dataset)), { entryId: r.entryId, kind: r.kind, factId: r.factId, text: r.text }),
      report: (summary: PageSummary) => {
        // the top frame always reports (the badge clears on pages not about the deal); other
        // frames once they have something, and from then on (so switching off clears them too)
        if (window !== window.top && !summary.about && !frameReported) return;
        frameReported = true;
        browser.runtime.sendMessage(summary).catch(() => undefined);
      },
    },
    viewSettings(settings),
  );

  const apply = () => {
    controller.update(viewSettings(settings));
    if (forced || allowed(settings, location.href)) controller.activate();
    else controller.deactivate();
  };

  browser.runtime.onMessage.addListener((raw: unknown): Promise<unknown> | undefined => {
    const parsed = ToContent.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    if (msg.type === 'reveal') {
      // frames number their marks independently: only a frame that has this mark answers
      if (!controller.isActive || msg.mark >= controller.marks.size) return window === window.top ? Promise.resolve(false) : undefined;
      return Promise.resolve(controller.reveal(msg.mark));
    }
    if (window !== window.top) return undefined; // the popup asks the top frame; the background has every frame's summary
    if (msg.type === 'annotate') {
      forced = true;
      apply();
    }
    return Promise.resolve(controller.summary());
  });

  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'sync' || !change) return;
    settings = readSettings(change.newValue).settings;
    apply();
  });

  browser.storage.sync
    .get(SETTINGS_KEY)
    .then((stored) => {
      settings = readSettings(stored[SETTINGS_KEY]).settings;
    })
    .catch((e: unknown) => console.debug('Deal Lens: settings unreadable, using defaults', e))
    .finally(apply);

  return {
    force() {
      forced = true;
      apply();
    },
  };
}

const g = globalThis as Global;
try {
  if (g[INSTANCE]) g[INSTANCE].force();
  else if (document.documentElement && document.body) g[INSTANCE] = start();
} catch (e) {
  console.debug('Deal Lens: could not start', e);
}
