#!/usr/bin/env node
/**
 * Builds Deal Lens for Chrome and Firefox from one source tree.
 *
 *   node build.mjs            production build: minified, dist/chrome, dist/firefox and store zips
 *   node build.mjs --dev      unminified with inline source maps, no zips
 *   node build.mjs --watch    dev build, rebuilt on every change
 *   node build.mjs --outdir D write to D instead of dist (also DEAL_LENS_DIST)
 *
 * The dataset under data/ is validated with the zod schema first: a broken
 * file fails the build with its file, entry id and field.
 */
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync, rmSync, cpSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';

const root = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const watch = args.includes('--watch');
const dev = watch || args.includes('--dev');
const outArg = args.indexOf('--outdir');
// an absolute folder stays absolute; a relative one is taken from the project root
const outdir = resolve(root, outArg >= 0 ? args[outArg + 1] : process.env.DEAL_LENS_DIST || 'dist');
const dataArg = args.indexOf('--data');
const dataDir = dataArg >= 0 ? args[dataArg + 1] : join(root, 'data');
const quiet = args.includes('--quiet');
const log = (...m) => quiet || console.log(...m);

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
export const GECKO_ID = 'deal-lens@deal-lens.app';

/** Load the dataset through the same TypeScript validator the tests use. */
async function loadDataset() {
  const result = await esbuild.build({
    entryPoints: [join(root, 'src/node/load-dataset.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const dirs = mod.storyDirs(dataDir);
  if (!dirs.length) throw new Error(`no story folder under ${dataDir}`);
  const stories = dirs.map((d) => mod.loadStory(d, mod.todayIso(), root));
  const main = stories.find((s) => s.story.id === mod.DEFAULT_STORY) ?? stories[0];
  return main;
}

/** esbuild plugin: `import dataset from 'deal-lens:dataset'` is the validated dataset. */
const datasetPlugin = (getData) => ({
  name: 'deal-lens-dataset',
  setup(build) {
    build.onResolve({ filter: /^deal-lens:dataset$/ }, () => ({ path: 'dataset', namespace: 'deal-lens' }));
    build.onLoad({ filter: /.*/, namespace: 'deal-lens' }, async () => {
      const data = await getData();
      return { contents: JSON.stringify(data), loader: 'json', watchFiles: listFiles(dataDir) };
    });
  },
});

function listFiles(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

/**
 * Preact's dangerouslySetInnerHTML path is the only HTML sink in our bundles and
 * we never use it: render such props as text, so no HTML can reach the DOM and
 * addons-linter has nothing to warn about. Fails loudly if preact changes shape.
 */
const noInnerHtmlPlugin = {
  name: 'preact-no-inner-html',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.module\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      const sink = /\(([a-z])\.innerHTML=([a-z])\.__html\)/g;
      if (!sink.test(src)) throw new Error(`preact-no-inner-html: pattern not found in ${args.path}; update build.mjs`);
      return { contents: src.replace(sink, '($1.textContent=$2.__html)'), loader: 'js' };
    });
  },
};

const ENTRIES = {
  content: 'src/content/index.ts',
  background: 'src/background/index.ts',
  popup: 'src/popup/index.tsx',
  options: 'src/options/index.tsx',
};

function manifestFor(browser) {
  const base = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  base.version = pkg.version;
  if (browser === 'chrome') {
    base.background = { service_worker: 'background.js' };
    base.minimum_chrome_version = '116';
  } else {
    base.background = { scripts: ['background.js'] };
    base.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return base;
}

function copyStatic(dest) {
  cpSync(join(root, 'src/static'), dest, { recursive: true });
  cpSync(join(root, 'src/_locales'), join(dest, '_locales'), { recursive: true });
  for (const page of ['popup', 'options']) cpSync(join(root, `src/${page}/${page}.html`), join(dest, `${page}.html`));
}

function zipDir(dir, zipPath) {
  const files = {};
  for (const p of listFiles(dir)) {
    if (p.endsWith('.map')) continue; // source maps stay out of the store packages
    files[relative(dir, p).split('\\').join('/')] = [readFileSync(p), { mtime: new Date('2026-01-01T00:00:00Z') }];
  }
  writeFileSync(zipPath, zipSync(files, { level: 9 }));
  return statSync(zipPath).size;
}

async function buildAll(ctxs) {
  for (const ctx of ctxs) await ctx.rebuild();
}

async function main() {
  let data;
  const getData = async () => (data ??= await loadDataset());
  try {
    await getData();
  } catch (e) {
    console.error(`\nbuild failed: ${e.message}`);
    process.exit(1);
  }
  log(`dataset: ${data.terms.length} terms, ${data.facts.length} facts, ${data.caveats.length} caveats, ${data.conflicts.length} conflict rules, ${data.sources.length} sources`);

  rmSync(outdir, { recursive: true, force: true });
  const targets = ['chrome', 'firefox'];
  const ctxs = [];
  for (const browser of targets) {
    const dest = join(outdir, browser);
    mkdirSync(dest, { recursive: true });
    ctxs.push(
      await esbuild.context({
        entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, join(root, v)])),
        outdir: dest,
        bundle: true,
        format: 'iife',
        target: browser === 'chrome' ? ['chrome116'] : ['firefox142'],
        minify: !dev,
        sourcemap: dev ? 'inline' : 'linked',
        legalComments: 'none',
        charset: 'utf8',
        jsx: 'automatic',
        jsxImportSource: 'preact',
        define: { __BROWSER__: JSON.stringify(browser), __DEV__: String(dev) },
        logLevel: 'warning',
        plugins: [
          noInnerHtmlPlugin,
          datasetPlugin(async () => {
            if (watch) data = undefined; // re-read and re-validate on each rebuild
            return getData();
          }),
          {
            name: 'static',
            setup(build) {
              build.onEnd((r) => {
                if (r.errors.length) return;
                copyStatic(dest);
                writeFileSync(join(dest, 'manifest.json'), JSON.stringify(manifestFor(browser), null, 2) + '\n');
              });
            },
          },
        ],
      }),
    );
  }
  try {
    await buildAll(ctxs);
  } catch (e) {
    console.error(`\nbuild failed: ${e.message}`);
    process.exit(1);
  }
  if (watch) {
    for (const ctx of ctxs) await ctx.watch();
    log(`watching: ${relative(root, outdir)}/{chrome,firefox}`);
    return;
  }
  for (const ctx of ctxs) await ctx.dispose();
  if (!dev) {
    for (const browser of targets) {
      const zip = join(outdir, `deal-lens-${browser}-${pkg.version}.zip`);
      const size = zipDir(join(outdir, browser), zip);
      log(`${relative(root, zip)}: ${(size / 1024).toFixed(1)} KiB`);
    }
  }
  log(`built ${relative(root, outdir)}/chrome and ${relative(root, outdir)}/firefox${dev ? ' (dev)' : ''}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
