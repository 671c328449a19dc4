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

/**
 * Copies `entries` of `sourceDir` (all when omitted; missing ones are skipped). A copy, not a
 * symlink: the extension host maps each `require('vscode')` to its extension by the caller's real
 * path, and a symlinked dist/ resolves outside the extension folder, so VS Code could not tell
 * which extension called (notifications then say "Source: Null Extension Description").
 */
export function installUnpacked(extensionsDir: string, sourceDir: string, entries?: readonly string[]): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(sourceDir, 'package.json'), 'utf8')) as Manifest;
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  for (const entry of entries ?? fs.readdirSync(sourceDir)) {
    const from = path.join(sourceDir, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true, dereference: true });
  }
  return target;
}
