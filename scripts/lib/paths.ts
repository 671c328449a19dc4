// Where things live, resolved from the compiled location (out/scripts/lib) so callers need no cwd.
import * as path from 'path';

/** The repository root (the folder holding package.json). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** code-server's entry point, installed by scripts/install-code-server.sh. */
export const codeServerEntry = path.join(repoRoot, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Test and tool output (git-ignored): results files, screenshots, failure pictures. */
export const testResultsDir = path.join(repoRoot, 'test-results');

/** The README's images; written only by `npm run screenshots`. */
export const readmeImagesDir = path.join(repoRoot, 'docs', 'images');
