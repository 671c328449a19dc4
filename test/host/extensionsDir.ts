// Puts an unpacked extension into an --extensions-dir the way an installed one looks
// (<publisher>.<name>-<version>/). VS Code 1.100 scans such a folder and writes extensions.json
// itself when the directory has none yet, so the directory must be fresh.
import * as fs from 'fs';
import * as path from 'path';

interface Manifest {
  publisher: string;
  name: string;
  version: string;
}

/** Links (not copies) `entries` of `sourceDir`, so a rebuilt dist/ shows up after a window reload. */
export function linkExtension(extensionsDir: string, sourceDir: string, entries?: string[]): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(sourceDir, 'package.json'), 'utf8')) as Manifest;
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  for (const entry of entries ?? fs.readdirSync(sourceDir)) {
    const from = path.join(sourceDir, entry);
    if (fs.existsSync(from)) fs.symlinkSync(from, path.join(target, entry));
  }
  return target;
}
