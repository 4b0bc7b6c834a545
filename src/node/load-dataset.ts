/** Reads and validates the story folders under data/ (Node only: build, CLI, tests). */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DATA_FILES, type Dataset } from '../core/schema';
import { DataError, validateStory, type DataProblem } from '../core/validate';
import { todayIso } from '../core/engine';

export { todayIso };

export const DEFAULT_STORY = 'amazon-anthropic-2026';

/** Load one story folder, validating shape and references. Throws DataError naming file, entry and field. */
export function loadStory(dir: string, today = todayIso(), root = process.cwd()): Dataset {
  const files: Record<string, unknown> = {};
  const problems: DataProblem[] = [];
  const shown = relative(root, dir) || dir;
  for (const name of Object.keys(DATA_FILES)) {
    const path = join(dir, name);
    if (!existsSync(path)) continue; // reported as missing by validateStory
    try {
      files[name] = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      problems.push({ file: `${shown}/${name}`, entry: '-', field: '-', message: `not valid JSON: ${(e as Error).message}` });
    }
  }
  if (problems.length) throw new DataError(problems);
  return validateStory(files, today, shown);
}

/** Every story folder under `dataDir`. */
export function storyDirs(dataDir: string): string[] {
  return readdirSync(dataDir)
    .map((n) => join(dataDir, n))
    .filter((p) => statSync(p).isDirectory())
    .sort();
}

/** The default story's dataset, from the repository's data/ folder. */
export function loadDefaultDataset(repoRoot = process.cwd()): Dataset {
  return loadStory(join(repoRoot, 'data', DEFAULT_STORY), todayIso(), repoRoot);
}
