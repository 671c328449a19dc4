// Where tests put screenshots: always under test-results/screenshots/ (git-ignored). Only
// `npm run screenshots` (which sets UPDATE_README_IMAGES_ENV) also copies the ones the README
// shows into docs/images/, so `npm test` never changes tracked files.
import * as fs from 'fs';
import * as path from 'path';
import { readmeImagesDir, repoRoot, testResultsDir } from '../../scripts/lib/paths';

export const UPDATE_README_IMAGES_ENV = 'TELNYX_SIMS_UPDATE_README_IMAGES';
export const screenshotsDir = path.join(testResultsDir, 'screenshots');

/** The file a screenshot named `name` is written to (its folder exists). */
export function screenshotPath(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '-').replace(/\.png$/, '');
  fs.mkdirSync(screenshotsDir, { recursive: true });
  return path.join(screenshotsDir, `${safe}.png`);
}

/**
 * Call after writing `file` (from screenshotPath). With UPDATE_README_IMAGES_ENV set, copies it to
 * docs/images/ when README.md or CONTRIBUTING.md shows that image; returns the copy's path.
 */
export function publishScreenshot(file: string): string | undefined {
  if (!process.env[UPDATE_README_IMAGES_ENV]) return undefined;
  const name = path.basename(file);
  if (!docsImages().has(name)) return undefined;
  const target = path.join(readmeImagesDir, name);
  fs.copyFileSync(file, target);
  return target;
}

/** File names of docs/images/*.png referenced by the README or CONTRIBUTING.md. */
function docsImages(): Set<string> {
  const names = new Set<string>();
  for (const doc of ['README.md', 'CONTRIBUTING.md']) {
    let text = '';
    try {
      text = fs.readFileSync(path.join(repoRoot, doc), 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(/docs\/images\/([A-Za-z0-9._-]+\.png)/g)) {
      if (m[1] !== undefined) names.add(m[1]);
    }
  }
  return names;
}
